using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Fees;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>
/// The office's preliminary review queue (初审): the year's dossiers submitted to the office, by
/// unit and level, filtered by where their review stands; the year is the latest unless chosen.
/// </summary>
public sealed record GetPreliminaryQueue(int? Year, PreliminaryFilter Filter, Guid? UnitId, TitleLevel? Level, WorkflowActor Actor);

public sealed record QueueCounts(int All, int Pending, int Passed, int Failed)
{
    public static QueueCounts Of(IEnumerable<PreliminaryStanding> standings)
    {
        var list = standings.ToList();
        return new QueueCounts(
            list.Count,
            list.Count(s => s == PreliminaryStanding.Pending),
            list.Count(s => s == PreliminaryStanding.Passed),
            list.Count(s => s == PreliminaryStanding.Failed));
    }

    public int Of(PreliminaryFilter filter) => filter switch
    {
        PreliminaryFilter.Pending => Pending,
        PreliminaryFilter.Passed => Passed,
        PreliminaryFilter.Failed => Failed,
        _ => All,
    };
}

public sealed record QueueLevel(TitleLevel Level, QueueCounts Counts);

/// <param name="PaymentStatus">The unit's review-fee payment as the office reads it (未缴费, 已缴清, …); null before it started.</param>
/// <param name="PaymentOutstanding">Money is still owed.</param>
/// <param name="Unpaid">Once the payment window closed, what the unit still owes (逾期未缴费, 少缴，待补缴); null otherwise.</param>
public sealed record QueueUnit(Guid UnitId, string UnitName, QueueCounts Counts, IReadOnlyList<QueueLevel> Levels, string? PaymentStatus, bool PaymentOutstanding, string? Unpaid);

/// <param name="Paper">Where the envelope stands at the counter.</param>
/// <param name="Shortfall">The items checked in missing or wrong, with their notes; null when none.</param>
/// <param name="Decision">The current conclusion; null before one.</param>
public sealed record QueueRow(
    Guid ApplicationId,
    string Name,
    Guid UnitId,
    string UnitName,
    TitleLevel Level,
    string StateName,
    PreliminaryStanding Standing,
    EnvelopeStatus Paper,
    string? Shortfall,
    PreliminaryDecisionView? Decision)
{
    public string StandingName => PreliminaryStandings.DisplayName(Standing);

    public string PaperName => EnvelopeStatuses.DisplayName(Paper);
}

/// <param name="WindowText">The preliminary review's window, e.g. "初审及公示（2023-09-20 00:00 至 2023-10-27 23:59）".</param>
public sealed record PreliminaryQueueView(
    IReadOnlyList<int> Years,
    int Year,
    string WindowText,
    bool WindowOpen,
    PreliminaryFilter Filter,
    Guid? UnitId,
    TitleLevel? Level,
    QueueCounts Totals,
    IReadOnlyList<QueueUnit> Units,
    IReadOnlyList<QueueRow> Rows)
{
    /// <summary>Bans in force and units on the negative list among the rows listed.</summary>
    public IntegrityMarkSet Marks { get; init; } = IntegrityMarkSet.Empty;
}

/// <summary>
/// The desk (初审工作台) for one dossier: the whole dossier with its eligibility outcomes, the paper
/// check-in, the unit's payment, the conclusion and its history, the reasons to tick, and the
/// neighbours in the unit's queue under the same filter.
/// </summary>
public sealed record GetPreliminaryDesk(Guid ApplicationId, PreliminaryFilter Filter, WorkflowActor Actor);

/// <param name="Items">Every checklist item as checked in; empty before the check-in.</param>
public sealed record DeskPaper(EnvelopeStatus Status, string? Shortfall, DateTimeOffset? CheckedAt, string? CheckedBy, IReadOnlyList<CheckedItem> Items)
{
    public string StatusName => EnvelopeStatuses.DisplayName(Status);
}

/// <param name="Summary">The unit's payment; null when it has none yet.</param>
/// <param name="Unpaid">Once the payment window closed, what the unit still owes; null otherwise.</param>
public sealed record DeskPayment(UnitPaymentSummary? Summary, string? Unpaid);

public sealed record ReasonOption(Guid Id, string Text);

/// <param name="MayDecide">The office may pass or fail it now (paper checked in, window open).</param>
/// <param name="MayChange">The office may turn its conclusion now (decided, not published, window open).</param>
/// <param name="WhyNot">Why neither is possible now, in the reviewer's words; null when one is.</param>
public sealed record PreliminaryDeskView(
    DossierView Dossier,
    PreliminaryStanding Standing,
    string WindowText,
    DeskPaper Paper,
    DeskPayment Payment,
    PreliminaryDecisionView? Current,
    IReadOnlyList<PreliminaryDecisionView> History,
    IReadOnlyList<ReasonOption> Reasons,
    bool MayDecide,
    bool MayChange,
    string? WhyNot,
    PreliminaryFilter Filter,
    Guid? PreviousId,
    Guid? NextId,
    int Position,
    int QueueCount)
{
    public string StandingName => PreliminaryStandings.DisplayName(Standing);

    /// <summary>The applicant's ban in force and the unit's negative listing, if any.</summary>
    public IReadOnlyList<IntegrityBadge> Integrity { get; init; } = [];
}

internal sealed class GetPreliminaryQueueHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IUnitPayments payments,
    IPreliminaryDecisions decisions,
    IIntegrityMarks integrity,
    TimeProvider clock) : IHandler<GetPreliminaryQueue, PreliminaryQueueView>
{
    /// <remarks>
    /// A fixed number of queries whatever the number of units and dossiers: the years, the
    /// campaign, the submitted cases, the deliveries with their check-ins, the unit cards, the
    /// payments (the Fees module's overview and its unpaid flags), the current conclusions.
    /// </remarks>
    public async Task<PreliminaryQueueView> HandleAsync(GetPreliminaryQueue request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var years = await db.Campaigns.AsNoTracking().Select(c => c.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (years.Count == 0)
        {
            throw new NotFoundException("评审年度");
        }

        var year = request.Year is { } asked && years.Contains(asked) ? asked : years[0];
        var campaign = await IntakeData.CampaignAsync(db, year, cancellationToken);
        var rows = await new PaperIntakeReader(db, definitions, units).SubmittedAsync(campaign.Id, null, cancellationToken);
        var checkIns = await db.EnvelopeCheckIns.AsNoTracking()
            .Where(e => db.PaperDeliveries.Any(d => d.Id == e.DeliveryId && d.CampaignId == campaign.Id))
            .ToDictionaryAsync(e => e.ApplicationId, cancellationToken);
        var cards = await units.FindAllAsync(rows.Select(r => r.UnitId).Distinct().ToList(), cancellationToken);
        var overview = (await payments.OverviewAsync(campaign.Id, cancellationToken)).ToDictionary(p => p.UnitId);
        var unpaid = await payments.UnpaidAfterCloseAsync(year, cancellationToken);
        var current = await decisions.CurrentAsync(rows.Select(r => r.ApplicationId).ToList(), cancellationToken);

        var all = rows
            .Select(r =>
            {
                var checkIn = checkIns.GetValueOrDefault(r.ApplicationId);
                return new QueueRow(
                    r.ApplicationId,
                    r.Name,
                    r.UnitId,
                    cards.TryGetValue(r.UnitId, out var card) ? card.Name : string.Empty,
                    r.Level,
                    definitions.Get(r.Instance.DefinitionId, r.Instance.DefinitionVersion).StateDisplayName(r.Instance.State),
                    PreliminaryStandings.Of(definitions, r.Instance),
                    IntakeData.StatusOf(definitions, r.Instance, checkIn),
                    checkIn is { IsComplete: false } ? checkIn.Shortfall : null,
                    current.GetValueOrDefault(r.ApplicationId));
            })
            .OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .ThenBy(r => r.Level)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var queueUnits = all.GroupBy(r => r.UnitId)
            .Select(g =>
            {
                var payment = overview.GetValueOrDefault(g.Key);
                return new QueueUnit(
                    g.Key,
                    g.First().UnitName,
                    QueueCounts.Of(g.Select(r => r.Standing)),
                    [.. g.GroupBy(r => r.Level).OrderBy(l => l.Key).Select(l => new QueueLevel(l.Key, QueueCounts.Of(l.Select(r => r.Standing))))],
                    payment?.Status,
                    payment?.Outstanding ?? false,
                    unpaid.GetValueOrDefault(g.Key));
            })
            .ToList();
        var listed = all
            .Where(r => request.Filter.Admits(r.Standing)
                        && (request.UnitId is not { } unitId || r.UnitId == unitId)
                        && (request.Level is not { } level || r.Level == level))
            .ToList();
        var marks = await integrity.ForApplicationsAsync([.. listed.Select(r => r.ApplicationId)], cancellationToken);
        var stage = campaign.Stage(StageKeys.PreliminaryReview);
        return new PreliminaryQueueView(
            years,
            year,
            stage.Describe(),
            stage.IsOpenAt(clock.GetUtcNow()),
            request.Filter,
            request.UnitId,
            request.Level,
            QueueCounts.Of(all.Select(r => r.Standing)),
            queueUnits,
            listed)
        {
            Marks = marks,
        };
    }
}

internal sealed class GetPreliminaryDeskHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IUnitPayments payments,
    IPreliminaryDecisions decisions,
    IHandler<GetDossier, DossierView> dossiers,
    IIntegrityMarks integrity,
    TimeProvider clock) : IHandler<GetPreliminaryDesk, PreliminaryDeskView>
{
    public async Task<PreliminaryDeskView> HandleAsync(GetPreliminaryDesk request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var dossier = await dossiers.HandleAsync(new GetDossier(request.ApplicationId, request.Actor), cancellationToken);
        var campaign = await IntakeData.CampaignAsync(db, dossier.Year, cancellationToken);
        var unitRows = await new PaperIntakeReader(db, definitions, units).SubmittedAsync(campaign.Id, null, cancellationToken);
        var self = unitRows.FirstOrDefault(r => r.ApplicationId == dossier.ApplicationId)
            ?? throw new DomainException($"{dossier.ApplicantName}的材料尚未报送至省政工职评办，不在初审范围内。");
        var unitId = self.UnitId;
        var queue = unitRows.Where(r => r.UnitId == unitId)
            .OrderBy(r => r.Level)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var standing = PreliminaryStandings.Of(definitions, self.Instance);

        var checkIn = await db.EnvelopeCheckIns.AsNoTracking().FirstOrDefaultAsync(e => e.ApplicationId == dossier.ApplicationId, cancellationToken);
        var paper = new DeskPaper(
            IntakeData.StatusOf(definitions, self.Instance, checkIn),
            checkIn is { IsComplete: false } ? checkIn.Shortfall : null,
            checkIn?.CheckedAt,
            checkIn?.CheckedByName,
            checkIn?.Items ?? []);
        var payment = (await payments.OverviewAsync(campaign.Id, cancellationToken)).FirstOrDefault(p => p.UnitId == unitId);
        var history = await decisions.HistoryAsync(dossier.ApplicationId, cancellationToken);
        var reasons = await db.FailureReasons.AsNoTracking()
            .Where(r => r.IsActive)
            .OrderBy(r => r.Order)
            .Select(r => new ReasonOption(r.Id, r.Text))
            .ToListAsync(cancellationToken);

        var marks = await integrity.ForApplicationsAsync([dossier.ApplicationId], cancellationToken);
        var stage = campaign.Stage(StageKeys.PreliminaryReview);
        var mayDecide = dossier.Permits(WorkflowOperations.PassPreliminary);
        var mayChange = dossier.Permits(WorkflowOperations.ChangePreliminaryDecision);
        var index = queue.FindIndex(r => r.ApplicationId == dossier.ApplicationId);
        bool Listed(PaperIntakeReader.Row r) => request.Filter.Admits(PreliminaryStandings.Of(definitions, r.Instance));
        return new PreliminaryDeskView(
            dossier,
            standing,
            stage.Describe(),
            paper,
            new DeskPayment(payment, dossier.UnpaidFee),
            history.FirstOrDefault(h => h.IsCurrent),
            history,
            reasons,
            mayDecide,
            mayChange,
            mayDecide || mayChange ? null : WhyNot(standing, self.Instance, stage),
            request.Filter,
            queue.Take(index).LastOrDefault(Listed)?.ApplicationId,
            queue.Skip(index + 1).FirstOrDefault(Listed)?.ApplicationId,
            index + 1,
            queue.Count)
        {
            Integrity = marks.Of(dossier.ApplicationId),
        };
    }

    private string WhyNot(PreliminaryStanding standing, WorkflowInstance instance, CampaignStage stage)
    {
        if (definitions.Has(instance, StateCapabilities.PreliminaryPublished))
        {
            return new Domain.Applications.Preliminary.ADecisionChangesOnlyBeforePublicationRule(published: true).Message;
        }

        if (standing == PreliminaryStanding.Other)
        {
            return "该材料当前不在初审阶段（纸质材料接收登记后才能初审），不能作出初审结论。";
        }

        var window = Domain.Workflows.Guards.WindowOpenGuard.Evaluate(stage, clock.GetUtcNow(), instance.ReopenedUntil);
        return window.Passed ? "当前不能作出或改变初审结论。" : $"初审不在办理期间：{window.Reason}";
    }
}
