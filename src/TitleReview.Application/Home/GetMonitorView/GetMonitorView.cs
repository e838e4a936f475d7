using TitleReview.Application.Applications;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Home.GetMonitorView;

/// <summary>
/// The monitor page: the year's timeline, the chosen definition's counts per state and one page
/// of the instances the filter finds. A year or definition not offered falls back to the first offered.
/// </summary>
public sealed record GetMonitorView(InstanceFilter Filter, int? Page, int PageSize);

/// <summary>A workflow the monitor offers, titled with what its cases are about.</summary>
public sealed record DefinitionChoice(string Id, string Title);

/// <param name="Year">The year shown: the one asked for if a campaign has it, else the latest; null when there is no campaign.</param>
/// <param name="DefinitionId">The definition shown: the one asked for if it exists, else the applications' (most of the office's work).</param>
public sealed record MonitorView(
    IReadOnlyList<int> Years,
    int? Year,
    IReadOnlyList<DefinitionChoice> Definitions,
    string? DefinitionId,
    IReadOnlyList<UnitCard> Units,
    TimelineDto? Timeline,
    StateCountsDto? Counts,
    PagedList<InstanceListItem> Instances);

internal sealed class GetMonitorViewHandler(
    ICurrentCampaign currentCampaign,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    IHandler<GetTimeline, TimelineDto> timeline,
    IHandler<GetStateCounts, StateCountsDto> counts,
    IHandler<ListInstances, PagedList<InstanceListItem>> list) : IHandler<GetMonitorView, MonitorView>
{
    public async Task<MonitorView> HandleAsync(GetMonitorView request, CancellationToken cancellationToken = default)
    {
        var years = await currentCampaign.YearsAsync(cancellationToken);
        if (years.Count == 0)
        {
            return new MonitorView(years, null, [], null, [], null, null, new PagedList<InstanceListItem>([], 1, request.PageSize, 0));
        }

        var filter = request.Filter;
        var year = filter.Year is { } asked && years.Contains(asked) ? asked : years[0];
        var choices = definitions.All
            .GroupBy(d => d.DefinitionId)
            .Select(g => new DefinitionChoice(g.Key, TitleOf(g.MaxBy(d => d.Version)!)))
            .OrderBy(d => d.Id == ApplicationWorkflow.DefinitionId ? 0 : 1)
            .ToList();
        var definitionId = choices.Any(d => d.Id == filter.DefinitionId) ? filter.DefinitionId! : choices[0].Id;

        return new MonitorView(
            years,
            year,
            choices,
            definitionId,
            await units.ListAsync(cancellationToken),
            await timeline.HandleAsync(new GetTimeline(year), cancellationToken),
            await counts.HandleAsync(new GetStateCounts(year, definitionId), cancellationToken),
            await list.HandleAsync(
                new ListInstances(year, definitionId, filter.State, filter.Status, filter.UnitId, filter.Level, filter.HasIncidents, filter.WaitingLongerThanDays, request.Page, request.PageSize),
                cancellationToken));
    }

    /// <summary>The definition's title, with what its cases are about when the title does not say it.</summary>
    private static string TitleOf(WorkflowDefinition definition)
    {
        var subject = WorkflowSubjectTypes.DisplayName(definition.SubjectType);
        return definition.Title.Contains(subject, StringComparison.Ordinal) ? definition.Title : $"{definition.Title}（{subject}）";
    }
}
