namespace TitleReview.Application.Units;

internal static class UnitRegistrationWorkflow
{
    public const string DefinitionId = "unitRegistration";
    public const string SubjectType = Domain.Workflows.WorkflowSubjectTypes.UnitRegistration;
    public const string ReplaceAuditorNote = "replaceAuditor";
}
