using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>A database with the demo accounts and the 2023 campaign from workflows/timelines/2023.json.</summary>
public abstract class WorkflowTestBase : ApplicationTestBase
{
    protected Guid CampaignId { get; private set; }

    protected override DateTimeOffset ClockStart => Beijing(2023, 7, 1, 9, 0, 0);

    /// <summary>Whether the two demo units register and confirm their auditors (Jul 18–24) in set-up.</summary>
    protected virtual bool ConfirmDemoUnits => true;

    [SetUp]
    public async Task CreateCampaign2023Async()
    {
        await InitializeDatabaseAsync();
        var office = await ActorAsync("office");
        CampaignId = await InScopeAsync(sp =>
        {
            var json = sp.GetRequiredService<ITimelineFiles>().Read(2023);
            return sp.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
                .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(json), office));
        });

        if (ConfirmDemoUnits)
        {
            Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
            var qiannan = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
            var transport = await RegisterUnitAsync(DemoAccounts.ProvincialTransport, "刘洋", "13800000102");
            await ApproveAsync(qiannan);
            await ApproveAsync(transport);
            Clock.SetUtcNow(Beijing(2023, 7, 24, 10, 0, 0));
            await FireAsync(await RegistrationInstanceAsync(qiannan), "confirm", "auditor1");
            await FireAsync(await RegistrationInstanceAsync(transport), "confirm", "auditor2");
        }
    }

    protected Task<RegistrationReceipt> RegisterUnitAsync(DemoAccounts.DemoUnit unit, string auditorName, string auditorMobile) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<RegisterUnit, RegistrationReceipt>>().HandleAsync(new RegisterUnit(
            CampaignId, unit.Name, unit.CreditCode, unit.Nature, unit.Region, "贵州省国资委", auditorName, auditorMobile,
            "0851-85550000", "123456", "hr@example.cn", AuditorIsHr: true, "周文", "0851-85550001")));

    protected async Task<AuditorAccountIssued> ApproveAsync(RegistrationReceipt receipt)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<ApproveRegistration, AuditorAccountIssued>>()
            .HandleAsync(new ApproveRegistration(receipt.RegistrationId, office)));
    }

    /// <summary>The newest message queued for an address (mobile or e-mail), as the person would receive it.</summary>
    protected Task<OutboundMessage> LastMessageToAsync(string recipient) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking()
            .Where(m => m.Recipient == recipient).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync());

    /// <summary>The activation token from the newest activation message sent to an auditor's mobile.</summary>
    protected async Task<string> ActivationTokenSentToAsync(string mobile)
    {
        var message = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking()
            .Where(m => m.Recipient == mobile && m.Purpose == "激活账号").ToListAsync());
        var newest = message.OrderByDescending(m => m.CreatedAt).First();
        return System.Text.RegularExpressions.Regex.Match(newest.Body, "token=([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    protected Task<Guid> RegistrationInstanceAsync(RegistrationReceipt receipt) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances
            .Where(i => i.SubjectId == receipt.RegistrationId).Select(i => i.Id).SingleAsync());

    protected static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute, int second) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, second));

    protected Task<WorkflowActor> ActorAsync(string userName) => InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        return new WorkflowActor(user.Id, user.DisplayName, (await users.GetRolesAsync(user)).ToList(), user.UnitId);
    });

    /// <summary>
    /// Starts an application and returns its workflow instance id. Unless asked otherwise the
    /// applicant then fills a complete dossier through the real use cases, so it can be submitted.
    /// </summary>
    protected async Task<Guid> StartApplicationAsync(string userName, TitleLevel level = TitleLevel.Intermediate, bool completeDossier = true)
    {
        var actor = await ActorAsync(userName);
        var applicationId = await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartApplication, Guid>>()
            .HandleAsync(new StartApplication(CampaignId, level, actor)));
        if (completeDossier)
        {
            await DossierFiller.FillCompleteAsync(Services, applicationId, actor, 2023, level);
        }

        return await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances
            .Where(i => i.SubjectId == applicationId).Select(i => i.Id).SingleAsync());
    }

    /// <summary>The auditor opens every scan, then ticks every mandatory item of the dossier behind an instance.</summary>
    protected async Task VerifyAllAsync(Guid instanceId, string auditorUserName)
    {
        var auditor = await ActorAsync(auditorUserName);
        var applicationId = (await InstanceAsync(instanceId)).SubjectId;
        var dossier = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, auditor)));
        foreach (var scan in dossier.Attachments.Values)
        {
            await OpenScanAsync(scan.Id, auditorUserName);
        }

        foreach (var item in dossier.Mandatory.Where(m => !m.Verified))
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<VerifyItem, Guid>>().HandleAsync(new VerifyItem(applicationId, item.Key, true, auditor)));
        }
    }

    /// <summary>Opens a scan as the reviewer would on the review page (the opening is recorded).</summary>
    protected async Task OpenScanAsync(Guid attachmentId, string userName)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(async sp =>
        {
            var opened = await sp.GetRequiredService<IHandler<OpenAttachment, OpenedAttachment>>().HandleAsync(new OpenAttachment(attachmentId, actor));
            await opened.Content.DisposeAsync();
        });
    }

    /// <summary>
    /// Fires a trigger as a person; an approval is preceded by the auditor's ticks, as in the real review.
    /// A transition that belongs to a use case (an operation) goes the way its use case sends it
    /// (<see cref="IWorkflowEngine.PerformAsync"/>); the others through the generic fire.
    /// </summary>
    protected async Task<FireResult> FireAsync(Guid instanceId, string trigger, string userName, string? reason = null, DateTimeOffset? until = null, Guid? expectedToken = null)
    {
        if (trigger == "approve" && (await InstanceAsync(instanceId)).State == "Submitted" && (await ActorAsync(userName)).Roles.Contains("Auditor"))
        {
            await VerifyAllAsync(instanceId, userName);
        }

        var actor = await ActorAsync(userName);
        var current = await InstanceAsync(instanceId);
        return await InScopeAsync(sp =>
        {
            var definition = sp.GetRequiredService<IWorkflowDefinitions>().Get(current.DefinitionId, current.DefinitionVersion);
            return definition.Transition(trigger, current.State)?.Operation is { } operation
                ? sp.GetRequiredService<IWorkflowEngine>().PerformAsync(new PerformRequest(instanceId, operation, actor, reason, until, expectedToken))
                : sp.GetRequiredService<IHandler<FireTrigger, FireResult>>().HandleAsync(new FireTrigger(instanceId, trigger, actor, reason, until, expectedToken));
        });
    }

    protected Task<int> RunClockAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IWorkflowClock>().RunAsync());

    protected Task<WorkflowInstance> InstanceAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id));

    protected Task<WorkflowInstance> CampaignInstanceAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances.AsNoTracking()
            .SingleAsync(i => i.SubjectType == "Campaign" && i.SubjectId == CampaignId));

    protected Task<List<WorkflowJournalEntry>> JournalAsync(Guid instanceId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync());

    protected Task<List<WorkflowBookmark>> BookmarksAsync(Guid instanceId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowBookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId).OrderBy(b => b.DueAt).ToListAsync());
}
