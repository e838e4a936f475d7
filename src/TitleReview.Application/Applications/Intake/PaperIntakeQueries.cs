using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Intake;

/// <summary>
/// Per unit in a campaign, how its paper delivery stands: for the office's views (the incoming
/// list, the counter, exports). Units with at least one application submitted to the office.
/// </summary>
public sealed record ListPaperDeliveryProgress(int Year);

/// <param name="Submitted">Applications submitted to the office (the envelopes expected).</param>
/// <param name="Awaiting">Envelopes not yet brought while delivery is still allowed.</param>
/// <param name="Received">Envelopes checked in complete.</param>
/// <param name="Incomplete">Envelopes checked in with items missing or wrong.</param>
/// <param name="NotDelivered">Cases the clock closed because no envelope came in the window.</param>
public sealed record UnitPaperProgress(
    Guid UnitId,
    string UnitName,
    int Submitted,
    int Awaiting,
    int Received,
    int Incomplete,
    int NotDelivered,
    DateTimeOffset? DeliveryOpenedAt,
    DateTimeOffset? ExceptionUntil,
    string? ExceptionReason)
{
    public bool DeliveryOpen => DeliveryOpenedAt is not null;
}

/// <summary>The counter page: the campaign, the units (searched by name), one unit's delivery and one person's checklist.</summary>
public sealed record GetPaperCounter(int? Year, string? Search, Guid? UnitId, Guid? ApplicationId, WorkflowActor Actor);

public sealed record PaperCounterView(
    IReadOnlyList<int> Years,
    int Year,
    string WindowName,
    DateTimeOffset WindowOpensAt,
    DateTimeOffset WindowClosesAt,
    bool WindowOpen,
    bool WindowClosed,
    IReadOnlyList<UnitPaperProgress> Units,
    UnitDeliveryView? Unit);

/// <param name="MayCheckIn">Whether envelopes may be checked in now (the window, or the unit's exception).</param>
public sealed record UnitDeliveryView(
    Guid UnitId,
    string UnitName,
    UnitPaperProgress Progress,
    bool MayCheckIn,
    IReadOnlyList<ExpectedEnvelopeView> Envelopes,
    EnvelopeChecklistView? Person);

public sealed record ExpectedEnvelopeView(Guid ApplicationId, string Name, TitleLevel Level, EnvelopeStatus Status, string? Shortfall, DateTimeOffset? CheckedAt, string? CheckedBy)
{
    public string StatusName => EnvelopeStatuses.DisplayName(Status);
}

/// <param name="Opinions">The review form's 单位推荐意见 and 主管部门意见 as the auditor typed them, to compare with the sealed paper; null if never typed.</param>
public sealed record EnvelopeChecklistView(Guid ApplicationId, string Name, TitleLevel Level, EnvelopeStatus Status, bool MayCheckIn, IReadOnlyList<ChecklistLine> Items, ReviewFormOpinionsView? Opinions);

/// <param name="Status">As last checked in; null before the first check-in.</param>
public sealed record ChecklistLine(int Number, string Name, string Copies, string Note, ItemStatus? Status, string? CheckNote);

/// <summary>接收回执 of a unit's delivery, for the office and the unit's auditor; printing it issues its number and code.</summary>
public sealed record GetDeliveryReceipt(int Year, Guid UnitId, WorkflowActor Actor);

public sealed record DeliveryReceiptView(
    string CampaignName,
    int Year,
    string UnitName,
    string Number,
    string VerificationCode,
    DateTimeOffset IssuedAt,
    DateTimeOffset OpenedAt,
    int Expected,
    int Received,
    int Incomplete,
    IReadOnlyList<ReceiptPerson> People,
    IReadOnlyList<string> NotCheckedIn);

public sealed record ReceiptPerson(string Name, TitleLevel Level, bool Complete, DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<CheckedItem> Items);

internal sealed class PaperIntakeReader(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units)
{
    public sealed record Row(Guid ApplicationId, string Name, TitleLevel Level, Guid UnitId, WorkflowInstance Instance, TitleApplication Application);

    /// <summary>The applications submitted to the office in the campaign, optionally of one unit.</summary>
    public async Task<IReadOnlyList<Row>> SubmittedAsync(Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var states = IntakeData.SubmittedStates(definitions);
        var rows = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                      && (unitId == null || application.UnitId == unitId) && states.Contains(instance.State)
                select new { instance, application })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.application.ApplicantName, StringComparer.Ordinal)
            .Select(r => new Row(r.application.Id, r.application.ApplicantName, r.application.Level, r.application.UnitId, r.instance, r.application))
            .ToList();
    }

    public async Task<IReadOnlyList<UnitPaperProgress>> ProgressAsync(Guid campaignId, IReadOnlyList<Row> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ProgressAsync(campaignId, rows, await DeliveriesAsync(campaignId, cancellationToken), cancellationToken);

    /// <summary>The campaign's deliveries with their check-ins, for a caller that reads the envelopes too.</summary>
    public async Task<IReadOnlyList<PaperDelivery>> DeliveriesAsync(Guid campaignId, CancellationToken cancellationToken) =>
        await db.PaperDeliveries.AsNoTracking().Include(d => d.Envelopes)
            .Where(d => d.CampaignId == campaignId)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<UnitPaperProgress>> ProgressAsync(Guid campaignId, IReadOnlyList<Row> rows, IReadOnlyList<PaperDelivery> deliveries, CancellationToken cancellationToken)
    {
        var exceptions = await db.PaperDeliveryExceptions.AsNoTracking()
            .Where(e => e.CampaignId == campaignId)
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync(rows.Select(r => r.UnitId).Distinct().ToList(), cancellationToken);
        var checkIns = deliveries.SelectMany(d => d.Envelopes).ToDictionary(e => e.ApplicationId);
        return rows.GroupBy(r => r.UnitId)
            .Select(g =>
            {
                var statuses = g.Select(r => IntakeData.StatusOf(definitions, r.Instance, checkIns.GetValueOrDefault(r.ApplicationId))).ToList();
                var delivery = deliveries.FirstOrDefault(d => d.UnitId == g.Key);
                var exception = exceptions.Where(e => e.UnitId == g.Key).MaxBy(e => e.Until);
                return new UnitPaperProgress(
                    g.Key,
                    cards[g.Key].Name,
                    statuses.Count,
                    statuses.Count(s => s == EnvelopeStatus.Awaiting),
                    statuses.Count(s => s == EnvelopeStatus.Received),
                    statuses.Count(s => s == EnvelopeStatus.Incomplete),
                    statuses.Count(s => s == EnvelopeStatus.NotDelivered),
                    delivery?.OpenedAt,
                    exception?.Until,
                    exception?.Reason);
            })
            .OrderBy(p => p.UnitName, StringComparer.Ordinal)
            .ToList();
    }
}

internal sealed class ListPaperDeliveryProgressHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<ListPaperDeliveryProgress, IReadOnlyList<UnitPaperProgress>>
{
    public async Task<IReadOnlyList<UnitPaperProgress>> HandleAsync(ListPaperDeliveryProgress request, CancellationToken cancellationToken = default)
    {
        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var reader = new PaperIntakeReader(db, definitions, units);
        return await reader.ProgressAsync(campaign.Id, await reader.SubmittedAsync(campaign.Id, null, cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}

internal sealed class GetPaperCounterHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<GetPaperCounter, PaperCounterView>
{
    public async Task<PaperCounterView> HandleAsync(GetPaperCounter request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var years = await db.Campaigns.AsNoTracking().Select(c => c.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (years.Count == 0)
        {
            throw new NotFoundException("评审年度");
        }

        var year = request.Year is { } asked && years.Contains(asked) ? asked : years[0];
        var campaign = await IntakeData.CampaignAsync(db, year, cancellationToken);
        var window = IntakeData.WindowOf(campaign);
        var now = clock.GetUtcNow();
        var reader = new PaperIntakeReader(db, definitions, units);
        var rows = await reader.SubmittedAsync(campaign.Id, null, cancellationToken);
        var progress = await reader.ProgressAsync(campaign.Id, rows, now, cancellationToken);
        var search = request.Search?.Trim();
        var listed = string.IsNullOrEmpty(search) ? progress : progress.Where(p => p.UnitName.Contains(search, StringComparison.Ordinal)).ToList();

        UnitDeliveryView? unit = null;
        if (request.UnitId is { } unitId && progress.FirstOrDefault(p => p.UnitId == unitId) is { } unitProgress)
        {
            unit = await UnitAsync(campaign, window, unitProgress, rows.Where(r => r.UnitId == unitId).ToList(), request.ApplicationId, now, cancellationToken);
        }

        return new PaperCounterView(years, year, window.Name, window.OpensAt, window.ClosesAt, window.IsOpenAt(now), window.HasClosedAt(now), listed, unit);
    }

    private async Task<UnitDeliveryView> UnitAsync(Campaign campaign, DeliveryWindow window, UnitPaperProgress progress, IReadOnlyList<PaperIntakeReader.Row> rows, Guid? applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checkIns = await db.EnvelopeCheckIns.AsNoTracking()
            .Where(e => db.PaperDeliveries.Any(d => d.Id == e.DeliveryId && d.CampaignId == campaign.Id && d.UnitId == progress.UnitId))
            .ToDictionaryAsync(e => e.ApplicationId, cancellationToken);
        var mayCheckIn = progress.DeliveryOpen && !new CheckInNeedsTheWindowOrAnExceptionRule(window, progress.ExceptionUntil, now).IsBroken();
        var envelopes = rows.Select(r =>
        {
            var checkIn = checkIns.GetValueOrDefault(r.ApplicationId);
            return new ExpectedEnvelopeView(r.ApplicationId, r.Name, r.Level, IntakeData.StatusOf(definitions, r.Instance, checkIn), checkIn is { IsComplete: false } ? checkIn.Shortfall : null, checkIn?.CheckedAt, checkIn?.CheckedByName);
        }).ToList();

        EnvelopeChecklistView? person = null;
        if (applicationId is { } id && rows.FirstOrDefault(r => r.ApplicationId == id) is { } row)
        {
            var nature = (await units.FindAsync(progress.UnitId, cancellationToken))!.Nature;
            var checkIn = checkIns.GetValueOrDefault(id);
            var status = IntakeData.StatusOf(definitions, row.Instance, checkIn);
            var lines = PaperChecklist.For(nature, row.Level, row.Application.EvaluationType, row.Application.FromCivilService)
                .Select(c =>
                {
                    var done = checkIn?.Items.FirstOrDefault(i => i.Number == c.Number);
                    return new ChecklistLine(c.Number, c.Name, c.Copies, c.Note, done?.Status, done?.Note);
                })
                .ToList();
            var movable = definitions.Has(row.Instance, StateCapabilities.AwaitingPaper) || definitions.Has(row.Instance, StateCapabilities.PaperCheckedIn);
            person = new EnvelopeChecklistView(id, row.Name, row.Level, status, mayCheckIn && movable, lines, ReviewFormOpinionsOf.Of(row.Application));
        }

        return new UnitDeliveryView(progress.UnitId, progress.UnitName, progress, mayCheckIn, envelopes, person);
    }
}

internal sealed class GetDeliveryReceiptHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<GetDeliveryReceipt, DeliveryReceiptView>
{
    public async Task<DeliveryReceiptView> HandleAsync(GetDeliveryReceipt request, CancellationToken cancellationToken = default)
    {
        var actor = request.Actor;
        var mayRead = actor.ReadsAsOffice || (actor.Roles.Contains(Roles.Auditor) && actor.UnitId == request.UnitId);
        if (!mayRead)
        {
            throw new NotFoundException("该单位的接收回执");
        }

        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var delivery = await db.PaperDeliveries.Include(d => d.Envelopes)
            .FirstOrDefaultAsync(d => d.CampaignId == campaign.Id && d.UnitId == request.UnitId, cancellationToken);
        if (delivery is null || delivery.Envelopes.Count == 0)
        {
            throw new DomainException("省政工职评办尚未接收该单位的任何档案袋，暂无接收回执。");
        }

        var unit = await units.FindAsync(request.UnitId, cancellationToken) ?? throw new NotFoundException("该单位");
        var rows = await new PaperIntakeReader(db, definitions, units).SubmittedAsync(campaign.Id, unit.Id, cancellationToken);
        var receipt = await db.DeliveryReceipts
            .Where(r => r.DeliveryId == delivery.Id && r.SupersededAt == null)
            .FirstOrDefaultAsync(cancellationToken);
        if (receipt is null || !receipt.Covers(delivery))
        {
            var now = clock.GetUtcNow();
            receipt?.Supersede(now);
            var issued = await (from r in db.DeliveryReceipts
                                join d in db.PaperDeliveries on r.DeliveryId equals d.Id
                                where d.CampaignId == campaign.Id
                                select r.Id).CountAsync(cancellationToken);
            var number = string.Create(CultureInfo.InvariantCulture, $"{campaign.Year}-HZ-{issued + 1:00000}");
            receipt = DeliveryReceipt.Issue(delivery, rows.Count, number, now);
            db.DeliveryReceipts.Add(receipt);
            await db.SaveChangesAsync(cancellationToken);
        }

        var byApplication = rows.ToDictionary(r => r.ApplicationId);
        var people = delivery.Envelopes
            .Where(e => byApplication.ContainsKey(e.ApplicationId))
            .Select(e => new ReceiptPerson(byApplication[e.ApplicationId].Name, byApplication[e.ApplicationId].Level, e.IsComplete, e.CheckedAt, e.CheckedByName, e.Items))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var checkedIn = delivery.Envelopes.Select(e => e.ApplicationId).ToHashSet();
        return new DeliveryReceiptView(
            campaign.Name,
            campaign.Year,
            unit.Name,
            receipt.Number,
            receipt.VerificationCode,
            receipt.IssuedAt,
            delivery.OpenedAt,
            receipt.Expected,
            receipt.Received,
            receipt.Incomplete,
            people,
            [.. rows.Where(r => !checkedIn.Contains(r.ApplicationId)).Select(r => r.Name)]);
    }
}
