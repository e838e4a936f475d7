using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Dossier;

/// <summary>
/// A reviewer opened a scan, viewed inline on the review page or downloaded: the server's own
/// record that the file was looked at, which the tick “核验无误” relies on.
/// </summary>
public sealed class AttachmentOpening
{
    private AttachmentOpening()
    {
        UserId = string.Empty;
    }

    public long Id { get; private set; }

    public Guid AttachmentId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public static AttachmentOpening Record(Guid attachmentId, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new AttachmentOpening { AttachmentId = attachmentId, UserId = userId, OpenedAt = now };
    }
}

/// <summary>
/// An auditor ticks an item as checked against the originals only after opening every scan
/// attached to it: a tick sent without looking at the scans certifies nothing.
/// </summary>
public sealed class ScansOpenedBeforeVerifyingRule(string itemDescription, IReadOnlyCollection<Guid> attachedScans, IReadOnlyCollection<Guid> scansOpenedByTheAuditor) : IBusinessRule
{
    private int Unopened => attachedScans.Count(id => !scansOpenedByTheAuditor.Contains(id));

    public bool IsBroken() => Unopened > 0;

    public string Message =>
        $"请先打开查看“{itemDescription}”的全部扫描件（还有 {Unopened} 份未打开），核对无误后再勾选“核验无误”。";
}
