using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Infrastructure.Files;
using TitleReview.Tests.Fixtures;

namespace TitleReview.Application.Tests.Files;

/// <summary>
/// The storage contract against the S3 store (<c>Storage:Provider</c> = <c>S3</c>) talking to a
/// real S3-protocol server, s3rver, started once for the fixture; each test starts from an empty
/// bucket. Ignored, with the reason, where node or the s3rver package is not there.
/// </summary>
[NonParallelizable]
public class S3FileStoreTests : FileStoreContract
{
    private const string BucketName = "titlereview-contract";

    private S3rverProcess? _server;
    private AmazonS3Client? _outOfBand;

    private S3rverProcess Server => _server ?? throw new InvalidOperationException("s3rver is not running.");

    /// <summary>A client of its own, to look at and change the bucket behind the store's back.</summary>
    private AmazonS3Client OutOfBand => _outOfBand ?? throw new InvalidOperationException("s3rver is not running.");

    protected override IDictionary<string, string?> ExtraConfiguration => Server.Settings(BucketName);

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await S3rverProcess.StartWithBucketAsync(BucketName);
        _outOfBand = S3FileStore.CreateClient(Server.Options(BucketName).S3);
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _outOfBand?.Dispose();
        _server?.Dispose();
    }

    [SetUp]
    public async Task EmptyTheBucket()
    {
        foreach (var key in await StoredKeysAsync())
        {
            await OutOfBand.DeleteObjectAsync(BucketName, key);
        }
    }

    [Test]
    public void Store_IsTheS3FileStore_AndOneForTheApplication()
    {
        Store.Should().BeOfType<S3FileStore>();
        Store.Should().BeSameAs(Store);
    }

    [Test]
    public async Task SaveAsync_RecordsTheSha256AndTheContentTypeOnTheObject()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        var metadata = await OutOfBand.GetObjectMetadataAsync(BucketName, stored.StorageKey);
        metadata.Metadata["sha256"].Should().Be(stored.Sha256Hex);
        metadata.Headers.ContentType.Should().Be("application/pdf");
        metadata.ContentLength.Should().Be(stored.Length);
    }

    [Test]
    public async Task SaveAsync_EncryptionRequiredButNotConfirmedByTheStore_IsRefused_AndLeavesNothing()
    {
        // s3rver accepts the SSE header but neither encrypts nor says it did, as a MinIO without
        // KMS would not: with AES256 configured, such an upload must not count as stored.
        using var store = NewStore(Server.Options(BucketName, S3ServerSideEncryption.AES256));

        var act = () => store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*did not confirm*encrypted*");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_StoreRefusesThePut_FailsAndLeavesNothingStaged()
    {
        using var store = NewStore(Server.Options("no-such-bucket"));

        var act = () => store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        (await act.Should().ThrowAsync<AmazonS3Exception>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task HealthCheck_BucketMissing_IsUnhealthy()
    {
        using var store = NewStore(Server.Options("no-such-bucket"));

        var result = await new FileStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Be("对象存储桶 no-such-bucket 无法访问（HTTP 404）。");
    }

    [Test]
    public async Task HealthCheck_ServerNotListening_IsUnhealthy()
    {
        var closedPort = ClosedLoopbackPort();
        var options = Server.Options(BucketName);
        options.S3.ServiceUrl = $"http://127.0.0.1:{closedPort}";
        using var store = NewStore(options);

        var result = await new FileStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().BeOneOf(
            $"对象存储 http://127.0.0.1:{closedPort} 无法连接。",
            $"对象存储桶 {BucketName} 在 5 秒内没有应答。");
    }

    [Test]
    public async Task OpenVerifiedAsync_ServedStream_IsAStagedCopyRemovedWhenClosed()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        var served = await Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);
        FilesIn(StagingFolder).Should().ContainSingle();
        await served.DisposeAsync();

        FilesIn(StagingFolder).Should().BeEmpty();
    }

    protected override async Task<IReadOnlyList<string>> StoredKeysAsync()
    {
        var listed = await OutOfBand.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BucketName });
        return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    protected override async Task<byte[]> ReadStoredAsync(string storageKey)
    {
        using var response = await OutOfBand.GetObjectAsync(BucketName, storageKey);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected override Task OverwriteStoredAsync(string storageKey, byte[] content) =>
        OutOfBand.PutObjectAsync(new PutObjectRequest
        {
            BucketName = BucketName,
            Key = storageKey,
            InputStream = new MemoryStream(content),
            UseChunkEncoding = false,
        });

    protected override Task RemoveStoredAsync(string storageKey) => OutOfBand.DeleteObjectAsync(BucketName, storageKey);

    private S3FileStore NewStore(StorageOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), Paths, NullLogger<S3FileStore>.Instance);

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
