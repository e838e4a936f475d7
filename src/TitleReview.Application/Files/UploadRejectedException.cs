using TitleReview.Domain.Files;

namespace TitleReview.Application.Files;

/// <summary>
/// An upload refused for what it is (its name, size or content). Nothing was stored. The
/// message is Chinese and shown as it is; <see cref="StatusCode"/> tells the API what to answer.
/// </summary>
public sealed class UploadRejectedException : Exception
{
    public const string EmptyMessage = "文件为空，请重新选择。";
    public const string UnsupportedTypeMessage = "只接受 PDF、JPEG、PNG 文件（按文件内容识别），该文件不是其中任何一种。";

    public const int PayloadTooLarge = 413;
    public const int BadRequest = 400;

    private UploadRejectedException(UploadRejectionReason reason, string message, long? limitBytes = null)
        : base(message)
    {
        Reason = reason;
        LimitBytes = limitBytes;
    }

    public UploadRejectionReason Reason { get; }

    /// <summary>The limit that was passed, for <see cref="UploadRejectionReason.TooLarge"/>.</summary>
    public long? LimitBytes { get; }

    /// <summary>413 (Payload Too Large) for a size refusal, else 400 (Bad Request).</summary>
    public int StatusCode => Reason == UploadRejectionReason.TooLarge ? PayloadTooLarge : BadRequest;

    public static UploadRejectedException Empty() => new(UploadRejectionReason.Empty, EmptyMessage);

    public static UploadRejectedException TooLarge(long limitBytes) =>
        new(UploadRejectionReason.TooLarge, $"文件超过大小上限（{FileSize.Format(limitBytes)}），请压缩后重新上传。", limitBytes);

    /// <summary>The dossier already holds as much as it may; refused before the file is read.</summary>
    public static UploadRejectedException DossierFull(long maxDossierBytes) =>
        new(UploadRejectionReason.TooLarge, $"申报材料总大小已达上限（{FileSize.Format(maxDossierBytes)}），无法继续上传。请删除不需要的文件后重试。", maxDossierBytes);

    public static UploadRejectedException UnsupportedType() => new(UploadRejectionReason.UnsupportedType, UnsupportedTypeMessage);

    /// <summary>With the reason from <see cref="UploadFileName.Check"/>.</summary>
    public static UploadRejectedException BadName(string message) => new(UploadRejectionReason.BadName, message);

    /// <summary>With the reason from <see cref="UploadFileName.CheckMatchesContent"/>.</summary>
    public static UploadRejectedException NameMismatch(string message) => new(UploadRejectionReason.NameMismatch, message);
}
