using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Infrastructure.Files;

namespace TitleReview.Application.Tests.Files;

/// <summary><c>Storage:Provider</c> = <c>S3</c> with settings missing: refused by name, before any upload.</summary>
public class StorageOptionsTests : ApplicationTestBase
{
    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:9000",
        ["Storage:S3:AccessKey"] = "titlereview",
    };

    [Test]
    public void FileStore_S3WithSettingsMissing_IsRefusedNamingThem()
    {
        var act = () => Services.GetRequiredService<IFileStore>();

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("文件存储配置错误：Storage:Provider 为 S3，但缺少 Storage:S3:Bucket、Storage:S3:SecretKey。");
    }

    [Test]
    public void Defaults_AreTheLocalStore_AndTheAgreedS3Settings()
    {
        var options = new StorageOptions();

        options.Provider.Should().Be(StorageProvider.Local);
        options.S3.Region.Should().Be("us-east-1");
        options.S3.ForcePathStyle.Should().BeTrue();
        options.S3.ServerSideEncryption.Should().Be(S3ServerSideEncryption.None);
    }

    [TestCase("minio:9000")]
    [TestCase("ftp://minio:9000")]
    public void Validation_ServiceUrlNotHttp_IsRefused(string url)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { ServiceUrl = url, Bucket = "uploads", AccessKey = "a", SecretKey = "s" },
        };

        var result = new StorageOptionsValidation().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Be($"文件存储配置错误：Storage:S3:ServiceUrl 须为 http:// 或 https:// 开头的完整地址，当前为“{url}”。");
    }

    [Test]
    public void Validation_LocalStore_NeedsNoS3Settings()
    {
        new StorageOptionsValidation().Validate(null, new StorageOptions()).Succeeded.Should().BeTrue();
    }
}
