using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Application.Tests.Workflows.BulkOperations;

/// <summary>The 2023 campaign, many applications seeded at once, and the bulk operation's use cases and job.</summary>
public abstract class BulkOperationTestBase : WorkflowTestBase
{
    private const int SeedChunk = 100;

    /// <summary>
    /// Adds <paramref name="count"/> applications of one unit in a campaign's filing window,
    /// each with its workflow instance, journal row and timers; returns the instances' ids.
    /// The applicants are made up: only the office acts on these cases.
    /// </summary>
    protected async Task<List<Guid>> SeedApplicationsAsync(Guid campaignId, int count, string namePrefix)
    {
        var unitId = DemoAccounts.QiannanEnergy.Id;
        var ids = new List<Guid>();
        for (var first = 0; first < count; first += SeedChunk)
        {
            var from = first;
            ids.AddRange(await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var engine = sp.GetRequiredService<IWorkflowEngine>();
                var created = new List<Guid>();
                for (var n = from; n < Math.Min(count, from + SeedChunk); n++)
                {
                    var applicant = new WorkflowActor($"bulk-{namePrefix}-{n}", $"{namePrefix}{n:D3}", [Roles.Applicant], unitId);
                    var application = TitleApplication.Start(Guid.NewGuid(), campaignId, applicant.Id, applicant.Name, unitId, TitleLevel.Intermediate, Clock.GetUtcNow());
                    db.TitleApplications.Add(application);
                    var instance = await engine.StartAsync(
                        ApplicationWorkflow.DefinitionId,
                        new WorkflowSubject(ApplicationWorkflow.SubjectType, application.Id, $"{applicant.Name} · 政工师", campaignId, unitId, applicant.Id, nameof(TitleLevel.Intermediate)),
                        applicant);
                    created.Add(instance.Id);
                }

                await db.SaveChangesAsync();
                return created;
            }));
        }

        return ids;
    }

    protected static BulkSelection Filter(string? state = null, int? year = null) =>
        new(new InstanceFilter(year, ApplicationWorkflow.DefinitionId, state));

    protected static BulkSelection Ticked(params Guid[] ids) =>
        new(new InstanceFilter(DefinitionId: ApplicationWorkflow.DefinitionId), ids);

    protected async Task<Guid> CreateBatchAsync(BulkSelection selection, string? trigger, string? reason, DateTimeOffset? until, string userName = "office")
    {
        var actor = await ActorAsync(userName);
        return await CreateBatchAsync(selection, trigger, reason, until, actor);
    }

    protected Task<Guid> CreateBatchAsync(BulkSelection selection, string? trigger, string? reason, DateTimeOffset? until, WorkflowActor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<CreateBulkOperation, Guid>>()
            .HandleAsync(new CreateBulkOperation(selection, trigger, reason, until, actor)));

    protected async Task<BulkOperationPreview> PrepareAsync(BulkSelection selection, string userName = "office")
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<PrepareBulkOperation, BulkOperationPreview>>()
            .HandleAsync(new PrepareBulkOperation(selection, actor)));
    }

    /// <summary>Runs the Hangfire job's method directly, to its end, as a worker would.</summary>
    protected Task RunJobAsync(Guid batchId) =>
        InScopeAsync(sp => sp.GetRequiredService<BulkOperationJob>().RunAsync(batchId, CancellationToken.None));

    protected Task<BulkOperation> BatchAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().BulkOperations.AsNoTracking().SingleAsync(o => o.Id == id));

    protected Task<List<BulkOperationItem>> ItemsAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().BulkOperationItems.AsNoTracking()
            .Where(i => i.OperationId == id).OrderBy(i => i.Sequence).ToListAsync());

    protected Task<int> BatchCountAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().BulkOperations.CountAsync());

    protected Task<long> LastJournalIdAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.MaxAsync(j => j.Id));

    protected Task<List<WorkflowJournalEntry>> JournalAfterAsync(long id) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowJournal.AsNoTracking()
            .Where(j => j.Id > id).OrderBy(j => j.Id).ToListAsync());
}
