namespace TitleReview.Application.Applications;

internal static class ApplicationWorkflow
{
    public const string DefinitionId = "application";
    public const string SubjectType = Domain.Workflows.WorkflowSubjectTypes.Application;
}
