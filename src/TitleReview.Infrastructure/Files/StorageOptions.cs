namespace TitleReview.Infrastructure.Files;

/// <summary>Where uploads are kept: the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Local</c> (the default: the data folder's <c>uploads/</c>) or <c>S3</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    /// <summary>The object store, read when <see cref="Provider"/> is <see cref="StorageProvider.S3"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}

public enum StorageProvider
{
    /// <summary>Files in <c>{DataFolder}/uploads/</c>; one application instance only.</summary>
    Local,

    /// <summary>An S3-compatible object store (MinIO, AWS S3, …), shared by every instance.</summary>
    S3,
}

/// <summary>The <c>Storage:S3</c> section.</summary>
public sealed class S3StorageOptions
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>The endpoint, e.g. <c>http://minio:9000</c>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The region requests are signed for; MinIO accepts the default.</summary>
    public string Region { get; set; } = DefaultRegion;

    /// <summary><c>http://host/bucket/key</c> rather than <c>http://bucket.host/key</c>; MinIO needs it.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// <c>AES256</c> asks the store to encrypt every object (SSE-S3) and refuses an upload the
    /// store does not confirm as encrypted; <c>None</c> leaves encryption to the bucket.
    /// </summary>
    public S3ServerSideEncryption ServerSideEncryption { get; set; } = S3ServerSideEncryption.None;
}

public enum S3ServerSideEncryption
{
    None,
    AES256,
}
