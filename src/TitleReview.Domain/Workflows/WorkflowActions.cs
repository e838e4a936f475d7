namespace TitleReview.Domain.Workflows;

/// <summary>
/// Effects a definition's transition declares (<c>"actions": ["SnapshotDossier"]</c>) and the
/// engine runs in the transaction of the fire, whoever fires it. Start-up refuses a definition
/// naming one not listed here; each has exactly one implementation.
/// </summary>
public static class WorkflowActions
{
    /// <summary>Freezes the dossier's content when the unit approves it (the papers print from it).</summary>
    public const string SnapshotDossier = "SnapshotDossier";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { SnapshotDossier };
}
