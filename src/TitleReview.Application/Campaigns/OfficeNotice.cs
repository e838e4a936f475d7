using TitleReview.Domain.Campaigns;

namespace TitleReview.Application.Campaigns;

/// <summary>
/// What a unit is told about bringing its paper dossiers and paying the fee for one campaign, and
/// when: the delivery details from the moment the unit has an applicant submitted to the office
/// until the delivery window closes, the payment details until the payment window closes, and the
/// contacts always. The windows are the campaign's own (stages <see cref="StageKeys.PaperDelivery"/>
/// and <see cref="StageKeys.Payment"/>).
/// </summary>
/// <param name="Details">Null while the office has not published them.</param>
/// <param name="UnitHasSubmitted">Whether the unit has at least one applicant submitted to the office in this campaign.</param>
public sealed record OfficeNotice(int Year, string CampaignName, OfficeDetails? Details, CampaignWindow Delivery, CampaignWindow Payment, bool UnitHasSubmitted)
{
    public bool IsPublished => Details is not null;

    public bool ShowsDelivery => IsPublished && UnitHasSubmitted && Delivery.Status != WindowStatus.Closed;

    public bool ShowsPayment => IsPublished && UnitHasSubmitted && Payment.Status != WindowStatus.Closed;

    public static OfficeNotice Of(Campaign campaign, bool unitHasSubmitted, DateTimeOffset now) => new(
        campaign.Year,
        campaign.Name,
        campaign.OfficeDetails,
        CampaignWindow.Of(campaign, StageKeys.PaperDelivery, now),
        CampaignWindow.Of(campaign, StageKeys.Payment, now),
        unitHasSubmitted);

    /// <summary>
    /// The campaign units deliver and pay for now: the one whose payment window, the later of the
    /// two, closes soonest without having closed; else the one <see cref="ICurrentCampaign.ForStageAsync"/> names.
    /// </summary>
    public static async Task<Campaign?> CampaignAsync(ICurrentCampaign current, int? year, CancellationToken cancellationToken)
    {
        if (year is { } y)
        {
            return await current.OfYearAsync(y, cancellationToken);
        }

        return (await current.NotClosedAsync(StageKeys.Payment, cancellationToken)).FirstOrDefault()
            ?? await current.ForStageAsync(StageKeys.Payment, cancellationToken);
    }
}
