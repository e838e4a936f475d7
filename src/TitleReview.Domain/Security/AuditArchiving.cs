using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Security;

/// <summary>How long audit rows stay in the database before they may be archived to a file (ADR 0053).</summary>
public static class AuditRetention
{
    public const int MinimumDays = 180;

    /// <summary>The latest instant a row may have been written at to be archived at <paramref name="now"/>.</summary>
    public static DateTimeOffset ArchivableBefore(DateTimeOffset now) => now.AddDays(-MinimumDays);
}

/// <summary>Only rows at least 180 days old may leave the database for an archive file.</summary>
public sealed class AuditRowsMustBeOldEnoughToArchive(DateTimeOffset before, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => before > AuditRetention.ArchivableBefore(now);

    public string Message =>
        $"审计记录须至少保留 {AuditRetention.MinimumDays} 天：只能归档 {BeijingTime.Format(AuditRetention.ArchivableBefore(now))} 之前的记录。";
}
