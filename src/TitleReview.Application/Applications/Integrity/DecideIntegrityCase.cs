using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Integrity;

/// <summary>How long a finding kept in the integrity record stops the person from applying.</summary>
public enum IntegrityBanChoice
{
    /// <summary>不禁止申报.</summary>
    None = 0,

    /// <summary>三年（默认）: until the eve of the decision's date three years on.</summary>
    Default = 1,

    /// <summary>自定截止日期: until the day the office sets.</summary>
    Until = 2,
}

/// <summary>
/// The office decides a case (处理决定) with its reasons: no finding (a spot-check case goes back to
/// the spot check passed), a one-vote veto (the application ends failed at whatever stage), or the
/// revocation of the issued certificate. A veto or revocation may keep the finding in the person's
/// integrity record, with a ban. Everything of the decision is saved in one transaction.
/// </summary>
public sealed record DecideIntegrityCase(
    Guid CaseId,
    IntegrityOutcome? Outcome,
    string? Reasons,
    bool RecordFinding,
    IntegrityBanChoice Ban,
    DateOnly? BanUntil,
    Guid? CaseToken,
    WorkflowActor Actor);

public sealed record IntegrityCaseDecided(string ApplicantName, IntegrityOutcome Outcome, DateOnly? BannedUntil, string? RevokedCertificateNumber);

internal sealed class DecideIntegrityCaseHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IWorkflowEngine engine,
    IPersonDirectory people,
    ICertificateRevocation certificates,
    IIntegrityRecord integrityRecord,
    TimeProvider clock) : IHandler<DecideIntegrityCase, IntegrityCaseDecided>
{
    public async Task<IntegrityCaseDecided> HandleAsync(DecideIntegrityCase request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var today = BeijingTime.Today(clock);
        var reasons = request.Reasons?.Trim() ?? string.Empty;
        Validate(request, reasons, today);

        var integrityCase = await IntegrityCommandData.LoadAsync(db, request.CaseId, request.CaseToken, cancellationToken);
        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.Id == integrityCase.ApplicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { application.ApplicantName, application.ApplicantUserId, Instance = instance })
            .FirstAsync(cancellationToken);
        var outcome = request.Outcome!.Value;
        var findingRecorded = outcome != IntegrityOutcome.NoFinding && request.RecordFinding;
        var bannedUntil = outcome == IntegrityOutcome.NoFinding ? null : request.Ban switch
        {
            IntegrityBanChoice.Default => IntegrityDecision.DefaultBanEnd(today),
            IntegrityBanChoice.Until => request.BanUntil,
            _ => null,
        };
        var decision = new IntegrityDecision(outcome, reasons, findingRecorded, bannedUntil);
        var now = clock.GetUtcNow();

        // A certificate ends the application as far as a veto goes: the title it carries is revoked, not vetoed.
        var certified = await db.Certificates.AnyAsync(c => c.ValidApplicationId == integrityCase.ApplicationId, cancellationToken);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var certificate = outcome == IntegrityOutcome.Revocation
            ? await certificates.RevokeAsync(integrityCase.ApplicationId, reasons, request.Actor, cancellationToken)
            : null;
        integrityCase.Decide(decision, IntegrityDecisionData.HasEnded(definitions, found.Instance) || certified, certificate, today, now, request.Actor.Id, request.Actor.Name);
        if (decision.RecordsFinding)
        {
            var (_, idNumber) = await people.GetContactAsync(found.ApplicantUserId, cancellationToken);
            if (string.IsNullOrWhiteSpace(idNumber))
            {
                throw new DomainException("该申报人的账号没有登记身份证号码，无法记入诚信档案；请先核实其账号信息。");
            }

            await integrityRecord.AddFindingAsync(
                new IntegrityFindingToRecord(idNumber, found.ApplicantName, integrityCase.UnitId, integrityCase.Id, $"{IntegrityCaseNames.Describe(outcome)}：{reasons}", bannedUntil),
                cancellationToken);
        }

        await IntegrityCommandData.SaveAsync(db, cancellationToken);
        if (outcome == IntegrityOutcome.Veto)
        {
            await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.VetoApplication, request.Actor, $"一票否决（诚信案件）：{reasons}"), cancellationToken);
        }
        else if (outcome == IntegrityOutcome.NoFinding && integrityCase.Source == IntegrityCaseSource.SpotCheck && definitions.Has(found.Instance, StateCapabilities.IntegrityCaseOpen))
        {
            await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.ClearIntegrityCase, request.Actor, $"诚信案件不予认定：{reasons}"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new IntegrityCaseDecided(found.ApplicantName, outcome, bannedUntil, integrityCase.RevokedCertificateNumber);
    }

    /// <summary>Field by field, in the form's words, before anything is read or staged.</summary>
    private static void Validate(DecideIntegrityCase request, string reasons, DateOnly today)
    {
        var v = new Validation();
        v.Require(request.Outcome is { } outcome && IntegrityCaseNames.Outcomes.Contains(outcome), "Outcome", "请选择处理决定：不予认定、一票否决或撤销职称。");
        v.Require(reasons.Length > 0, "Reasons", "请填写处理决定的理由。");
        v.Require(reasons.Length <= IntegrityCase.MaxReasonsLength, "Reasons", $"处理决定的理由不能超过 {IntegrityCase.MaxReasonsLength} 个字。");
        v.Require(Enum.IsDefined(request.Ban), "Ban", "请选择禁止申报的期限。");
        if (request.Outcome == IntegrityOutcome.NoFinding)
        {
            // Nothing found is nothing to record: the form's record and ban do not apply.
            v.ThrowIfInvalid();
            return;
        }

        v.Require(request.Ban == IntegrityBanChoice.None || request.RecordFinding, "Ban", "禁止申报须同时记入诚信档案，请勾选“记入诚信档案”。");
        if (request.Ban == IntegrityBanChoice.Until)
        {
            v.Require(request.BanUntil is not null, "BanUntil", "请填写禁止申报的截止日期。");
            v.Require(request.BanUntil is null || request.BanUntil > today, "BanUntil", "禁止申报的截止日期须晚于今天。");
        }

        v.ThrowIfInvalid();
    }
}
