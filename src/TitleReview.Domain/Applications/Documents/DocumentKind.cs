namespace TitleReview.Domain.Applications.Documents;

/// <summary>The papers the notice accepts only as the system generates them.</summary>
public enum DocumentKind
{
    /// <summary>单位报送专业技术职务任职资格诚信承诺书.</summary>
    UnitPledge = 1,

    /// <summary>个人申报专业技术职务任职资格诚信承诺书.</summary>
    PersonalPledge = 2,

    /// <summary>专业技术职务任职资格评审表.</summary>
    ReviewForm = 3,

    /// <summary>公示结果.</summary>
    PublicityResult = 4,

    /// <summary>档案袋信息.</summary>
    EnvelopeLabel = 5,
}

public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKind> All = Enum.GetValues<DocumentKind>();

    public static string DisplayName(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitPledge => "单位报送专业技术职务任职资格诚信承诺书",
        DocumentKind.PersonalPledge => "个人申报专业技术职务任职资格诚信承诺书",
        DocumentKind.ReviewForm => "专业技术职务任职资格评审表",
        DocumentKind.PublicityResult => "单位公示结果",
        _ => "档案袋信息",
    };

    public static string Code(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitPledge => "DW",
        DocumentKind.PersonalPledge => "GR",
        DocumentKind.ReviewForm => "PS",
        DocumentKind.PublicityResult => "GS",
        _ => "DA",
    };

    public static string Slug(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitPledge => "unit-pledge",
        DocumentKind.PersonalPledge => "personal-pledge",
        DocumentKind.ReviewForm => "review-form",
        DocumentKind.PublicityResult => "publicity-result",
        _ => "envelope",
    };

    public static DocumentKind? FromSlug(string? slug) => All.Cast<DocumentKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);
}
