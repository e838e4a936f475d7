namespace TitleReview.Application.Applications.Preliminary;

/// <summary>
/// The eligibility conditions of an application's level, each a named rule of the Domain,
/// evaluated on its dossier and the campaign's configured conditions. The completeness check
/// at submission and the office's review desk read the same outcomes.
/// </summary>
public interface IEligibility
{
    /// <summary>Every condition's outcome for the applications, in the order people read them. A fixed number of queries whatever the count.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<EligibilityOutcome>>> EvaluateAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// One condition's outcome with the numbers behind it.
/// </summary>
/// <param name="Rule">The Domain rule's name (stable; tests and exports key on it).</param>
/// <param name="Condition">The condition as people name it, e.g. "任现职年限".</param>
/// <param name="Met">Whether the condition holds.</param>
/// <param name="Detail">The numbers, e.g. "任现职 4 年 7 个月，要求满 5 年".</param>
public sealed record EligibilityOutcome(string Rule, string Condition, bool Met, string Detail);
