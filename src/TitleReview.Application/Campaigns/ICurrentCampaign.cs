using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Campaigns;

/// <summary>
/// Which campaign "now" is about, worked out in one place: pages and use cases ask here
/// rather than each reading the campaigns and comparing windows in its own way.
/// </summary>
/// <remarks>The campaigns come untracked, with their stages: few exist (one a year), so windows are compared in memory, in the domain's own terms.</remarks>
public interface ICurrentCampaign
{
    /// <summary>Every campaign's year, the latest first: the first is the year a page about no particular stage shows.</summary>
    Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The campaign a stage is about now: the one whose window is open; else the latest whose
    /// window is still to come; else the latest campaign. Null when there is no campaign.
    /// </summary>
    Task<Campaign?> ForStageAsync(string stageKey, CancellationToken cancellationToken = default);

    /// <summary>The campaign of a year; null when there is none.</summary>
    Task<Campaign?> OfYearAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>The campaigns whose window of the stage is open now, the latest first.</summary>
    Task<IReadOnlyList<Campaign>> OpenAsync(string stageKey, CancellationToken cancellationToken = default);

    /// <summary>The campaigns whose window of the stage has not closed yet (open or still to come), the soonest to close first.</summary>
    Task<IReadOnlyList<Campaign>> NotClosedAsync(string stageKey, CancellationToken cancellationToken = default);
}

/// <summary>One stage's window of a campaign, as a page shows it.</summary>
public sealed record CampaignWindow(Guid CampaignId, int Year, string Name, DateTimeOffset OpensAt, DateTimeOffset LastSecond, WindowStatus Status)
{
    public bool IsOpen => Status == WindowStatus.Open;

    public static CampaignWindow Of(Campaign campaign, string stageKey, DateTimeOffset now)
    {
        var stage = campaign.Stage(stageKey);
        return new CampaignWindow(campaign.Id, campaign.Year, campaign.Name, stage.OpensAt, stage.LastSecond, stage.StatusAt(now));
    }
}
