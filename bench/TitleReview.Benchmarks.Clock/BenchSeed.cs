using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Benchmarks.Clock;

/// <summary>What was seeded, and the one clock transition every seeded application waits for.</summary>
internal sealed record SeededCampaign(
    Guid CampaignId,
    string DefinitionId,
    int DefinitionVersion,
    string FromState,
    string Trigger,
    string ToState,
    DateTimeOffset ClosesAt);

/// <summary>
/// The 2023 campaign (workflows/timelines/2023.json) in mid-August, and N applications still
/// being filled in (the definition's initial state with its timers), inserted in chunks.
/// </summary>
internal static class BenchSeed
{
    public const string ApplicationDefinitionId = "application";
    public const string ApplicationSubjectType = "Application";
    private const int Year = 2023;
    private const int UnitCount = 50;
    private const int ChunkSize = 2_000;

    public static readonly DateTimeOffset Start = BeijingTime.FromBeijing(new DateTime(2023, 8, 15, 9, 0, 0));

    private static readonly WorkflowActor Office = new("bench-office", "基准测试", [Roles.Office]);

    public static async Task<SeededCampaign> SeedAsync(BenchHost host, int count)
    {
        await host.MigrateAsync();
        var campaignId = await CreateCampaignAsync(host);

        // The campaign's own timers catch up to mid-August now, so the measured run closes filing only.
        await host.RunClockAsync();

        var units = await CreateUnitsAsync(host);
        var calendar = host.Services.GetRequiredService<WorkingDayCalendar>();
        var noMarks = new Dictionary<string, DateTimeOffset>();
        var definition = host.Services.GetRequiredService<IWorkflowDefinitions>().Latest(ApplicationDefinitionId);
        var timer = definition.State(definition.InitialState).Timers.Single();
        var transition = definition.Transition(timer.Trigger, definition.InitialState)
            ?? throw new InvalidOperationException($"{definition.Key} has no transition for its timer {timer.Trigger}.");

        DateTimeOffset closesAt = default;
        for (var first = 0; first < count; first += ChunkSize)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Id == campaignId);
            var now = Start;
            for (var i = first; i < Math.Min(count, first + ChunkSize); i++)
            {
                var unitId = units[i % units.Count];
                var userId = $"bench-applicant-{i:D6}";
                var name = $"申报人{i:D6}";
                var application = TitleApplication.Start(Guid.NewGuid(), campaignId, userId, name, unitId, TitleLevel.Intermediate, now);
                var instance = WorkflowInstance.Start(
                    Guid.NewGuid(),
                    definition.DefinitionId,
                    definition.Version,
                    definition.InitialState,
                    new WorkflowSubject(ApplicationSubjectType, application.Id, $"{name} · 政工师", campaignId, unitId, userId, nameof(TitleLevel.Intermediate)),
                    now);
                closesAt = TimerSchedule.DueAt(TimerExpression.Parse(timer.At), campaign, instance, noMarks, calendar)
                    ?? throw new InvalidOperationException($"{timer.At} is counted from a mark: not a filing close.");
                db.TitleApplications.Add(application);
                db.WorkflowInstances.Add(instance);
                db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, null, JournalText.StartTrigger, instance.State, new WorkflowActor(userId, name, [Roles.Applicant]), null, now));
                db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, instance.State, timer.Trigger, timer.At, closesAt, now));
            }

            await db.SaveChangesAsync();
        }

        return new SeededCampaign(campaignId, definition.DefinitionId, definition.Version, definition.InitialState, timer.Trigger, transition.To, closesAt);
    }

    private static async Task<Guid> CreateCampaignAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var json = scope.ServiceProvider.GetRequiredService<ITimelineFiles>().Read(Year);
        return await scope.ServiceProvider.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
            .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(json), Office));
    }

    private static async Task<IReadOnlyList<Guid>> CreateUnitsAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = Enumerable.Range(1, UnitCount)
            .Select(i => Unit.Create(Guid.NewGuid(), $"基准测试单位{i:D2}", $"91520000BENCH{i:D5}", UnitNature.ProvincialEnterprise, "贵阳市"))
            .ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        return units.Select(u => u.Id).ToList();
    }
}
