using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Intake;

/// <summary>
/// The office's per-unit exception after the paper-delivery window closed: the unit may still
/// deliver (and complete incomplete envelopes) until <see cref="Until"/>, for a stated reason.
/// </summary>
public sealed class PaperDeliveryException : Entity
{
    public const int MaxReasonLength = 500;

    private PaperDeliveryException()
    {
        Reason = string.Empty;
        GrantedBy = string.Empty;
        GrantedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public string GrantedBy { get; private set; }

    public string GrantedByName { get; private set; }

    public bool IsActiveAt(DateTimeOffset instant) => instant < Until;

    public static PaperDeliveryException Grant(Guid campaignId, Guid unitId, string reason, DateTimeOffset until, DeliveryWindow window, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new ExceptionOnlyAfterTheWindowClosedRule(window, now));
        CheckRule(new ExceptionEndsAfterNowRule(until, now));
        return new PaperDeliveryException
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            UnitId = unitId,
            Reason = reason.Trim(),
            Until = until,
            GrantedAt = now,
            GrantedBy = by,
            GrantedByName = byName,
        };
    }
}
