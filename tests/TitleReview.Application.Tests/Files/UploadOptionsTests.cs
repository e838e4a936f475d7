using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;

namespace TitleReview.Application.Tests.Files;

public class UploadOptionsTests : ApplicationTestBase
{
    [Test]
    public void Defaults_AreTenMegabytesPerFileAndHundredPerDossier()
    {
        var options = Services.GetRequiredService<IOptions<UploadOptions>>().Value;

        options.MaxFileBytes.Should().Be(10 * 1024 * 1024);
        options.MaxDossierBytes.Should().Be(100 * 1024 * 1024);
    }

    [TestCase(0L, 10L * 1024 * 1024)]
    [TestCase(85L * 1024 * 1024, 10L * 1024 * 1024)]
    [TestCase(95L * 1024 * 1024, 5L * 1024 * 1024)]
    [TestCase(100L * 1024 * 1024, 0L)]
    [TestCase(101L * 1024 * 1024, 0L)]
    public void LimitForNextFile_IsThePerFileLimitOrWhatIsLeftOfTheDossier(long used, long expected)
    {
        new UploadOptions().LimitForNextFile(used).Should().Be(expected);
    }
}

public class ConfiguredUploadOptionsTests : ApplicationTestBase
{
    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Uploads:MaxFileBytes"] = "2048",
        ["Uploads:MaxDossierBytes"] = "4096",
    };

    [Test]
    public async Task Limits_AreReadFromTheUploadsSection_AndApplyToTheStore()
    {
        var options = Services.GetRequiredService<IOptions<UploadOptions>>().Value;
        options.MaxFileBytes.Should().Be(2048);
        options.MaxDossierBytes.Should().Be(4096);

        var store = Services.GetRequiredService<IFileStore>();
        var act = () => store.SaveAsync(new UploadStream(TestContent.PdfHead, 2049), "a.pdf", options.MaxFileBytes);

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Message.Should().Be("文件超过大小上限（2 KB），请压缩后重新上传。");
    }
}

public class InvalidUploadOptionsTests : ApplicationTestBase
{
    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?>
    {
        ["Uploads:MaxFileBytes"] = "20971520",
        ["Uploads:MaxDossierBytes"] = "10485760",
    };

    [Test]
    public void PerFileLimitAboveTheDossierLimit_IsAConfigurationError()
    {
        var act = () => Services.GetRequiredService<IOptions<UploadOptions>>().Value;

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("上传大小上限配置错误：Uploads:MaxFileBytes 须大于 0，且不得大于 Uploads:MaxDossierBytes。");
    }
}
