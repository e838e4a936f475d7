using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>The clock fires the filing close in batches (ADR 0015): killed, failing or raced, every case closes exactly once.</summary>
public class ClockBatchTests : WorkflowTestBase
{
    private static readonly string[] Applicants = ["applicant1", "applicant2", "applicant3", "applicant4"];

    [TestCase(false, TestName = "Clock_KilledBetweenBatches_NextRunClosesEveryCaseExactlyOnce")]
    [TestCase(true, TestName = "Clock_KilledInTheMiddleOfABatch_NextRunClosesEveryCaseExactlyOnce")]
    public async Task Clock_Killed_NextRunClosesEveryCaseExactlyOnce(bool inTheMiddleOfABatch)
    {
        var drafts = await OpenDraftsAsync();
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));

        // Batches of two: the four drafts close in two transactions, and the run dies after the first.
        using var kill = new CancellationTokenSource();
        var options = new WorkflowClockOptions { BatchSize = 2 };
        if (inTheMiddleOfABatch)
        {
            var saves = 0;
            options.BeforeBatchSave = _ =>
            {
                if (++saves == 2)
                {
                    kill.Cancel();
                    kill.Token.ThrowIfCancellationRequested();
                }

                return Task.CompletedTask;
            };
        }
        else
        {
            options.BatchFinished = finished =>
            {
                if (finished == 1)
                {
                    kill.Cancel();
                }

                return Task.CompletedTask;
            };
        }

        var killed = () => RunClockAsync(options, kill.Token);
        await killed.Should().ThrowAsync<OperationCanceledException>();

        var states = await Task.WhenAll(drafts.Select(InstanceAsync));
        states.Count(i => i.State == "NotSubmitted").Should().Be(2, "the first batch was committed whole");
        states.Count(i => i.State == "Draft").Should().Be(2, "the batch that was cut off left nothing behind");
        foreach (var open in states.Where(i => i.State == "Draft"))
        {
            (await JournalAsync(open.Id)).Should().NotContain(j => j.Trigger == "closeFiling");
            (await BookmarksAsync(open.Id)).Should().ContainSingle(b => b.Trigger == "closeFiling" && b.Status == BookmarkStatus.Pending);
        }

        (await RunClockAsync(new WorkflowClockOptions { BatchSize = 2 })).Should().Be(2, "the restarted clock finishes what was left");

        await ShouldAllBeClosedExactlyOnceAsync(drafts);
        var journal = await JournalCountAsync();
        (await RunClockAsync()).Should().Be(0);
        (await JournalCountAsync()).Should().Be(journal, "a second run changes nothing");
    }

    [Test]
    public async Task Batch_WhereOneCaseCannotBeSaved_ClosesTheOthers_AndRecordsAnIncidentForIt()
    {
        var drafts = await OpenDraftsAsync();
        var broken = drafts[1];

        // The database refuses this one case's journal row, as it would a corrupt row. (A trigger
        // takes no parameters; the id is a Guid.)
        var refuse = $"CREATE TRIGGER refuse_one BEFORE INSERT ON WorkflowJournal WHEN NEW.InstanceId = '{broken.ToString().ToUpperInvariant()}' BEGIN SELECT RAISE(ABORT, '模拟的数据库故障'); END;";
        await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(refuse));
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));

        var fired = await RunClockAsync(new WorkflowClockOptions { BatchSize = 10 });

        fired.Should().Be(3);
        await ShouldAllBeClosedExactlyOnceAsync(drafts.Where(d => d != broken));
        var faulted = await InstanceAsync(broken);
        faulted.State.Should().Be("Draft");
        faulted.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        faulted.IncidentCount.Should().Be(1);
        (await BookmarksAsync(broken)).Should().ContainSingle(b => b.Trigger == "closeFiling").Which.Status.Should().Be(BookmarkStatus.Faulted);
        var incident = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowIncidents.AsNoTracking().SingleAsync());
        incident.InstanceId.Should().Be(broken);
        incident.Trigger.Should().Be("closeFiling");
        incident.Message.Should().Contain("模拟的数据库故障");

        (await RunClockAsync()).Should().Be(0, "a faulted timer waits for staff");
    }

    [Test]
    public async Task Batch_FiresEveryCaseOfTheGroupInOneTransaction_WithAJournalRowEach()
    {
        var drafts = await OpenDraftsAsync();
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        var batches = new List<IReadOnlyCollection<Guid>>();
        var options = new WorkflowClockOptions
        {
            BeforeBatchSave = instances =>
            {
                batches.Add(instances);
                return Task.CompletedTask;
            },
        };

        (await RunClockAsync(options)).Should().Be(drafts.Count);

        batches.Should().ContainSingle().Which.Should().BeEquivalentTo(drafts);
        await ShouldAllBeClosedExactlyOnceAsync(drafts);
        foreach (var draft in drafts)
        {
            var closing = (await JournalAsync(draft)).Single(j => j.Trigger == "closeFiling");
            closing.FromState.Should().Be("Draft");
            closing.ActorName.Should().Be(WorkflowActor.Clock.Name);
            closing.Reason.Should().Be("定时触发（close:filing）");
            var instance = await InstanceAsync(draft);
            instance.Status.Should().Be(WorkflowStatus.Finished);
            instance.FinishedAt.Should().Be(Beijing(2023, 9, 1, 0, 0, 0));
        }
    }

    /// <summary>Four applications still being filled in on Aug 10, after the campaign's own timers have fired.</summary>
    private async Task<List<Guid>> OpenDraftsAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        await RunClockAsync();
        var drafts = new List<Guid>();
        foreach (var applicant in Applicants)
        {
            drafts.Add(await StartApplicationAsync(applicant, completeDossier: false));
        }

        return drafts;
    }

    private async Task ShouldAllBeClosedExactlyOnceAsync(IEnumerable<Guid> instances)
    {
        foreach (var id in instances)
        {
            (await InstanceAsync(id)).State.Should().Be("NotSubmitted");
            var closing = (await JournalAsync(id)).Where(j => j.Trigger == "closeFiling").ToList();
            closing.Should().ContainSingle().Which.Actor.Should().Be(WorkflowActor.ClockId);
            (await BookmarksAsync(id)).Should().ContainSingle(b => b.Trigger == "closeFiling")
                .Which.Status.Should().Be(BookmarkStatus.Fired);
        }
    }

    private Task<int> JournalCountAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.CountAsync());

    private async Task<int> RunClockAsync(WorkflowClockOptions options, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        var clock = ActivatorUtilities.CreateInstance<WorkflowClock>(scope.ServiceProvider, Options.Create(options));
        return await clock.RunAsync(cancellationToken);
    }
}

/// <summary>A person acts on a case while the clock's batch holds it: the person wins, the clock does not fire it again.</summary>
public class ClockConflictTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task CaseChangedByAPersonBetweenTheBatchsLoadAndItsSave_IsNotFiredAgain()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
        var qiannan = await RegistrationInstanceAsync(await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101"));
        var transportReceipt = await RegisterUnitAsync(DemoAccounts.ProvincialTransport, "刘洋", "13800000102");
        var transport = await RegistrationInstanceAsync(transportReceipt);
        var tongren = await RegistrationInstanceAsync(await RegisterUnitAsync(DemoAccounts.TongrenMaterials, "陈刚", "13800000103"));

        // Confirmation closed on Jul 28 at 24:00: the clock closes every registration still waiting.
        Clock.SetUtcNow(Beijing(2023, 7, 29, 0, 0, 0));
        var office = await ActorAsync("office");
        var rejected = false;
        var options = new WorkflowClockOptions
        {
            BeforeBatchSave = async instances =>
            {
                if (!rejected && instances.Contains(transport))
                {
                    rejected = true;
                    await InScopeAsync(sp => sp.GetRequiredService<IHandler<RejectRegistration, FireResult>>()
                        .HandleAsync(new RejectRegistration(transportReceipt.RegistrationId, "单位名称与营业执照不一致", office)));
                }
            },
        };

        await using (var scope = Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<WorkflowClock>(scope.ServiceProvider, Options.Create(options)).RunAsync();
        }

        rejected.Should().BeTrue();
        var person = await InstanceAsync(transport);
        person.State.Should().Be("Rejected", "the office's rejection stands");
        var journal = await JournalAsync(transport);
        journal.Should().ContainSingle(j => j.Trigger == "reject");
        journal.Should().NotContain(j => j.Trigger == "closeConfirmation");
        (await BookmarksAsync(transport)).Should().ContainSingle().Which.Status.Should().Be(BookmarkStatus.Cancelled);

        foreach (var id in new[] { qiannan, tongren })
        {
            (await InstanceAsync(id)).State.Should().Be("NotConfirmed");
            (await JournalAsync(id)).Should().ContainSingle(j => j.Trigger == "closeConfirmation");
            (await BookmarksAsync(id)).Should().ContainSingle().Which.Status.Should().Be(BookmarkStatus.Fired);
        }

        (await RunClockAsync()).Should().Be(0);
    }
}
