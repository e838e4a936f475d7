using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications;

/// <summary>
/// 申报: one applicant's application in one campaign. (Named TitleApplication so that it
/// never collides with the TitleReview.Application namespace.) Its progress is the state of
/// its workflow instance; its materials (the dossier) hang off it.
/// </summary>
public sealed class TitleApplication : Entity
{
    private TitleApplication()
    {
        ApplicantUserId = string.Empty;
        ApplicantName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string ApplicantUserId { get; private set; }

    public string ApplicantName { get; private set; }

    public Guid UnitId { get; private set; }

    public TitleLevel Level { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public static TitleApplication Start(Guid id, Guid campaignId, string applicantUserId, string applicantName, Guid unitId, TitleLevel level, DateTimeOffset now)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("请选择申报的专业职务等级。");
        }

        return new TitleApplication
        {
            Id = id,
            CampaignId = campaignId,
            ApplicantUserId = applicantUserId,
            ApplicantName = applicantName,
            UnitId = unitId,
            Level = level,
            CreatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }
}
