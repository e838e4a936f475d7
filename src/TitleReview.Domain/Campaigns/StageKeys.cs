namespace TitleReview.Domain.Campaigns;

/// <summary>
/// The yearly campaign's stages, in calendar order, with the notice's names. Keys are used in
/// timelines (<c>workflows/timelines/*.json</c>), guards (<c>WindowOpen:filing</c>) and timers.
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
    public const string SpotCheck = "spotCheck";
    public const string CommitteeReferral = "committeeReferral";
    public const string Defense = "defense";
    public const string Results = "results";
    public const string Certificates = "certificates";

    public static readonly IReadOnlyList<string> InOrder =
    [
        AuditorRegistration,
        AuditorConfirmation,
        Filing,
        UnitPublicity,
        PaperDelivery,
        Payment,
        PreliminaryReview,
        SpotCheck,
        CommitteeReferral,
        Defense,
        Results,
        Certificates,
    ];

    public static bool IsKnown(string key) => InOrder.Contains(key);

    public static string DefaultName(string key) => key switch
    {
        AuditorRegistration => "报送审核人信息",
        AuditorConfirmation => "核准审核人信息",
        Filing => "申报人填报与单位审核",
        UnitPublicity => "单位公示及报送电子材料",
        PaperDelivery => "报送纸质申报材料",
        Payment => "缴纳评审费",
        PreliminaryReview => "初审及公示",
        SpotCheck => "抽查复核",
        CommitteeReferral => "公示送评人员名单",
        Defense => "答辩及评审",
        Results => "公布评审结果",
        Certificates => "证件办理",
        _ => key,
    };
}
