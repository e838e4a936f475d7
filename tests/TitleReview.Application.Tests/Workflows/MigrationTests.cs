using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Migrations;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>Running cases on older versions move to the version that adds the office's half, losing nothing.</summary>
public class MigrationTests : WorkflowTestBase
{
    private const string Application = "application";

    [Test]
    public async Task OlderInstances_InSeveralStates_MoveToTheNewVersion_WithJournalAndTimers_AsPreviewed()
    {
        var latest = Services.GetRequiredService<IWorkflowDefinitions>().Latest(Application).Version;
        Clock.SetUtcNow(Beijing(2023, 8, 10, 10, 0, 0));
        var draftV1 = await LegacyAsync(1, "Draft", "close:filing");
        var draftV3 = await LegacyAsync(3, "Draft", "close:filing");
        var returnedV3 = await LegacyAsync(3, "Returned", "close:filing");
        var publicityV3 = await LegacyAsync(3, "UnitPublicity", "close:unitPublicity");
        var deadEndV2 = await LegacyAsync(2, "SubmittedToOffice", null);
        var finishedV3 = await LegacyAsync(3, "NotSubmitted", null, finished: true);

        var office = await ActorAsync("office");
        var preview = await PreviewAsync(latest, office);

        preview.Lines.Select(l => (l.FromVersion, l.FromState, l.ToState, l.Count)).Should().BeEquivalentTo(new[]
        {
            (1, "Draft", "Draft", 1),
            (2, "SubmittedToOffice", "AwaitingPaper", 1),
            (3, "Draft", "Draft", 1),
            (3, "Returned", "Returned", 1),
            (3, "UnitPublicity", "UnitPublicity", 1),
        });
        preview.Total.Should().Be(5, "a finished case keeps its version");

        var stale = () => RunAsync(latest, office, expectedTotal: 4);
        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        (await InstanceAsync(draftV1)).DefinitionVersion.Should().Be(1, "a stale preview runs nothing");

        var result = await RunAsync(latest, office, expectedTotal: preview.Total);

        result.Should().Be(new MigrationResult(5, 0));
        var filingCloses = Beijing(2023, 9, 1, 0, 0, 0);
        var publicityCloses = Beijing(2023, 9, 9, 0, 0, 0);
        var paperDeliveryCloses = Beijing(2023, 9, 9, 0, 0, 0);
        foreach (var (id, state, due) in new[] { (draftV1, "Draft", filingCloses), (draftV3, "Draft", filingCloses), (returnedV3, "Returned", filingCloses), (publicityV3, "UnitPublicity", publicityCloses), (deadEndV2, "AwaitingPaper", paperDeliveryCloses) }
                     .Select(x => (x.Item1, x.Item2, (DateTimeOffset?)x.Item3)))
        {
            var instance = await InstanceAsync(id);
            instance.DefinitionVersion.Should().Be(latest);
            instance.State.Should().Be(state);
            var journal = await JournalAsync(id);
            journal.Should().ContainSingle(j => j.Trigger == JournalText.MigrateTrigger && j.ToState == state && j.Actor == office.Id);
            var bookmarks = await BookmarksAsync(id);
            bookmarks.Where(b => b.CreatedAt < Clock.GetUtcNow()).Select(b => b.Status).Should().NotContain(BookmarkStatus.Pending, "the old version's timers are cancelled");
            var pending = bookmarks.Where(b => b.Status == BookmarkStatus.Pending).ToList();
            if (due is { } instant)
            {
                pending.Should().ContainSingle().Which.DueAt.Should().Be(instant, "the new version's timer is planned");
            }
            else
            {
                pending.Should().BeEmpty();
            }
        }

        (await InstanceAsync(finishedV3)).DefinitionVersion.Should().Be(3);
        (await JournalAsync(finishedV3)).Should().BeEmpty();
        (await PreviewAsync(latest, office)).Total.Should().Be(0, "running it again has nothing left to do");
    }

    [Test]
    public async Task ACaseStuckAtSubmittedToOffice_OnAnOldVersion_ReachesTheOfficesLaterStagesAfterMigration()
    {
        var latest = Services.GetRequiredService<IWorkflowDefinitions>().Latest(Application).Version;
        // A real application (the guards read its dossier), left by version 3 at the submission.
        Clock.SetUtcNow(Beijing(2023, 8, 10, 10, 0, 0));
        var stuck = await StartApplicationAsync("applicant1");
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.WorkflowBookmarks.Where(b => b.InstanceId == stuck).ExecuteDeleteAsync();
            await db.WorkflowJournal.Where(j => j.InstanceId == stuck).ExecuteDeleteAsync();
            await db.WorkflowInstances.Where(i => i.Id == stuck).ExecuteUpdateAsync(u => u.SetProperty(i => i.DefinitionVersion, 3).SetProperty(i => i.State, "SubmittedToOffice"));
        });
        var office = await ActorAsync("office");

        var deadEnd = () => FireAsync(stuck, "receivePaper", "office");
        await deadEnd.Should().ThrowAsync<ValidationException>("version 3 has no way out of the submission");

        await RunAsync(latest, office, expectedTotal: 1);

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        (await FireAsync(stuck, "receivePaper", "office")).ToState.Should().Be("PaperComplete");
        Clock.SetUtcNow(Beijing(2023, 11, 2, 9, 0, 0));
        (await FireAsync(stuck, "notRefer", "office", reason: "演示：不予送评")).ToState.Should().Be("NotOnCommitteeList");

        var ended = await InstanceAsync(stuck);
        ended.IsFinished.Should().BeTrue("not referred is final");
        (await JournalAsync(stuck)).Select(j => j.Trigger).Should().Equal(JournalText.MigrateTrigger, "receivePaper", "notRefer");
    }

    [Test]
    public async Task OnlyTheOffice_MayMigrate_AndABadTargetIsAFieldProblem()
    {
        var auditor = await ActorAsync("auditor1");
        var office = await ActorAsync("office");

        var byAuditor = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<RunMigration, MigrationResult>>().HandleAsync(new RunMigration(Application, 4, null, auditor)));
        await byAuditor.Should().ThrowAsync<ForbiddenAccessException>();

        var noVersion = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewMigration, MigrationPreview>>().HandleAsync(new PreviewMigration(Application, 99, office)));
        (await noVersion.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("toVersion");

        var noMigrations = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewMigration, MigrationPreview>>().HandleAsync(new PreviewMigration(Application, 1, office)));
        (await noMigrations.Should().ThrowAsync<ValidationException>()).Which.Errors["toVersion"].Single().Should().Contain("没有声明");
    }

    /// <summary>A case as an older version left it: its state, and the pending timer that version planned.</summary>
    private Task<Guid> LegacyAsync(int version, string state, string? timer, bool finished = false) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow();
        var instance = WorkflowInstance.Start(Guid.NewGuid(), Application, version, "Draft", new WorkflowSubject("Application", Guid.NewGuid(), $"旧版本案例 · {state}", CampaignId), now);
        if (state != "Draft" || finished)
        {
            instance.EnterState(state, finished, now);
        }

        db.WorkflowInstances.Add(instance);
        if (timer is not null)
        {
            var campaign = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == CampaignId);
            db.WorkflowBookmarks.Add(WorkflowBookmark.Create(instance.Id, state, "closeFiling", timer, TimerSchedule.DueAt(TimerExpression.Parse(timer), campaign, instance, new Dictionary<string, DateTimeOffset>(), sp.GetRequiredService<WorkingDayCalendar>())!.Value, now));
        }

        await db.SaveChangesAsync();
        return instance.Id;
    });

    private Task<MigrationPreview> PreviewAsync(int version, WorkflowActor office) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewMigration, MigrationPreview>>().HandleAsync(new PreviewMigration(Application, version, office)));

    private Task<MigrationResult> RunAsync(int version, WorkflowActor office, int expectedTotal)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return InScopeAsync(sp => sp.GetRequiredService<IHandler<RunMigration, MigrationResult>>().HandleAsync(new RunMigration(Application, version, expectedTotal, office)));
    }
}
