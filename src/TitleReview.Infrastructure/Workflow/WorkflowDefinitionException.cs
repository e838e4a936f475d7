namespace TitleReview.Infrastructure.Workflow;

/// <summary>A definition file that cannot be used; start-up stops with this message, which names the file.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(string file, string problem)
        : base($"Workflow definition {file}: {problem}")
    {
        File = file;
    }

    public string File { get; }
}
