using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee.Results;

/// <summary>
/// The committee's results as the vote leaves them. The vote's own record (helper D's
/// <see cref="ICommitteeResults"/>) is replaced here by <see cref="TestCommitteeResults"/>, which the
/// tests fill, and the cases are put where closing a level's session leaves them (Passed / Failed).
/// </summary>
public abstract class ResultsTestBase : CommitteeTestBase
{
    protected TestCommitteeResults Results { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ICommitteeResults>(Results);

    /// <summary>Files a case, puts it on the list, then closes its level's vote with the given result.</summary>
    protected async Task<Guid> DecidedAsync(string applicant, string auditor, TitleLevel level, bool passed)
    {
        var applicationId = await OnCommitteeListAsync(applicant, auditor, level);
        await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().WorkflowInstances
            .Where(i => i.SubjectId == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, passed ? "CommitteePassed" : "CommitteeFailed")));
        Results.Lock(CampaignId, applicationId, passed, Clock.GetUtcNow());
        return applicationId;
    }

    protected async Task<CommitteeResultsPublished> PublishAsync(DateOnly firstDay, int? workingDays = null) =>
        await SendAsync<PublishCommitteeResults, CommitteeResultsPublished>(new PublishCommitteeResults(2023, firstDay, workingDays, null, await ActorAsync("office")));

    protected async Task<Guid> ReportAsync(string auditor, DateOnly from, DateOnly to, params ObjectionInput[] objections) =>
        await SendAsync<SubmitResultsReport, Guid>(new SubmitResultsReport(2023, from, to, "本单位公示栏", objections, await ActorAsync(auditor)));

    protected Task<TResult> SendAsync<TCommand, TResult>(TCommand command) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command));

    protected Task<CommitteeResultsView> OfficeViewAsync() => InScopeAsync(async sp =>
        await sp.GetRequiredService<IHandler<GetCommitteeResults, CommitteeResultsView>>().HandleAsync(new GetCommitteeResults(2023, await ActorAsync("office"))));

    /// <summary>Each unit's report-back instance, by unit name, with what its state means.</summary>
    protected Task<Dictionary<Guid, (string State, bool Awaited, bool Reported, bool Missing)>> ReportStatesAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
        var rows = await (
                from report in db.UnitResultsReports.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on report.Id equals instance.SubjectId
                select new { report.UnitId, Instance = instance })
            .ToListAsync();
        return rows.ToDictionary(r => r.UnitId, r => (
            r.Instance.State,
            definitions.Has(r.Instance, Domain.Workflows.StateCapabilities.ResultsReportAwaited),
            definitions.Has(r.Instance, Domain.Workflows.StateCapabilities.ResultsReported),
            definitions.Has(r.Instance, Domain.Workflows.StateCapabilities.ResultsReportMissing)));
    });
}

/// <summary>The committee's locked results as the tests set them (the vote's tables are another part's).</summary>
public sealed class TestCommitteeResults : ICommitteeResults
{
    private readonly Dictionary<Guid, Dictionary<Guid, CommitteeResult>> _byCampaign = [];

    public void Lock(Guid campaignId, Guid applicationId, bool passed, DateTimeOffset at)
    {
        if (!_byCampaign.TryGetValue(campaignId, out var results))
        {
            results = [];
            _byCampaign[campaignId] = results;
        }

        results[applicationId] = new CommitteeResult(applicationId, passed, passed ? "同意 5 票，不同意 1 票，弃权 0 票" : "同意 3 票，不同意 3 票，弃权 0 票", at);
    }

    public Task<IReadOnlyDictionary<Guid, CommitteeResult>> LockedResultsAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, CommitteeResult>>(
            _byCampaign.TryGetValue(campaignId, out var results) ? new Dictionary<Guid, CommitteeResult>(results) : new Dictionary<Guid, CommitteeResult>());
}
