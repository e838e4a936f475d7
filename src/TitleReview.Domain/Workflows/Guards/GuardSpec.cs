using TitleReview.Domain.Campaigns;

namespace TitleReview.Domain.Workflows.Guards;

/// <summary>
/// A named condition a transition needs, as a definition writes it (<c>Name</c> or
/// <c>Name:argument</c>, e.g. <c>WindowOpen:filing</c>), parsed once when definitions load
/// (<see cref="GuardCatalogue"/>). It checks typed facts; its reasons and name are Chinese.
/// </summary>
public abstract record GuardSpec
{
    /// <summary>The guard as the definition writes it.</summary>
    public abstract string Text { get; }

    /// <summary>The stage the guard's argument names, checked at load against the campaign definitions' stages.</summary>
    public virtual string? StageKey => null;

    /// <summary>What the guard asks, for the workflow diagram: "填报开放期间", "材料齐全".</summary>
    public abstract string DisplayName(StageCatalogue stages);

    public abstract GuardResult Check(GuardContext context);
}

public sealed record GuardResult(bool Passed, string? Reason = null)
{
    public static readonly GuardResult Pass = new(true);

    public static GuardResult Fail(string reason) => new(false, reason);
}

/// <summary>What a guard sees: the instance, the instant of the request, and the facts loaded for it.</summary>
public sealed record GuardContext(WorkflowInstance Instance, DateTimeOffset Now, WorkflowFacts Facts);
