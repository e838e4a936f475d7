namespace TitleReview.Domain.Campaigns;

/// <summary>
/// The keys of the stages C# use cases act on. Which stages a campaign has, their order and
/// names, come from the campaign definition (<c>workflows/definitions/campaign.v*.json</c>),
/// never from here; these keys are used in timelines, guards (<c>WindowOpen:filing</c>) and timers.
/// </summary>
public static class StageKeys
{
    public const string AuditorRegistration = "auditorRegistration";
    public const string AuditorConfirmation = "auditorConfirmation";
    public const string Filing = "filing";
    public const string UnitPublicity = "unitPublicity";
    public const string PaperDelivery = "paperDelivery";
    public const string Payment = "payment";
    public const string PreliminaryReview = "preliminaryReview";
    public const string PublicityFeedback = "publicityFeedback";
    public const string SpotCheck = "spotCheck";
    public const string CommitteeReferral = "committeeReferral";
    public const string Defense = "defense";
    public const string Results = "results";
}
