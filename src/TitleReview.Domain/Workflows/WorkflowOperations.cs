namespace TitleReview.Domain.Workflows;

/// <summary>
/// Use cases that own a transition. A transition marked <c>"operation": "ApproveRegistration"</c>
/// in its definition is fired only by that use case (by operation, never by trigger name): the
/// monitor's generic fire, the API and bulk actions refuse it, because the use case does more
/// than move the state (creates an account, records per-section reasons, …).
/// </summary>
public static class WorkflowOperations
{
    public const string SubmitDossier = "SubmitDossier";
    public const string ReturnDossier = "ReturnDossier";
    public const string ApproveDossier = "ApproveDossier";
    public const string StartUnitPublicity = "StartUnitPublicity";
    public const string RecordNoObjection = "RecordNoObjection";
    public const string RecordObjection = "RecordObjection";
    public const string SubmitToOffice = "SubmitToOffice";
    public const string CheckInEnvelope = "CheckInEnvelope";
    public const string CheckInIncompleteEnvelope = "CheckInIncompleteEnvelope";
    public const string GrantPaperException = "GrantPaperException";
    public const string PassPreliminary = "PassPreliminary";
    public const string FailPreliminary = "FailPreliminary";
    public const string ChangePreliminaryDecision = "ChangePreliminaryDecision";
    public const string PublishPreliminaryResults = "PublishPreliminaryResults";
    public const string SubmitSupplement = "SubmitSupplement";
    public const string PassOnSupplement = "PassOnSupplement";
    public const string KeepFailedOnSupplement = "KeepFailedOnSupplement";
    public const string SubmitFeedback = "SubmitFeedback";
    public const string SubmitFeedbackWithObjection = "SubmitFeedbackWithObjection";
    public const string DrawSpotCheck = "DrawSpotCheck";
    public const string PassSpotCheck = "PassSpotCheck";
    public const string RecordSpotCheckMismatch = "RecordSpotCheckMismatch";
    public const string RemoveFromCommitteeList = "RemoveFromCommitteeList";
    public const string KeepOnCommitteeList = "KeepOnCommitteeList";
    public const string RevertCommitteeListDecision = "RevertCommitteeListDecision";
    public const string PublishCommitteeList = "PublishCommitteeList";
    public const string PublishDefenseSchedule = "PublishDefenseSchedule";
    public const string RecordDefenseAttended = "RecordDefenseAttended";
    public const string RecordDefenseAbsent = "RecordDefenseAbsent";
    public const string CorrectDefenseAttendance = "CorrectDefenseAttendance";
    public const string PassByCommitteeVote = "PassByCommitteeVote";
    public const string FailByCommitteeVote = "FailByCommitteeVote";
    public const string ConfirmRevote = "ConfirmRevote";
    public const string VetoApplication = "VetoApplication";
    public const string ClearIntegrityCase = "ClearIntegrityCase";
    public const string ApproveRegistration = "ApproveRegistration";
    public const string RejectRegistration = "RejectRegistration";
    public const string ConfirmRegistration = "ConfirmRegistration";
    public const string RecordTransfer = "RecordTransfer";
    public const string ReconcilePaid = "ReconcilePaid";
    public const string ReconcileShort = "ReconcileShort";
    public const string ReconcileOverpaid = "ReconcileOverpaid";
    public const string SubmitResultsReport = "SubmitResultsReport";

    /// <summary>Each operation and where a person does it, for the refusal of a generic fire.</summary>
    public static readonly IReadOnlyDictionary<string, string> Places = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SubmitDossier] = "申报人的申报材料页面",
        [ReturnDossier] = "审核人的材料审核页面（须逐项填写退回原因）",
        [ApproveDossier] = "审核人的材料审核页面",
        [StartUnitPublicity] = "审核人的单位公示页面",
        [RecordNoObjection] = "审核人的单位公示页面",
        [RecordObjection] = "审核人的单位公示页面",
        [SubmitToOffice] = "审核人的单位公示页面",
        [CheckInEnvelope] = "省政工职评办的纸质材料接收页面（逐项勾选清单）",
        [CheckInIncompleteEnvelope] = "省政工职评办的纸质材料接收页面（逐项勾选清单）",
        [GrantPaperException] = "省政工职评办的纸质材料接收页面（单位特例）",
        [PassPreliminary] = "省政工职评办的初审工作台",
        [FailPreliminary] = "省政工职评办的初审工作台（须选择不通过原因）",
        [ChangePreliminaryDecision] = "省政工职评办的初审工作台（公示前改变结论，须填写原因）",
        [PublishPreliminaryResults] = "省政工职评办的初审结果公示页面",
        [SubmitSupplement] = "申报人的补充材料页面（公示期内，初审未通过人员）",
        [PassOnSupplement] = "省政工职评办的补充材料审核页面（须填写原因）",
        [KeepFailedOnSupplement] = "省政工职评办的补充材料审核页面（须填写原因）",
        [SubmitFeedback] = "审核人的公示结果反馈页面",
        [SubmitFeedbackWithObjection] = "审核人的公示结果反馈页面（须填写异议内容及处理情况）",
        [DrawSpotCheck] = "省政工职评办的抽查复核页面（按已公布承诺抽签）",
        [PassSpotCheck] = "省政工职评办的原件核对页面（逐项核对后完成）",
        [RecordSpotCheckMismatch] = "省政工职评办的原件核对页面（记录不一致情况）",
        [RemoveFromCommitteeList] = "省政工职评办的送评名单页面（须填写原因）",
        [KeepOnCommitteeList] = "省政工职评办的送评名单页面（须填写原因）",
        [RevertCommitteeListDecision] = "省政工职评办的送评名单页面（须填写原因）",
        [PublishCommitteeList] = "省政工职评办的送评名单页面（公布名单）",
        [PublishDefenseSchedule] = "省政工职评办的答辩安排页面（公布答辩安排）",
        [RecordDefenseAttended] = "省政工职评办的答辩记录页面",
        [RecordDefenseAbsent] = "省政工职评办的答辩记录页面（须填写缺席情况）",
        [CorrectDefenseAttendance] = "省政工职评办的答辩记录页面（更正出席记录，须填写原因）",
        [PassByCommitteeVote] = "省政工职评办的评审表决页面（结束表决）",
        [FailByCommitteeVote] = "省政工职评办的评审表决页面（结束表决）",
        [ConfirmRevote] = "主任委员的评审表决页面（确认重新表决）",
        [VetoApplication] = "省政工职评办的诚信案件页面（处理决定：一票否决，须填写理由）",
        [ClearIntegrityCase] = "省政工职评办的诚信案件页面（处理决定：不予认定，须填写理由）",
        [ApproveRegistration] = "单位报送审核页面（同时创建审核人账号）",
        [RejectRegistration] = "单位报送审核页面",
        [ConfirmRegistration] = "审核人首页的“核准本单位信息”",
        [RecordTransfer] = "审核人的缴纳评审费页面（须上传转账凭证）",
        [ReconcilePaid] = "办公室的评审费对账页面（逐个对账或导入银行流水）",
        [ReconcileShort] = "办公室的评审费对账页面（须注明少缴情况）",
        [ReconcileOverpaid] = "办公室的评审费对账页面（须注明多缴部分的处理方式）",
        [SubmitResultsReport] = "审核人的评审结果反馈页面",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Places.Keys;

    public static bool IsKnown(string operation) => Places.ContainsKey(operation);
}
