namespace TitleReview.Domain.Workflows;

/// <summary>
/// What a workflow instance may be about. A definition names one of these as its
/// <c>subjectType</c>; start-up refuses any other name (ADR 15), so a new kind of case is a
/// line here and a Chinese name for the monitor.
/// </summary>
public static class WorkflowSubjectTypes
{
    public const string Campaign = "Campaign";
    public const string Application = "Application";
    public const string UnitRegistration = "UnitRegistration";
    public const string UnitPayment = "UnitPayment";
    public const string PublicityBatch = "PublicityBatch";
    public const string CommitteeSession = "CommitteeSession";
    public const string SpotCheckDraw = "SpotCheckDraw";
    public const string Certificate = "Certificate";
    public const string IntegrityCase = "IntegrityCase";
    public const string UnitResultsReport = "UnitResultsReport";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Campaign,
        Application,
        UnitRegistration,
        UnitPayment,
        PublicityBatch,
        CommitteeSession,
        SpotCheckDraw,
        Certificate,
        IntegrityCase,
        UnitResultsReport,
    };

    public static bool IsKnown(string subjectType) => All.Contains(subjectType);

    /// <summary>The name staff read in the monitor.</summary>
    public static string DisplayName(string subjectType) => subjectType switch
    {
        Campaign => "年度评审工作",
        Application => "个人申报",
        UnitRegistration => "单位审核人报送",
        UnitPayment => "单位缴纳评审费",
        PublicityBatch => "公示批次",
        CommitteeSession => "评委会评审会议",
        SpotCheckDraw => "抽查复核抽取",
        Certificate => "任职资格证书",
        IntegrityCase => "诚信档案事项",
        UnitResultsReport => "单位评审结果公示反馈",
        _ => subjectType,
    };
}
