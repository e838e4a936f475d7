using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common;
using TitleReview.Application.Units;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Notifications;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Development only: the 2023 campaign exactly as the notice had it, with its history replayed
/// through the real engine at the instants things happened (so the journal reads like 2023),
/// and a current campaign whose windows sit around today, so that each open stage can be tried.
/// </summary>
public sealed class DemoCampaigns(
    AppDbContext db,
    IWorkflowDefinitions definitions,
    IEnumerable<IWorkflowGuard> guards,
    IEnumerable<IWorkflowFactProvider> factProviders,
    ITimelineFiles timelines,
    UserManager<AppUser> users,
    IServiceScopeFactory scopes,
    IAccountProvisioning accounts,
    IOptions<OfficeContact> contact,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    public const int HistoryYear = 2023;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var historyEnds = BeijingTime.StartOfDay(new DateOnly(HistoryYear + 1, 2, 1));
        if (now >= historyEnds)
        {
            await SeedHistoryAsync(now, cancellationToken);
        }

        var currentYear = BeijingTime.DateOf(now).Year;
        if (!await db.Campaigns.AnyAsync(c => c.Year == currentYear, cancellationToken))
        {
            await SeedCurrentAsync(now, cancellationToken);
        }
    }

    private async Task SeedHistoryAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replay = new ReplayClock(At(2023, 7, 12, 9, 0));
        var office = await ActorAsync("office");
        var campaignId = await new CreateCampaignFromTimelineHandler(db, Engine(replay), replay)
            .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(timelines.Read(HistoryYear)), office), cancellationToken);

        await RegisterUnitAsync(replay, At(2023, 7, 18, 10, 20), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await RegisterUnitAsync(replay, At(2023, 7, 19, 15, 5), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ApproveAsync(replay, At(2023, 7, 20, 9, 30), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ApproveAsync(replay, At(2023, 7, 20, 9, 45), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ConfirmAsync(replay, At(2023, 7, 24, 14, 0), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ConfirmAsync(replay, At(2023, 7, 26, 11, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await RunClockUntilAsync(replay, At(2023, 8, 1, 8, 30), cancellationToken);

        var li = await StartAsync(replay, At(2023, 8, 2, 20, 15), campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhang = await StartAsync(replay, At(2023, 8, 3, 19, 40), campaignId, "applicant2", TitleLevel.Assistant, cancellationToken);
        var zhao = await StartAsync(replay, At(2023, 8, 7, 10, 5), campaignId, "applicant3", TitleLevel.Senior, cancellationToken);
        _ = zhang;

        await FireAsync(replay, At(2023, 8, 20, 21, 30), li, "submit", "applicant1", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 22, 10, 12), li, "return", "auditor1", "第4部分：工作材料字数不足，请补充。", cancellationToken);
        await FireAsync(replay, At(2023, 8, 26, 22, 3), li, "submit", "applicant1", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 29, 9, 48), li, "approve", "auditor1", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 24, 16, 20), zhao, "submit", "applicant3", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 28, 15, 2), zhao, "approve", "auditor2", null, cancellationToken);

        // From here the clock alone moves things: filing closes, then every stage in turn.
        await RunClockUntilAsync(replay, now, cancellationToken);
    }

    private async Task SeedCurrentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        DateTimeOffset Day(int offset, int hour) => BeijingTime.StartOfDay(today.AddDays(offset)).AddHours(hour);

        var replay = new ReplayClock(Day(-30, 9));
        var office = await ActorAsync("office");
        var campaignId = await new CreateCampaignFromTimelineHandler(db, Engine(replay), replay)
            .HandleAsync(new CreateCampaignFromTimeline(CurrentTimeline(today), office), cancellationToken);

        await RegisterUnitAsync(replay, Day(-23, 10), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await RegisterUnitAsync(replay, Day(-22, 16), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await RegisterUnitAsync(replay, Day(-21, 11), campaignId, DemoAccounts.TongrenMaterials, null, cancellationToken);
        await ApproveAsync(replay, Day(-19, 9), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ApproveAsync(replay, Day(-19, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ConfirmAsync(replay, Day(-16, 15), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ConfirmAsync(replay, Day(-15, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);

        // The Tongren unit was never reviewed: the clock marks it not confirmed when confirmation closes.
        await RunClockUntilAsync(replay, now, cancellationToken);
        replay.MoveTo(now);

        await StartAsync(replay, null, campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhao = await StartAsync(replay, null, campaignId, "applicant3", TitleLevel.Senior, cancellationToken);
        await FireAsync(replay, null, zhao, "submit", "applicant3", null, cancellationToken);
    }

    private async Task RegisterUnitAsync(ReplayClock replay, DateTimeOffset at, Guid campaignId, DemoAccounts.DemoUnit unit, string? auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var auditor = auditorUserName is null ? null : DemoAccounts.Users.Single(u => u.UserName == auditorUserName);
        var handler = new RegisterUnitHandler(db, Engine(replay), guards, accounts, new InboxNotificationSender(db, replay), contact, replay);
        await handler.HandleAsync(
            new RegisterUnit(
                campaignId,
                unit.Name,
                unit.CreditCode,
                unit.Nature,
                unit.Region,
                unit.Region == Regions.Provincial ? "贵州省人民政府国有资产监督管理委员会" : $"{unit.Region}人民政府国有资产监督管理委员会",
                auditor?.DisplayName ?? "钱敏",
                auditor?.Mobile ?? "13800000103",
                "0851-85550000",
                null,
                null,
                AuditorIsHr: true,
                "周文",
                "0851-85550001"),
            cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo auditors already have accounts, so approval links them instead of creating new
    /// ones (the real approval creates the account and its activation link).
    /// </summary>
    private async Task ApproveAsync(ReplayClock replay, DateTimeOffset at, DemoAccounts.DemoUnit unit, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var registration = await db.UnitRegistrations.OrderByDescending(r => r.SubmittedAt).FirstAsync(r => r.CreditCode == unit.CreditCode, cancellationToken);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectId == registration.Id, cancellationToken);
        var auditor = await users.FindByNameAsync(auditorUserName) ?? throw new InvalidOperationException(auditorUserName);
        registration.Approve(unit.Id, auditor.Id);
        instance.AssignUnit(unit.Id, replay.GetUtcNow());
        await Engine(replay).FireAsync(new FireRequest(instance.Id, "approve", await ActorAsync("office")), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task ConfirmAsync(ReplayClock replay, DateTimeOffset at, DemoAccounts.DemoUnit unit, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var registration = await db.UnitRegistrations.AsNoTracking().OrderByDescending(r => r.SubmittedAt).FirstAsync(r => r.CreditCode == unit.CreditCode, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectId == registration.Id, cancellationToken);
        await Engine(replay).FireAsync(new FireRequest(instance.Id, "confirm", await ActorAsync(auditorUserName)), cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Windows placed around today: registration and confirmation just past, filing open.</summary>
    public static TimelineDocument CurrentTimeline(DateOnly today)
    {
        TimelineStage Stage(string key, int from, int to) => new()
        {
            Key = key,
            Name = StageKeys.DefaultName(key),
            Opens = today.AddDays(from).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Closes = today.AddDays(to).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Note = "演示数据：时间围绕系统当前日期安排，可在“年度评审”中修改。",
        };

        return new TimelineDocument
        {
            Year = today.Year,
            Name = $"{today.Year}年度贵州省政工专业职务任职资格申报评审（演示）",
            TenureCutoff = $"{today.Year}-12-31",
            Stages =
            [
                Stage(StageKeys.AuditorRegistration, -24, -20),
                Stage(StageKeys.AuditorConfirmation, -17, -13),
                Stage(StageKeys.Filing, -6, 24),
                Stage(StageKeys.UnitPublicity, -6, 38),
                Stage(StageKeys.PaperDelivery, 32, 38),
                Stage(StageKeys.Payment, 39, 45),
                Stage(StageKeys.PreliminaryReview, 46, 80),
                Stage(StageKeys.SpotCheck, 75, 85),
                Stage(StageKeys.CommitteeReferral, 86, 95),
                Stage(StageKeys.Defense, 100, 104),
                Stage(StageKeys.Results, 105, 115),
                Stage(StageKeys.Certificates, 116, 150),
            ],
        };
    }

    private async Task<Guid> StartAsync(ReplayClock time, DateTimeOffset? at, Guid campaignId, string userName, TitleLevel level, CancellationToken cancellationToken)
    {
        if (at is { } instant)
        {
            await RunClockUntilAsync(time, instant, cancellationToken);
        }

        var actor = await ActorAsync(userName);
        var applicationId = await new StartApplicationHandler(db, Engine(time), guards, contact, time)
            .HandleAsync(new StartApplication(campaignId, level, actor), cancellationToken);
        return await db.WorkflowInstances.Where(i => i.SubjectId == applicationId).Select(i => i.Id).SingleAsync(cancellationToken);
    }

    private async Task FireAsync(ReplayClock time, DateTimeOffset? at, Guid instanceId, string trigger, string userName, string? reason, CancellationToken cancellationToken)
    {
        if (at is { } instant)
        {
            await RunClockUntilAsync(time, instant, cancellationToken);
        }

        await new FireTriggerHandler(db, Engine(time))
            .HandleAsync(new FireTrigger(instanceId, trigger, await ActorAsync(userName), reason), cancellationToken);
    }

    /// <summary>Moves the replay clock forward timer by timer, firing each at its due instant.</summary>
    private async Task RunClockUntilAsync(ReplayClock replay, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await db.WorkflowBookmarks.AsNoTracking()
                .Where(b => b.Status == BookmarkStatus.Pending && b.DueAt <= until)
                .OrderBy(b => b.DueAt)
                .Select(b => (DateTimeOffset?)b.DueAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }

            replay.MoveTo(next.Value.AddSeconds(1));
            await Clock(replay).RunAsync(cancellationToken);

            // The clock fires in scopes of its own; forget what this context had tracked.
            db.ChangeTracker.Clear();
        }

        replay.MoveTo(until);
    }

    private WorkflowEngine Engine(TimeProvider time) => new(db, definitions, guards, factProviders, time);

    private WorkflowClock Clock(TimeProvider time) =>
        new(db, scopes, definitions, guards, time, loggers.CreateLogger<WorkflowClock>());

    private async Task<WorkflowActor> ActorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"Demo account {userName} is missing.");
        var roles = await users.GetRolesAsync(user);
        return new WorkflowActor(user.Id, user.DisplayName, roles.ToList(), user.UnitId);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));

    /// <summary>A clock that stands where the replay puts it; used only to write demo history.</summary>
    private sealed class ReplayClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateTimeOffset instant)
        {
            if (instant > _now)
            {
                _now = instant;
            }
        }
    }
}
