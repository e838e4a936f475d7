using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Infrastructure.Files;
using TitleReview.Tests.Fixtures;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>
/// The web host with <c>Storage:Provider</c> = <c>S3</c>: keeping files in the object store
/// (s3rver here), with <c>/health</c> reporting on its bucket. Ignored, with the reason, where node or s3rver is not installed.
/// </summary>
[NonParallelizable]
public class FileStoreHostingTests
{
    private const string BucketName = "titlereview-host";

    private S3rverProcess? _server;

    private S3rverProcess Server => _server ?? throw new InvalidOperationException("s3rver is not running.");

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3rverProcess.StartWithBucketAsync(BucketName);

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [Test]
    public async Task S3Store_KeepsFilesInTheBucket_AndHealthReportsItReachable()
    {
        using var factory = new TitleReviewFactory(settings: Server.Settings(BucketName));
        using var client = factory.CreateClient();

        var store = factory.Services.GetRequiredService<IFileStore>();
        store.Should().BeOfType<S3FileStore>();
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var stored = await store.SaveAsync(new MemoryStream(pdf), "评审表.pdf", 1024);
        await using (var served = await store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex))
        {
            var copy = new MemoryStream();
            await served.CopyToAsync(copy);
            copy.ToArray().Should().Equal(pdf);
        }

        var (status, entry) = await FileStoreHealthAsync(client);
        status.Should().Be(HttpStatusCode.OK);
        entry.GetProperty("status").GetString().Should().Be("Healthy");
        entry.GetProperty("description").GetString().Should().Be($"对象存储桶 {BucketName} 可访问。");
    }

    [Test]
    public async Task S3Store_BucketMissing_HealthIsUnhealthy()
    {
        using var factory = new TitleReviewFactory(settings: Server.Settings("no-such-bucket"));
        using var client = factory.CreateClient();

        var (status, entry) = await FileStoreHealthAsync(client);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        entry.GetProperty("status").GetString().Should().Be("Unhealthy");
        entry.GetProperty("description").GetString().Should().Be("对象存储桶 no-such-bucket 无法访问（HTTP 404）。");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Entry)> FileStoreHealthAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "file-store")
            .Clone();
        return (response.StatusCode, entry);
    }
}

/// <summary>The web host refuses to start on an S3 store with settings missing, naming them.</summary>
public class FileStoreSettingsHostingTests
{
    [Test]
    public void S3Store_SettingsMissing_StartIsRefusedNamingThem()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:Bucket"] = "titlereview-uploads",
        };
        using var factory = new TitleReviewFactory(settings: settings);

        var act = () => factory.CreateClient();

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "文件存储配置错误：Storage:Provider 为 S3，但缺少 Storage:S3:ServiceUrl、Storage:S3:AccessKey、Storage:S3:SecretKey。");
    }
}
