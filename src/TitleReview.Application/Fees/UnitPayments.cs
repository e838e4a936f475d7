using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Fees;

internal sealed class UnitPayments(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock) : IUnitPayments
{
    public async Task EnsureStartedAsync(Guid campaignId, Guid unitId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (await db.UnitPayments.AnyAsync(p => p.CampaignId == campaignId && p.UnitId == unitId, cancellationToken))
        {
            return;
        }

        var unit = await units.FindAsync(unitId, cancellationToken)
            ?? throw new InvalidOperationException($"Unit {unitId} does not exist.");
        var payment = UnitPayment.Start(Guid.NewGuid(), campaignId, unitId, unit.Name, clock.GetUtcNow());
        db.UnitPayments.Add(payment);
        await engine.StartAsync(
            FeesWorkflow.DefinitionId,
            new WorkflowSubject(FeesWorkflow.SubjectType, payment.Id, $"{unit.Name} · 评审费", CampaignId: campaignId, UnitId: unitId),
            actor,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnitPaymentSummary>> OverviewAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Rules).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return [];
        }

        var payments = await db.UnitPayments.AsNoTracking().Where(p => p.CampaignId == campaignId).ToListAsync(cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == FeesWorkflow.SubjectType && i.CampaignId == campaignId)
            .ToDictionaryAsync(i => i.SubjectId, cancellationToken);
        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaignId, unitId: null, cancellationToken);
        return payments
            .Where(p => instances.ContainsKey(p.Id))
            .Select(p => FeesWorkflow.Summarise(definitions, campaign, p, instances[p.Id], levels[p.UnitId]))
            .OrderBy(s => s.UnitName, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<AmountDue> AmountDueAsync(Guid campaignId, Guid unitId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Rules).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return AmountDue.Nothing;
        }

        var levels = await FeesWorkflow.SubmittedLevelsAsync(db, definitions, campaignId, unitId, cancellationToken);
        return AmountDueCalculator.For(levels[unitId], campaign.ReviewFees());
    }

    public async Task<IReadOnlyDictionary<Guid, string>> UnpaidAfterCloseAsync(int year, CancellationToken cancellationToken = default)
    {
        var owing = definitions.StatesWith(FeesWorkflow.DefinitionId, StateCapabilities.PaymentOutstanding);
        var submitted = FeesWorkflow.SubmittedStates(definitions);

        // A unit whose every case ended before the office (paper never delivered) owes nothing.
        var before = db.WorkflowInstances.AsNoTracking().Where(a => a.SubjectType == WorkflowSubjectTypes.Application && submitted.Contains(a.State));
        var rows = await (
                from campaign in db.Campaigns.AsNoTracking()
                where campaign.Year == year
                from stage in campaign.Stages
                where stage.Key == StageKeys.Payment
                join instance in db.WorkflowInstances.AsNoTracking() on campaign.Id equals instance.CampaignId
                where instance.SubjectType == FeesWorkflow.SubjectType && instance.UnitId != null && owing.Contains(instance.State)
                      && before.Any(a => a.CampaignId == campaign.Id && a.UnitId == instance.UnitId)
                select new { UnitId = instance.UnitId!.Value, instance.DefinitionId, instance.DefinitionVersion, instance.State, stage.ClosesAt })
            .ToListAsync(cancellationToken);

        // Compared here: SQLite cannot order instants stored as text with an offset.
        var now = clock.GetUtcNow();
        return rows.Where(r => now >= r.ClosesAt)
            .ToDictionary(r => r.UnitId, r => definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State));
    }
}
