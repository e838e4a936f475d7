using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

/// <summary>A unit payment a statement row may still count for, with its amount due (null while a fee is not set).</summary>
internal sealed record OpenPayment(PaymentCandidate Candidate, decimal? Due);

internal static class Reconciliation
{
    public static void EnsureOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办可以核对评审费。");
        }
    }

    /// <summary>
    /// The campaign's payments not yet settled, each with the names its money may arrive under and
    /// the recorded transfers no counted statement row has used up yet.
    /// </summary>
    public static async Task<IReadOnlyList<OpenPayment>> OpenPaymentsAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, Campaign campaign, CancellationToken cancellationToken)
    {
        var settled = definitions.StatesWith(FeesWorkflow.DefinitionId, StateCapabilities.PaymentSettled);
        var openIds = db.WorkflowInstances
            .Where(i => i.SubjectType == FeesWorkflow.SubjectType && i.CampaignId == campaign.Id && !settled.Contains(i.State))
            .Select(i => i.SubjectId);
        var payments = await db.UnitPayments.AsNoTracking().Include(p => p.Transfers)
            .Where(p => p.CampaignId == campaign.Id && openIds.Contains(p.Id))
            .ToListAsync(cancellationToken);
        var counted = (await db.StatementRows.AsNoTracking()
                .Where(r => r.CampaignId == campaign.Id && r.Decision == StatementRowDecision.Counted)
                .Select(r => new { r.UnitPaymentId, r.Amount })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitPaymentId, r => r.Amount);
        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaign.Id, unitId: null, cancellationToken);
        var fees = campaign.ReviewFees();

        return payments.Select(p =>
        {
            var open = p.Transfers.Select(t => t.Amount).ToList();
            foreach (var used in counted[p.Id])
            {
                open.Remove(used);
            }

            var candidate = new PaymentCandidate(p.Id, p.UnitName, p.Transfers.Select(t => t.PayerAccountName).Distinct().ToList(), open);
            return new OpenPayment(candidate, AmountDueCalculator.For(levels[p.UnitId], fees).Total);
        }).ToList();
    }

    public static async Task<decimal> DueAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, Campaign campaign, Guid unitId, CancellationToken cancellationToken)
    {
        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaign.Id, unitId, cancellationToken);
        var due = AmountDueCalculator.For(levels[unitId], campaign.ReviewFees());
        return due.Total ?? throw new DomainException(
            $"尚未设定{string.Join("、", due.LevelsWithoutFee.Select(Domain.Applications.TitleLevels.DisplayName))}的评审费标准，应缴金额未定，不能按流水计入。请先在年度时间安排页面设定评审费。");
    }
}
