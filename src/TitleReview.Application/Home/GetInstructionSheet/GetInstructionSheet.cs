using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Fees;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Home.GetInstructionSheet;

/// <summary>
/// 报送及缴费须知: the one page a unit prints for a campaign (the current one, or <paramref name="Year"/>'s):
/// whom it delivers envelopes for, what goes in each, where and when to deliver, how to pay and
/// where to mail the voucher copy, whom to call.
/// </summary>
public sealed record GetInstructionSheet(WorkflowActor Actor, int? Year = null);

/// <param name="Envelope">Every item any of the unit's envelopes holds, in the notice's order; items only some people need are listed against them in <see cref="People"/>.</param>
/// <param name="AmountDue">The review fee for the people listed, level by level; its total is unknown while a level's fee is not set.</param>
public sealed record InstructionSheet(string UnitName, OfficeNotice Notice, IReadOnlyList<PersonChecklist> People, IReadOnlyList<ChecklistItem> Envelope, AmountDue AmountDue)
{
    /// <summary>The notice's items 1 (entrustment letter) and 5 (civil-service papers) apply to some people only.</summary>
    public static bool IsForSomeOnly(ChecklistItem item) => item.Number is 1 or 5;
}

internal sealed class GetInstructionSheetHandler(
    ICurrentCampaign current,
    IHandler<GetUnitChecklist, UnitChecklist> checklist,
    IUnitPayments payments,
    TimeProvider clock) : IHandler<GetInstructionSheet, InstructionSheet>
{
    public async Task<InstructionSheet> HandleAsync(GetInstructionSheet request, CancellationToken cancellationToken = default)
    {
        if (request.Actor.UnitId is not { } unitId)
        {
            throw new NotFoundException("本单位");
        }

        var campaign = await OfficeNotice.CampaignAsync(current, request.Year, cancellationToken)
            ?? throw new NotFoundException(request.Year is { } year ? $"{year} 年度评审工作" : "年度评审工作");
        var unit = await checklist.HandleAsync(new GetUnitChecklist(unitId, campaign.Year, SubmittedOnly: true), cancellationToken);
        var envelope = unit.People.SelectMany(p => p.Items).GroupBy(i => i.Number).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        return new InstructionSheet(
            unit.UnitName,
            OfficeNotice.Of(campaign, unit.People.Count > 0, clock.GetUtcNow()),
            unit.People,
            envelope,
            await payments.AmountDueAsync(campaign.Id, unitId, cancellationToken));
    }
}
