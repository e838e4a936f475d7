namespace TitleReview.Application.Applications;

internal static class ApplicationWorkflow
{
    public const string DefinitionId = "application";
    public const string SubjectType = Domain.Workflows.WorkflowSubjectTypes.Application;

    /// <summary>The journal note of the review form's opinions (a note: the state does not change).</summary>
    public const string RecordOpinionsNote = "recordOpinions";
}
