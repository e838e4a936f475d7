using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Domain.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Files;

/// <summary>
/// Keeps uploads in an S3-compatible object store (MinIO, AWS S3, …) shared by every
/// application instance (<c>Storage:Provider</c> = <c>S3</c>), under the same keys as the local
/// store. An upload is staged on the local disk by <see cref="UploadIntake"/> (so its kind, size
/// and SHA-256 are known first) and then sent in one PutObject: an object is either there whole
/// or not at all. Its SHA-256 travels along as the object's <c>sha256</c> metadata. A read
/// downloads to a staged file that is deleted when the caller closes it, and hands it out only
/// once its SHA-256 matches the one recorded at upload.
/// </summary>
internal sealed partial class S3FileStore : IFileStore, IFileStoreProbe, IDisposable
{
    public const string Sha256MetadataName = "sha256";

    /// <summary>How long the health check waits for the bucket to answer.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly StoragePaths _paths;
    private readonly ILogger<S3FileStore> _logger;

    public S3FileStore(IOptions<StorageOptions> options, StoragePaths paths, ILogger<S3FileStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.S3;
        _paths = paths;
        _logger = logger;
        _client = CreateClient(_options);
    }

    private string Bucket => _options.Bucket!;

    private bool Encrypts => _options.ServerSideEncryption == S3ServerSideEncryption.AES256;

    /// <summary>
    /// A client for the configured store. Path-style addressing and the endpoint as given; the
    /// SDK's default CRC checksums (an <c>aws-chunked</c> body with a trailer) are asked for only
    /// where an operation requires them, since MinIO versions and other S3-compatible servers
    /// differ in what they accept; the body is sent whole, signed by its SHA-256.
    /// </summary>
    public static AmazonS3Client CreateClient(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
        };
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task<StoredFile> SaveAsync(Stream content, string originalName, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var staged = await UploadIntake.StageAsync(content, originalName, maxBytes, UploadIntake.StagingFolder(_paths), cancellationToken);

        var storageKey = StorageKeys.New();
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = storageKey,
            FilePath = staged.Path,
            ContentType = staged.Kind.ContentType(),
            UseChunkEncoding = false,

            // A 128-bit random id does not collide in practice; if it ever did, the store refuses
            // to overwrite (where it supports conditional writes) instead of replacing someone's file.
            IfNoneMatch = "*",
        };
        request.Metadata[Sha256MetadataName] = staged.Sha256Hex;
        if (Encrypts)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }

        try
        {
            var response = await _client.PutObjectAsync(request, cancellationToken);
            if (Encrypts && response.ServerSideEncryptionMethod != ServerSideEncryptionMethod.AES256)
            {
                throw new InvalidOperationException(
                    $"Storage:S3:ServerSideEncryption is AES256 but the object store did not confirm the object {storageKey} as encrypted.");
            }
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            // Someone else's object already has this key: leave it alone.
            throw;
        }
        catch
        {
            // The request may have reached the store before it failed or was cancelled: make
            // sure no object is left behind without a row.
            await DeleteQuietlyAsync(storageKey);
            throw;
        }

        return staged.ToStoredFile(storageKey);
    }

    public async Task<Stream> OpenVerifiedAsync(string storageKey, string expectedSha256, CancellationToken cancellationToken = default)
    {
        StorageKeys.Check(storageKey);
        var expected = StorageKeys.ParseSha256(expectedSha256);

        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = storageKey }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new StoredFileTamperedException(storageKey, e);
        }

        using (response)
        {
            var folder = UploadIntake.StagingFolder(_paths);
            Directory.CreateDirectory(folder);
            var file = new FileStream(
                Path.Combine(folder, StorageKeys.NewId() + ".get"),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                UploadIntake.BufferSize,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return await UploadIntake.ServeIfIntactAsync(
                file, storageKey, staged => UploadIntake.CopyAndVerifyAsync(response.ResponseStream, staged, expected, cancellationToken));
        }
    }

    public async Task DeleteAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        // The token is deliberately ignored: compensation must run even for a cancelled request.
        StorageKeys.Check(storageKey);
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = storageKey }, CancellationToken.None);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: S3 answers 204 for a missing key, some compatible stores 404.
        }
    }

    /// <summary>Healthy when the bucket answers a HeadBucket within <see cref="ProbeTimeout"/>.</summary>
    public async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, timeout.Token);
            return HealthCheckResult.Healthy($"对象存储桶 {Bucket} 可访问。");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"对象存储桶 {Bucket} 在 {ProbeTimeout.TotalSeconds:0} 秒内没有应答。", e);
        }
        catch (AmazonServiceException e)
        {
            return HealthCheckResult.Unhealthy($"对象存储桶 {Bucket} 无法访问（HTTP {(int)e.StatusCode}）。", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException)
        {
            return HealthCheckResult.Unhealthy($"对象存储 {_options.ServiceUrl} 无法连接。", e);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task DeleteQuietlyAsync(string storageKey)
    {
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = storageKey }, CancellationToken.None);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            // The original failure is what the caller hears about.
            LogCompensationFailed(_logger, storageKey, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed upload's object {StorageKey} could not be removed; it has no row and is never served.")]
    private static partial void LogCompensationFailed(ILogger logger, string storageKey, Exception exception);
}
