namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// A definition version as first registered in this database. Instances pin their version,
/// so a version's content may never change once registered here.
/// </summary>
public sealed class WorkflowDefinitionRecord
{
    public string DefinitionId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; set; }
}
