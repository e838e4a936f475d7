using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

public sealed record ListInstances(
    int? Year = null,
    string? DefinitionId = null,
    string? State = null,
    WorkflowStatus? Status = null,
    Guid? UnitId = null,
    string? Level = null,
    bool? HasIncidents = null,
    int? WaitingLongerThanDays = null,
    int? Page = null,
    int? PageSize = null);

public sealed record InstanceListItem(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string SubjectType,
    string SubjectTitle,
    string State,
    string StateName,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int IncidentCount,
    DateTimeOffset StateEnteredAt,
    DateTimeOffset UpdatedAt,
    string? UnitName,
    int? Year);

internal sealed class ListInstancesHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<ListInstances, PagedList<InstanceListItem>>
{
    public async Task<PagedList<InstanceListItem>> HandleAsync(ListInstances request, CancellationToken cancellationToken = default)
    {
        var filter = new InstanceFilter(request.Year, request.DefinitionId, request.State, request.Status, request.UnitId, request.Level, request.HasIncidents, request.WaitingLongerThanDays);
        InstanceFilters.Validate(filter);
        var (page, pageSize) = Paging.Normalize(request.Page, request.PageSize);
        var query = InstanceFilters.ApplyExceptYear(db.WorkflowInstances.AsNoTracking(), filter, db, clock.GetUtcNow());
        var skip = (page - 1) * pageSize;

        int total;
        if (request.Year is { } asked)
        {
            var year = await MonitorYearParts.ResolveAsync(db, asked, cancellationToken);
            total = await year.Select(query, i => i.Id).CountAsync(cancellationToken);

            // Each part walks its own index in the list's order and stops after the rows up to
            // this page; the page is cut from the two (ADR 0027).
            var upToThisPage = skip + pageSize;
            query = Newest(year.OfCampaign(query)).Take(upToThisPage)
                .Concat(Newest(year.WithoutCampaign(query)).Take(upToThisPage));
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
        }

        var rows = await (
                from instance in query
                join unit in db.Units.AsNoTracking() on instance.UnitId equals unit.Id into units
                from unit in units.DefaultIfEmpty()
                join campaign in db.Campaigns.AsNoTracking() on instance.CampaignId equals campaign.Id into campaigns
                from campaign in campaigns.DefaultIfEmpty()
                orderby instance.UpdatedAt descending, instance.Id
                select new { instance, UnitName = unit == null ? null : unit.Name, Year = campaign == null ? (int?)null : campaign.Year })
            .Skip(skip)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new InstanceListItem(
                r.instance.Id,
                r.instance.DefinitionId,
                r.instance.DefinitionVersion,
                r.instance.SubjectType,
                r.instance.SubjectTitle,
                r.instance.State,
                definitions.Get(r.instance.DefinitionId, r.instance.DefinitionVersion).StateDisplayName(r.instance.State),
                r.instance.Status,
                r.instance.SubStatus,
                r.instance.IncidentCount,
                r.instance.StateEnteredAt,
                r.instance.UpdatedAt,
                r.UnitName,
                r.Year))
            .ToList();
        return new PagedList<InstanceListItem>(items, page, pageSize, total);
    }

    /// <summary>The list's order, which the index on campaign, definition and update time holds.</summary>
    private static IOrderedQueryable<WorkflowInstance> Newest(IQueryable<WorkflowInstance> instances) =>
        instances.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id);
}
