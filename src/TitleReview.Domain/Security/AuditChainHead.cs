namespace TitleReview.Domain.Security;

/// <summary>
/// The one row that says where the audit chain ends (its last sequence and hash) and where the
/// rows still in the database begin (the last archived row's, ADR 0053). An append locks it by
/// updating it in the append's own transaction, so appends from several instances line up.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    private AuditChainHead()
    {
        LastHash = string.Empty;
        ArchivedThroughHash = string.Empty;
    }

    public int Id { get; private set; }

    public long LastSequence { get; private set; }

    public string LastHash { get; private set; }

    /// <summary>The last sequence moved to an archive file (0: none).</summary>
    public long ArchivedThroughSequence { get; private set; }

    public string ArchivedThroughHash { get; private set; }
}
