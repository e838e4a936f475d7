namespace TitleReview.Application.Files;

/// <summary>
/// A stored file no longer matches the SHA-256 recorded at upload, or is gone. It is not
/// served; <see cref="StorageKey"/> is for the log.
/// </summary>
public sealed class StoredFileTamperedException : Exception
{
    public const string DefaultMessage = "文件校验失败：存储的文件与上传时的记录不一致，已拒绝提供。请联系省政工职评办。";

    public StoredFileTamperedException(string storageKey, Exception? inner = null)
        : base(DefaultMessage, inner)
    {
        StorageKey = storageKey;
    }

    public string StorageKey { get; }
}
