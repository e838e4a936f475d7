using TitleReview.Domain.Applications;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

/// <summary>
/// What the Fees module tells the others (ADR 22): it starts a unit's payment when the unit first
/// submits to the office, gives the per-unit overview of what is due and received, and names the
/// units still owing after the payment window closed, so pages can flag their applicants.
/// </summary>
public interface IUnitPayments
{
    /// <summary>
    /// Starts the unit's payment in the campaign (its record and workflow instance) unless it has one,
    /// and saves; a caller inside a transaction keeps it all or nothing.
    /// </summary>
    Task EnsureStartedAsync(Guid campaignId, Guid unitId, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Every unit with an application submitted to the office in the campaign: due, received, status. Four queries whatever the number of units.</summary>
    Task<IReadOnlyList<UnitPaymentSummary>> OverviewAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>What the unit owes in the campaign, level by level (its applications submitted to the office). Two queries.</summary>
    Task<AmountDue> AmountDueAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Once the payment window of the year's campaign has closed: the units that still owe (nothing
    /// recorded, or short), each with its status as the office reads it (逾期未缴费, 少缴，待补缴).
    /// Empty while the window is open; a unit owing for nobody is left out. One query, for flagging applicants on any office page.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> UnpaidAfterCloseAsync(int year, CancellationToken cancellationToken = default);
}

/// <param name="AmountDue">应缴金额; null while a level the unit owes for has no fee set (<paramref name="LevelsWithoutFee"/>).</param>
/// <param name="AmountReceived">实收金额: what the office found received (reconciled), 0 before.</param>
/// <param name="Status">The payment's state as its definition names it (未缴费, 已缴清, …).</param>
/// <param name="Outstanding">Money is still owed (nothing received yet, or short).</param>
/// <param name="Overdue">The window closed with nothing recorded.</param>
/// <param name="Finished">The payment's case is closed (paid): nothing more is reconciled.</param>
public sealed record UnitPaymentSummary(
    Guid UnitPaymentId,
    Guid UnitId,
    string UnitName,
    int Applicants,
    decimal? AmountDue,
    IReadOnlyList<TitleLevel> LevelsWithoutFee,
    decimal AmountReceived,
    string Status,
    bool AwaitingReconciliation,
    bool Outstanding,
    bool Settled,
    bool Overdue,
    bool Finished);
