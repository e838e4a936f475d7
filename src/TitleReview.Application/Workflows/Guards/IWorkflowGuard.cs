using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Guards;

public sealed record GuardContext(WorkflowInstance Instance, Campaign? Campaign, WorkflowActor Actor, DateTimeOffset Now)
{
    /// <summary>What fact providers loaded about the subject before the guards run (guards are synchronous).</summary>
    public IReadOnlyDictionary<string, object> Facts { get; init; } = new Dictionary<string, object>();
}

/// <summary>
/// Loads, asynchronously and once per request, what guards need to know about an instance's
/// subject (for an application: what its dossier still lacks).
/// </summary>
public interface IWorkflowFactProvider
{
    string SubjectType { get; }

    Task<IReadOnlyDictionary<string, object>> LoadAsync(WorkflowInstance instance, Campaign? campaign, CancellationToken cancellationToken);
}

/// <summary>
/// What the loaded definitions declare that a guard's argument may name: the stages of every
/// campaign definition version (<c>WindowOpen:filing</c>).
/// </summary>
public sealed record GuardArgumentContext(StageCatalogue Stages);

public sealed record GuardResult(bool Passed, string? Reason = null)
{
    public static readonly GuardResult Pass = new(true);

    public static GuardResult Fail(string reason) => new(false, reason);
}

/// <summary>
/// A named condition a transition needs, written in definitions as <c>Name</c> or
/// <c>Name:argument</c> (e.g. <c>WindowOpen:filing</c>). Reasons are Chinese.
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    /// <summary>Whether <paramref name="argument"/> is acceptable, checked when definitions load; null if it is, else the problem.</summary>
    string? ValidateArgument(string? argument, GuardArgumentContext context);

    GuardResult Check(GuardContext context, string? argument);
}
