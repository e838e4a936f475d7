namespace TitleReview.Domain.Applications.Committee.ExpertReview;

public enum DossierOpeningKind
{
    /// <summary>The dossier page (all its sections).</summary>
    Dossier = 1,

    /// <summary>One scan of the dossier, inline or downloaded.</summary>
    Scan = 2,
}

public static class DossierOpeningKinds
{
    public static string DisplayName(DossierOpeningKind kind) => kind switch
    {
        DossierOpeningKind.Dossier => "查阅申报材料",
        DossierOpeningKind.Scan => "查看扫描件",
        _ => string.Empty,
    };
}

/// <summary>
/// An expert opened a candidate's dossier or one of its scans: the inspector's record of who read
/// what and when (issue 16, 3). Written once, never changed.
/// </summary>
public sealed class DossierOpening
{
    private DossierOpening()
    {
    }

    public long Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DossierOpeningKind Kind { get; private set; }

    /// <summary>The scan opened; null for the dossier page.</summary>
    public Guid? AttachmentId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public static DossierOpening OfDossier(Guid expertId, Guid campaignId, Guid applicationId, DateTimeOffset now) =>
        new() { ExpertId = expertId, CampaignId = campaignId, ApplicationId = applicationId, Kind = DossierOpeningKind.Dossier, OpenedAt = now };

    public static DossierOpening OfScan(Guid expertId, Guid campaignId, Guid applicationId, Guid attachmentId, DateTimeOffset now) =>
        new() { ExpertId = expertId, CampaignId = campaignId, ApplicationId = applicationId, Kind = DossierOpeningKind.Scan, AttachmentId = attachmentId, OpenedAt = now };
}
