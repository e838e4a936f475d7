using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Intake;

/// <summary>The office opens a unit's paper delivery at the counter: all its submitted applicants' envelopes are expected.</summary>
public sealed record OpenPaperDelivery(int Year, Guid UnitId, WorkflowActor Actor);

/// <summary>One checklist item as the office ticked it.</summary>
public sealed record ItemCheck(int Number, ItemStatus? Status, string? Note);

/// <summary>
/// The office checks in one person's envelope of the unit's open delivery, item by item; the
/// case moves to paper received, or to paper incomplete when anything is missing or wrong.
/// Checking the same envelope in again corrects it (and supersedes the unit's receipt).
/// </summary>
public sealed record CheckInEnvelope(int Year, Guid UnitId, Guid ApplicationId, IReadOnlyList<ItemCheck> Items, WorkflowActor Actor);

public sealed record EnvelopeCheckedIn(string ApplicantName, bool Complete, string Shortfall);

internal sealed class OpenPaperDeliveryHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<OpenPaperDelivery, Guid>
{
    public async Task<Guid> HandleAsync(OpenPaperDelivery request, CancellationToken cancellationToken = default)
    {
        IntakeData.RequireOffice(request.Actor);
        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var existing = await db.PaperDeliveries.AsNoTracking()
            .Where(d => d.CampaignId == campaign.Id && d.UnitId == request.UnitId)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var unit = await units.FindAsync(request.UnitId, cancellationToken);
        var states = IntakeData.SubmittedStates(definitions);
        var submitted = unit is null ? 0 : await (
                from instance in db.WorkflowInstances
                join application in db.TitleApplications on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaign.Id
                      && application.UnitId == unit.Id && states.Contains(instance.State)
                select application.Id)
            .CountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var exceptionUntil = unit is null ? null : await IntakeData.ExceptionUntilAsync(db, campaign.Id, unit.Id, cancellationToken);
        var delivery = PaperDelivery.Open(campaign.Id, unit?.Id, submitted, IntakeData.WindowOf(campaign), exceptionUntil, now, request.Actor.Id, request.Actor.Name);
        db.PaperDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return delivery.Id;
    }
}

internal sealed class CheckInEnvelopeHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<CheckInEnvelope, EnvelopeCheckedIn>
{
    public async Task<EnvelopeCheckedIn> HandleAsync(CheckInEnvelope request, CancellationToken cancellationToken = default)
    {
        IntakeData.RequireOffice(request.Actor);
        var v = new Validation();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            v.Require(item.Status is { } s && Enum.IsDefined(s), $"items[{i}].status", "请为每一项选择“已收”“缺”或“有误”。");
            v.Require(item.Note is null || item.Note.Trim().Length <= CheckedItem.MaxNoteLength, $"items[{i}].note", $"备注不能超过 {CheckedItem.MaxNoteLength} 个字。");
        }

        v.ThrowIfInvalid();

        var campaign = await IntakeData.CampaignAsync(db, request.Year, cancellationToken);
        var delivery = await db.PaperDeliveries.Include(d => d.Envelopes)
            .FirstOrDefaultAsync(d => d.CampaignId == campaign.Id && d.UnitId == request.UnitId, cancellationToken)
            ?? throw new DomainException("请先开启该单位的纸质材料接收，再逐袋登记。");
        var found = await (
                from a in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances on a.Id equals instance.SubjectId
                join owner in db.Campaigns.AsNoTracking() on a.CampaignId equals owner.Id
                where a.Id == request.ApplicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { Application = a, Instance = instance, owner.Year })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该申报人");
        var application = found.Application;
        var unit = await units.FindAsync(application.UnitId, cancellationToken) ?? throw new NotFoundException("该单位");
        var envelope = new ExpectedEnvelope(application.Id, application.ApplicantName, application.CampaignId, found.Year, unit.Id, unit.Name);
        bool Means(string capability) => definitions.Has(found.Instance, capability);
        if (envelope.CampaignId == delivery.CampaignId && envelope.UnitId == delivery.UnitId
            && !Means(StateCapabilities.AwaitingPaper) && !Means(StateCapabilities.PaperCheckedIn))
        {
            throw new DomainException(Means(StateCapabilities.PaperNotDelivered)
                ? $"{application.ApplicantName}的纸质材料报送期已截止，须先为该单位办理特例，才能接收。"
                : $"{application.ApplicantName}的材料当前不在接收纸质材料阶段，不能登记。");
        }

        var checklist = PaperChecklist.For(unit.Nature, application.Level, application.EvaluationType, application.FromCivilService);
        var names = checklist.ToDictionary(c => c.Number, c => c.Name);
        var items = request.Items
            .Select(i => new CheckedItem(i.Number, names.GetValueOrDefault(i.Number, string.Empty), i.Status!.Value, i.Note))
            .ToList();
        var now = clock.GetUtcNow();
        var exceptionUntil = await IntakeData.ExceptionUntilAsync(db, campaign.Id, delivery.UnitId, cancellationToken);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var checkIn = delivery.CheckIn(envelope, items, [.. checklist.Select(c => c.Number)], IntakeData.WindowOf(campaign), exceptionUntil, now, request.Actor.Id, request.Actor.Name);
        await db.SaveChangesAsync(cancellationToken);

        // The state follows the envelope; an envelope checked in again the same way moves nothing.
        var operation = checkIn.IsComplete
            ? (Means(StateCapabilities.AwaitingPaper) || Means(StateCapabilities.PaperIncomplete) ? WorkflowOperations.CheckInEnvelope : null)
            : (Means(StateCapabilities.PaperIncomplete) ? null : WorkflowOperations.CheckInIncompleteEnvelope);
        if (operation is not null)
        {
            await engine.PerformAsync(new PerformRequest(found.Instance.Id, operation, request.Actor, checkIn.IsComplete ? null : checkIn.Shortfall), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new EnvelopeCheckedIn(application.ApplicantName, checkIn.IsComplete, checkIn.Shortfall);
    }
}
