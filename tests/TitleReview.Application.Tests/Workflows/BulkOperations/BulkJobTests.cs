using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;
using TitleReview.Domain.Workflows.Bulk;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Application.Tests.Workflows.BulkOperations;

/// <summary>The job against concurrent changes, a crash in the middle of a fire, and instances that do not exist.</summary>
public class BulkJobTests : BulkOperationTestBase
{
    private const string Reason = "经核实予以补交";

    private Interference _interference = null!;

    protected override void ConfigureServices(IServiceCollection services)
    {
        _interference = new Interference();
        services.AddSingleton(_interference);
        services.AddScoped<IWorkflowFactProvider, InterferingFacts>();
    }

    [Test]
    public async Task Job_WhenSomebodyChangesAnInstanceDuringItsFire_TriesOnceMore_ThenRefusesIt()
    {
        var (a, b, c) = await ClosedCasesAsync();
        _interference.Conflicts[a] = 1;
        _interference.Conflicts[b] = 2;
        var journalBefore = await LastJournalIdAsync();

        var batchId = await CreateBatchAsync(Ticked(a, b, c), "reopen", Reason, Beijing(2023, 9, 8, 18, 0, 0));
        await RunJobAsync(batchId);

        var items = await ItemsAsync(batchId);
        items.Select(i => (i.InstanceId, i.Outcome)).Should().Equal((a, BulkItemOutcome.Fired), (b, BulkItemOutcome.Refused), (c, BulkItemOutcome.Fired));
        items[1].Message.Should().Be("该实例正在被他人同时办理，重试一次后仍然冲突，未执行。请稍后单独处理。");
        (await JournalAfterAsync(journalBefore)).Select(j => j.InstanceId).Should().Equal(a, c);
        (await InstanceAsync(b)).State.Should().Be("NotSubmitted");
    }

    [Test]
    public async Task Job_CrashingInTheMiddleOfAFire_SavesNeitherTheFireNorItsOutcome_AndARunAfterwardsFiresEachInstanceOnce()
    {
        var cases = await SeedClosedAsync(5);
        var journalBefore = await LastJournalIdAsync();
        var batchId = await CreateBatchAsync(Filter("NotSubmitted"), "reopen", Reason, Beijing(2023, 9, 8, 18, 0, 0));

        using var crash = new CancellationTokenSource();
        _interference.Crash = crash;
        _interference.CrashAtFire = _interference.Fires + 3;
        var run = () => InScopeAsync(sp => sp.GetRequiredService<BulkOperationJob>().RunAsync(batchId, crash.Token));
        await run.Should().ThrowAsync<OperationCanceledException>();

        (await ItemsAsync(batchId)).Select(i => i.Outcome).Should().Equal(
            BulkItemOutcome.Fired, BulkItemOutcome.Fired, BulkItemOutcome.Pending, BulkItemOutcome.Pending, BulkItemOutcome.Pending);
        (await JournalAfterAsync(journalBefore)).Should().HaveCount(2, "the third fire was cut off before it was saved");
        (await BatchAsync(batchId)).Status.Should().Be(BulkOperationStatus.Running);

        await RunJobAsync(batchId);

        (await ItemsAsync(batchId)).Should().OnlyContain(i => i.Outcome == BulkItemOutcome.Fired);
        (await JournalAfterAsync(journalBefore)).Select(j => j.InstanceId).Should().BeEquivalentTo(cases).And.OnlyHaveUniqueItems();
        (await BatchAsync(batchId)).Status.Should().Be(BulkOperationStatus.Completed);
    }

    [Test]
    public async Task Job_ATickedInstanceThatDoesNotExist_IsRefusedAsNotFound()
    {
        var (a, _, _) = await ClosedCasesAsync();
        var missing = Guid.NewGuid();

        var batchId = await CreateBatchAsync(Ticked(missing, a), "reopen", Reason, Beijing(2023, 9, 8, 18, 0, 0));
        await RunJobAsync(batchId);

        var items = await ItemsAsync(batchId);
        items[0].Should().BeEquivalentTo(new { InstanceId = missing, SubjectTitle = "（未找到的流程实例）", Outcome = BulkItemOutcome.Refused, Message = "未找到该流程实例，或您无权查看。" });
        items[1].Outcome.Should().Be(BulkItemOutcome.Fired);
    }

    private async Task<(Guid A, Guid B, Guid C)> ClosedCasesAsync()
    {
        var cases = await SeedClosedAsync(3);
        return (cases[0], cases[1], cases[2]);
    }

    /// <summary>Applications started in August 2023 and closed by the clock at filing's close; now is Sep 2.</summary>
    private async Task<List<Guid>> SeedClosedAsync(int count)
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var cases = await SeedApplicationsAsync(CampaignId, count, "丙");
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        await RunClockAsync();
        Clock.SetUtcNow(Beijing(2023, 9, 2, 10, 0, 0));
        return cases;
    }

    /// <summary>What <see cref="InterferingFacts"/> does to the fires it sees.</summary>
    private sealed class Interference
    {
        /// <summary>Per instance, how many of its fires somebody else interrupts by changing the instance first.</summary>
        public Dictionary<Guid, int> Conflicts { get; } = [];

        public CancellationTokenSource? Crash { get; set; }

        /// <summary>The guarded fire (counted from the start of the test) during which the process "crashes".</summary>
        public int CrashAtFire { get; set; } = int.MaxValue;

        public int Fires { get; set; }
    }

    /// <summary>
    /// Loaded by the engine in the middle of every guarded fire of an application, after the
    /// instance was read and before anything is saved: there another person changes the same
    /// instance, or the process "crashes".
    /// </summary>
    private sealed class InterferingFacts(Interference interference, IServiceScopeFactory scopes) : IWorkflowFactProvider
    {
        public string SubjectType => ApplicationWorkflow.SubjectType;

        public async Task<WorkflowFacts> AddFactsAsync(WorkflowInstance instance, WorkflowFacts facts, CancellationToken cancellationToken)
        {
            if (interference.Conflicts.TryGetValue(instance.Id, out var left) && left > 0)
            {
                interference.Conflicts[instance.Id] = left - 1;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var current = await db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id, CancellationToken.None);
                current.Touch(current.UpdatedAt);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            if (++interference.Fires == interference.CrashAtFire)
            {
                await interference.Crash!.CancelAsync();
            }

            return facts;
        }
    }
}
