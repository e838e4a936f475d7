using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees;
using TitleReview.Application.Units;

namespace TitleReview.Application.Home.GetIntakeOverview;

/// <summary>
/// The office's view of the year's intake (issue 13, item 6): per unit submitted to the office, how
/// its paper delivery and its review fee stand, with its people. Composed of the Intake and Fees
/// modules' published queries (ADR 0020, 0022), so the page asks one query.
/// </summary>
public sealed record GetIntakeOverview(int Year);

/// <param name="HasCampaign">Whether the year has a campaign at all (a page says so rather than listing nothing).</param>
public sealed record IntakeOverview(int Year, bool HasCampaign, IReadOnlyList<UnitIntake> Units, IntakeTotals Totals);

/// <param name="MissingItems">Checklist items checked in missing or wrong, over the unit's envelopes.</param>
/// <param name="Payment">The unit's payment; null when none has started (a case submitted before fees existed).</param>
/// <param name="UnpaidFee">After the payment window closed: the unit's unpaid status (逾期未缴费, 少缴，待补缴), which flags its applicants; null when paid or before.</param>
public sealed record UnitIntake(
    Guid UnitId,
    string UnitName,
    string Region,
    UnitPaperProgress Paper,
    int MissingItems,
    UnitPaymentSummary? Payment,
    string? UnpaidFee,
    IReadOnlyList<PersonPaperStatus> People)
{
    /// <summary>The payment's status as the office reads it, or that none has started.</summary>
    public string PaymentStatus => Payment?.Status ?? NoPayment;

    public const string NoPayment = "尚无缴费记录";
}

/// <param name="AmountDue">The sum of the amounts known; units whose fee is not set are counted in <paramref name="UnitsWithoutFee"/> instead.</param>
public sealed record IntakeTotals(
    int Units,
    int Submitted,
    int Awaiting,
    int Received,
    int Incomplete,
    int NotDelivered,
    int MissingItems,
    decimal AmountDue,
    int UnitsWithoutFee,
    decimal AmountReceived,
    int UnitsOutstanding)
{
    public static IntakeTotals Of(IReadOnlyList<UnitIntake> units) => new(
        units.Count,
        units.Sum(u => u.Paper.Submitted),
        units.Sum(u => u.Paper.Awaiting),
        units.Sum(u => u.Paper.Received),
        units.Sum(u => u.Paper.Incomplete),
        units.Sum(u => u.Paper.NotDelivered),
        units.Sum(u => u.MissingItems),
        units.Sum(u => u.Payment?.AmountDue ?? 0m),
        units.Count(u => u.Payment is { AmountDue: null }),
        units.Sum(u => u.Payment?.AmountReceived ?? 0m),
        units.Count(u => u.Payment is null or { Outstanding: true }));
}

/// <remarks>
/// A fixed number of queries whatever the number of units and people: each module's list is asked
/// once for the whole year and joined here in memory.
/// </remarks>
internal sealed class GetIntakeOverviewHandler(
    ICurrentCampaign campaigns,
    IHandler<GetPaperIntake, PaperIntake> intake,
    IUnitPayments payments,
    IUnitDirectory units) : IHandler<GetIntakeOverview, IntakeOverview>
{
    public async Task<IntakeOverview> HandleAsync(GetIntakeOverview request, CancellationToken cancellationToken = default)
    {
        if (await campaigns.OfYearAsync(request.Year, cancellationToken) is not { } campaign)
        {
            return new IntakeOverview(request.Year, false, [], IntakeTotals.Of([]));
        }

        var paper = await intake.HandleAsync(new GetPaperIntake(request.Year), cancellationToken);
        var people = paper.People.ToLookup(p => p.UnitId);
        var owed = (await payments.OverviewAsync(campaign.Id, cancellationToken)).ToDictionary(p => p.UnitId);
        var unpaid = await payments.UnpaidAfterCloseAsync(request.Year, cancellationToken);
        var cards = await units.FindAllAsync(paper.Units.Select(p => p.UnitId).ToList(), cancellationToken);
        var list = paper.Units
            .Select(p => new UnitIntake(
                p.UnitId,
                p.UnitName,
                cards.GetValueOrDefault(p.UnitId)?.Region ?? string.Empty,
                p,
                people[p.UnitId].Sum(person => person.MissingItems),
                owed.GetValueOrDefault(p.UnitId),
                unpaid.GetValueOrDefault(p.UnitId),
                [.. people[p.UnitId]]))
            .ToList();
        return new IntakeOverview(request.Year, true, list, IntakeTotals.Of(list));
    }
}
