using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Campaigns.GetTimeline;

public sealed record GetTimeline(int Year);

public sealed record TimelineDto(
    Guid CampaignId,
    int Year,
    string Name,
    DateOnly TenureCutoff,
    Guid ConcurrencyToken,
    string? WorkflowState,
    Guid? WorkflowInstanceId,
    IReadOnlyList<StageDto> Stages,
    IReadOnlyList<Domain.Applications.LevelRule> Rules);

/// <param name="Within">The stage whose window this one lies inside, if any.</param>
public sealed record StageDto(
    string Key,
    string Name,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset LastSecond,
    WindowStatus Status,
    string? Note,
    string? Within = null)
{
    public static StageDto From(CampaignStage stage, DateTimeOffset now) =>
        new(stage.Key, stage.Name, stage.OpensAt, stage.ClosesAt, stage.LastSecond, stage.StatusAt(now), stage.Note, stage.Within);
}

internal sealed class GetTimelineHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<GetTimeline, TimelineDto>
{
    public async Task<TimelineDto> HandleAsync(GetTimeline request, CancellationToken cancellationToken = default)
    {
        var campaign = await CampaignWorkflow.LoadAsync(db, request.Year, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id)
            .Select(i => new { i.Id, i.State })
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new TimelineDto(
            campaign.Id,
            campaign.Year,
            campaign.Name,
            campaign.TenureCutoff,
            campaign.ConcurrencyToken,
            instance?.State,
            instance?.Id,
            campaign.Stages.Select(s => StageDto.From(s, now)).ToList(),
            Enum.GetValues<Domain.Applications.TitleLevel>().Select(campaign.RuleFor).ToList());
    }
}

public static class WindowStatusText
{
    public static string Describe(WindowStatus status) => status switch
    {
        WindowStatus.Upcoming => "未开始",
        WindowStatus.Open => "进行中",
        _ => "已截止",
    };
}
