using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
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
    ITimelineFiles timelines,
    UserManager<AppUser> users,
    IServiceScopeFactory scopes,
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
        var office = await ActorAsync("office");
        var document = CurrentTimeline(today);
        var campaignId = await new CreateCampaignFromTimelineHandler(db, Engine(clock), clock)
            .HandleAsync(new CreateCampaignFromTimeline(document, office), cancellationToken);
        await Clock(clock).RunAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var li = await StartAsync(clock, null, campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhao = await StartAsync(clock, null, campaignId, "applicant3", TitleLevel.Senior, cancellationToken);
        _ = li;
        await FireAsync(clock, null, zhao, "submit", "applicant3", null, cancellationToken);
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

    private async Task<Guid> StartAsync(TimeProvider time, DateTimeOffset? at, Guid campaignId, string userName, TitleLevel level, CancellationToken cancellationToken)
    {
        if (at is { } instant && time is ReplayClock replay)
        {
            await RunClockUntilAsync(replay, instant, cancellationToken);
        }

        var actor = await ActorAsync(userName);
        var applicationId = await new StartApplicationHandler(db, Engine(time), guards, time)
            .HandleAsync(new StartApplication(campaignId, level, actor), cancellationToken);
        return await db.WorkflowInstances.Where(i => i.SubjectId == applicationId).Select(i => i.Id).SingleAsync(cancellationToken);
    }

    private async Task FireAsync(TimeProvider time, DateTimeOffset? at, Guid instanceId, string trigger, string userName, string? reason, CancellationToken cancellationToken)
    {
        if (at is { } instant && time is ReplayClock replay)
        {
            await RunClockUntilAsync(replay, instant, cancellationToken);
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

    private WorkflowEngine Engine(TimeProvider time) => new(db, definitions, guards, time);

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
