namespace TitleReview.Application.Workflows;

public interface IWorkflowDiagrams
{
    /// <summary>The definition as a Mermaid state diagram, with <paramref name="currentState"/> highlighted.</summary>
    string Mermaid(string definitionId, int version, string? currentState = null);
}
