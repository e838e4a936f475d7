using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Domain.Workflows.Guards;

/// <summary>
/// What a transition's guards and destination need to know beyond the instance, loaded once per
/// request before anything is decided (<see cref="TransitionResolver"/> does no I/O).
/// </summary>
/// <param name="Campaign">The campaign the instance belongs to, with its stages' windows; null for none.</param>
public sealed record WorkflowFacts(Campaign? Campaign)
{
    public static readonly WorkflowFacts None = new(Campaign: null);

    /// <summary>The state the instance entered its current state from, for a transition to <c>@previous</c>.</summary>
    public string? PreviousState { get; init; }

    /// <summary>For an application's instance: what its dossier and publicity stand at; null for other subjects.</summary>
    public ApplicationFacts? Application { get; init; }
}

/// <param name="Missing">What the dossier still lacks, each described for the applicant ("【继续教育】…").</param>
/// <param name="Unverified">The mandatory items the auditor has not ticked, each described.</param>
/// <param name="PublicityEnd">The last day of the unit publicity, once its dates are chosen.</param>
/// <param name="PublicityOutcome">The publicity's recorded result, once recorded.</param>
public sealed record ApplicationFacts(
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unverified,
    DateOnly? PublicityEnd,
    PublicityOutcome? PublicityOutcome);
