using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.ListApplications;

/// <summary>The applications the actor may see: an applicant's own, an auditor's unit's, all for the office.</summary>
public sealed record ListApplications(WorkflowActor Actor, Guid? CampaignId = null);

public sealed record ApplicationListItem(
    Guid ApplicationId,
    Guid InstanceId,
    int Year,
    string CampaignName,
    string ApplicantName,
    TitleLevel Level,
    string State,
    string StateName,
    bool Finished,
    DateTimeOffset StateEnteredAt,
    Guid ConcurrencyToken,
    string? LatestReason,
    DateOnly? PublicityStart = null,
    DateOnly? PublicityEnd = null,
    PublicityOutcome? PublicityOutcome = null)
{
    /// <summary>What the case's state means (<see cref="StateCapabilities"/>), as its definition declares.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    public Guid CampaignId { get; init; }

    /// <summary>The committee's result (通过 / 未通过) once its publicity has started; set for the applicant's and the unit's lists.</summary>
    public string? CommitteeResult { get; init; }

    public bool Means(string capability) => Capabilities.Contains(capability);
}

internal sealed class ListApplicationsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>
{
    public async Task<IReadOnlyList<ApplicationListItem>> HandleAsync(ListApplications request, CancellationToken cancellationToken = default)
    {
        var instances = WorkflowAccess.Visible(db.WorkflowInstances.AsNoTracking(), request.Actor)
            .Where(i => i.SubjectType == ApplicationWorkflow.SubjectType);
        if (request.CampaignId is { } campaignId)
        {
            instances = instances.Where(i => i.CampaignId == campaignId);
        }

        var rows = await (
                from instance in instances
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                orderby campaign.Year descending, application.ApplicantName
                select new
                {
                    instance,
                    application,
                    campaign.Year,
                    campaign.Name,
                    LatestReason = db.WorkflowJournal
                        .Where(j => j.InstanceId == instance.Id && j.Reason != null && j.Actor != WorkflowActor.ClockId)
                        .OrderByDescending(j => j.Id)
                        .Select(j => j.Reason)
                        .FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new ApplicationListItem(
                r.application.Id,
                r.instance.Id,
                r.Year,
                r.Name,
                r.application.ApplicantName,
                r.application.Level,
                r.instance.State,
                definitions.Get(r.instance.DefinitionId, r.instance.DefinitionVersion).StateDisplayName(r.instance.State),
                r.instance.IsFinished,
                r.instance.StateEnteredAt,
                r.instance.ConcurrencyToken,
                r.LatestReason,
                r.application.PublicityStart,
                r.application.PublicityEnd,
                r.application.PublicityOutcome)
            {
                Capabilities = definitions.Get(r.instance.DefinitionId, r.instance.DefinitionVersion).State(r.instance.State).Capabilities,
                CampaignId = r.application.CampaignId,
            })
            .ToList();
        return await WithoutUnpublishedResultsAsync(items, request.Actor, cancellationToken);
    }

    /// <summary>
    /// For the applicant and the unit, a decided case reads as awaiting the results, without the
    /// tally's reason, until the results publicity starts; from then on it carries its result.
    /// </summary>
    private async Task<IReadOnlyList<ApplicationListItem>> WithoutUnpublishedResultsAsync(List<ApplicationListItem> items, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var decided = items.Where(i => i.Means(StateCapabilities.CommitteeDecided)).Select(i => i.CampaignId).Distinct().ToList();
        if (decided.Count == 0 || ResultsSecrecy.SeesDecisions(actor))
        {
            return items;
        }

        var published = await ResultsSecrecy.PublicInAsync(db, decided, clock.GetUtcNow(), cancellationToken);
        return items
            .Select(i => !i.Means(StateCapabilities.CommitteeDecided) ? i
                : published.Contains(i.CampaignId) ? i with { CommitteeResult = i.Means(StateCapabilities.CommitteePassed) ? "通过" : "未通过" }
                : i with { StateName = ResultsSecrecy.AwaitingResults, LatestReason = null })
            .ToList();
    }
}
