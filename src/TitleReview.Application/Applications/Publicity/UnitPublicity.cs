using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicity;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Publicity;

/// <summary>
/// The auditor starts the unit publicity for one or several approved applicants. It starts
/// today by the server's clock (there is no start date to choose, so none can be back-dated)
/// and lasts 5 working days by the holiday calendar (the notice: 公示期为5个工作日).
/// </summary>
public sealed record StartUnitPublicity(IReadOnlyList<Guid> ApplicationIds, WorkflowActor Actor);

public sealed record PublicityStarted(DateOnly Start, DateOnly End, int Count);

/// <summary>After the publicity: no objection, or an objection and how it was handled.</summary>
public sealed record RecordUnitPublicity(Guid ApplicationId, PublicityOutcome? Outcome, string? Note, WorkflowActor Actor)
{
    public const int MaxNoteLength = 500;
}

/// <summary>The auditor submits the unit's dossiers with no objection to the office, one or many at once.</summary>
public sealed record SubmitToOffice(IReadOnlyList<Guid> ApplicationIds, WorkflowActor Actor);

internal static class PublicityRules
{
    public static async Task<(TitleApplication Application, WorkflowInstance Instance)> LoadForAuditorAsync(IApplicationDbContext db, Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(Roles.Auditor))
        {
            throw new ForbiddenAccessException("只有本单位审核人可以办理单位公示和报送。");
        }

        var (application, instance, _) = await Dossier.DossierAccess.LoadAsync(db, applicationId, actor, track: true, cancellationToken);
        return (application, instance);
    }
}

internal sealed class StartUnitPublicityHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, WorkingDayCalendar calendar, TimeProvider clock)
    : IHandler<StartUnitPublicity, PublicityStarted>
{
    public async Task<PublicityStarted> HandleAsync(StartUnitPublicity request, CancellationToken cancellationToken = default)
    {
        new Validation()
            .Require(request.ApplicationIds.Count > 0, "applicationIds", "请选择要公示的申报人。")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var period = UnitPublicityPeriod.StartedAt(now, calendar);
        var (start, end) = (period.FirstDay, period.LastDay);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        foreach (var id in request.ApplicationIds.Distinct())
        {
            var (application, instance) = await PublicityRules.LoadForAuditorAsync(db, id, request.Actor, cancellationToken);
            if (!definitions.Has(instance, StateCapabilities.PublicityMayStart))
            {
                throw new DomainException($"{application.ApplicantName}的材料当前不是“单位审核通过”状态，不能开始公示。");
            }

            application.StartPublicity(now, calendar);

            // The guards read the dossier from the database: save the dates first, inside the transaction.
            await db.SaveChangesAsync(cancellationToken);
            await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.StartUnitPublicity, request.Actor, $"公示期 {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}（{UnitPublicityPeriod.WorkingDays} 个工作日）"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PublicityStarted(start, end, request.ApplicationIds.Distinct().Count());
    }
}

internal sealed class RecordUnitPublicityHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<RecordUnitPublicity, FireResult>
{
    public async Task<FireResult> HandleAsync(RecordUnitPublicity request, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        v.Require(request.Outcome is not null && Enum.IsDefined(request.Outcome.Value), "outcome", "请选择公示结果（无异议或有异议）。");
        v.Require(request.Outcome != PublicityOutcome.Objection || !string.IsNullOrWhiteSpace(request.Note), "note", "公示有异议时，请填写异议情况及处理结果。");
        v.Require(request.Note is null || request.Note.Trim().Length <= RecordUnitPublicity.MaxNoteLength, "note", $"说明不能超过 {RecordUnitPublicity.MaxNoteLength} 个字。");
        v.ThrowIfInvalid();

        var (application, instance) = await PublicityRules.LoadForAuditorAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        if (!definitions.Has(instance, StateCapabilities.PublicityRunning))
        {
            throw new DomainException($"{application.ApplicantName}的材料当前不在单位公示中，不能记录公示结果。");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        application.RecordPublicity(request.Outcome!.Value, request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var operation = request.Outcome == PublicityOutcome.NoObjection ? WorkflowOperations.RecordNoObjection : WorkflowOperations.RecordObjection;
        var result = await engine.PerformAsync(new PerformRequest(instance.Id, operation, request.Actor, request.Note), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

internal sealed class SubmitToOfficeHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, Fees.IUnitPayments payments) : IHandler<SubmitToOffice, int>
{
    public async Task<int> HandleAsync(SubmitToOffice request, CancellationToken cancellationToken = default)
    {
        new Validation().Require(request.ApplicationIds.Count > 0, "applicationIds", "请选择要报送的申报人。").ThrowIfInvalid();

        // All or nothing: a unit's dossiers go together, so one that may not go stops the batch with its reason.
        var problems = new List<string>();
        var ready = new List<WorkflowInstance>();
        foreach (var id in request.ApplicationIds.Distinct())
        {
            var (application, instance) = await PublicityRules.LoadForAuditorAsync(db, id, request.Actor, cancellationToken);
            bool Means(string capability) => definitions.Has(instance, capability);
            var problem =
                Means(StateCapabilities.ReadyForOffice) && application.PublicityOutcome == PublicityOutcome.NoObjection ? null
                : Means(StateCapabilities.PublicityRunning) ? "尚未记录单位公示结果，不能报送（只有公示无异议的材料才能报送省政工职评办）"
                : Means(StateCapabilities.PublicityMayStart) ? "尚未进行单位公示，不能报送"
                : Means(StateCapabilities.SubmittedToOffice) ? "已报送，无需重复报送"
                : "当前状态不能报送";
            if (problem is null)
            {
                ready.Add(instance);
            }
            else
            {
                problems.Add($"{application.ApplicantName}：{problem}");
            }
        }

        if (problems.Count > 0)
        {
            throw new DomainException("未报送。" + string.Join("；", problems) + "。");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);

        // The unit owes the review fee from its first submission: its payment starts with it, so the
        // payment window's clock finds every unit that owes, even one that never opens its payment page.
        foreach (var (campaignId, unitId) in ready.Where(i => i.CampaignId is not null && i.UnitId is not null).Select(i => (i.CampaignId!.Value, i.UnitId!.Value)).Distinct())
        {
            await payments.EnsureStartedAsync(campaignId, unitId, request.Actor, cancellationToken);
        }

        foreach (var instance in ready)
        {
            await engine.PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.SubmitToOffice, request.Actor), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ready.Count;
    }
}
