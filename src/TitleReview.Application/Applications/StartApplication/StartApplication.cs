using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;
using TitleReview.Application.Units;

namespace TitleReview.Application.Applications.StartApplication;

/// <summary>
/// An applicant starts their application in a campaign whose filing window is open, unless their ID
/// number's integrity record carries a ban in force.
/// </summary>
public sealed record StartApplication(Guid CampaignId, TitleLevel? Level, WorkflowActor Actor);

internal sealed class StartApplicationHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IUnitDirectory units,
    IIntegrityRecord integrity,
    Documents.IPersonDirectory people,
    Microsoft.Extensions.Options.IOptions<OfficeContact> contact,
    TimeProvider clock) : IHandler<StartApplication, Guid>
{
    public async Task<Guid> HandleAsync(StartApplication request, CancellationToken cancellationToken = default)
    {
        new Validation()
            .Require(request.Level is not null && Enum.IsDefined(request.Level.Value), "level", "请选择申报的专业职务等级。")
            .ThrowIfInvalid();

        if (!request.Actor.Roles.Contains(Roles.Applicant))
        {
            throw new ForbiddenAccessException("只有申报人可以开始申报。");
        }

        if (request.Actor.UnitId is not { } unitId)
        {
            throw new DomainException("您的账号尚未关联申报单位，不能申报。请联系本单位审核人或省政工职评办。");
        }

        var campaign = await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
            ?? throw new NotFoundException("该年度评审工作");

        var now = clock.GetUtcNow();
        var window = WindowOpenGuard.Evaluate(campaign.Stage(StageKeys.Filing), now);
        if (!window.Passed)
        {
            throw new DomainException(window.Reason!);
        }

        if (!await units.IsConfirmedAsync(campaign.Id, unitId, cancellationToken))
        {
            var unitName = (await units.FindAsync(unitId, cancellationToken))?.Name ?? "您所在单位";
            throw new DomainException(
                $"“{unitName}”未在规定时间内核准 {campaign.Year} 年度的审核人信息，按通知规定，其申报人员不能在系统上申报。请联系本单位人力资源部门，或{contact.Value.Name}（{contact.Value.Phone}）。");
        }

        await EnsureNotBannedAsync(request.Actor, BeijingTime.DateOf(now), cancellationToken);

        if (await db.TitleApplications.AnyAsync(a => a.CampaignId == campaign.Id && a.ApplicantUserId == request.Actor.Id, cancellationToken))
        {
            throw new DomainException($"您已在 {campaign.Year} 年度申报，每人每年度只能申报一次。");
        }

        var application = TitleApplication.Start(Guid.NewGuid(), campaign.Id, request.Actor.Id, request.Actor.Name, unitId, request.Level!.Value, now);
        db.TitleApplications.Add(application);
        await engine.StartAsync(
            ApplicationWorkflow.DefinitionId,
            new WorkflowSubject(
                ApplicationWorkflow.SubjectType,
                application.Id,
                $"{application.ApplicantName} · {TitleLevels.DisplayName(application.Level)}",
                CampaignId: campaign.Id,
                UnitId: unitId,
                OwnerUserId: request.Actor.Id,
                Level: application.Level.ToString()),
            request.Actor,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return application.Id;
    }

    private async Task EnsureNotBannedAsync(WorkflowActor actor, DateOnly today, CancellationToken cancellationToken)
    {
        var (_, idNumber) = await people.GetContactAsync(actor.Id, cancellationToken);
        if (string.IsNullOrEmpty(idNumber) || await integrity.ActiveBanAsync(idNumber, today, cancellationToken) is not { } ban)
        {
            return;
        }

        var rule = new NoRegisteringOrApplyingWhileBannedRule(ban.Until, today, ban.Contact);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
