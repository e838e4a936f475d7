using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Reminders;

/// <summary>Who a reminder goes to: the applicant who owns the case, or the auditors of the case's unit.</summary>
public enum ReminderAudience
{
    Applicant,
    UnitAuditors,
}

/// <summary>
/// One kind of deadline reminder: the window whose close it announces, whose cases it counts (a
/// workflow subject and what the case's state means: any of <see cref="AnyOf"/> and all of
/// <see cref="AllOf"/>), whom it tells, what it asks of them and the page where they do it.
/// </summary>
/// <param name="Matter">What to do, in Chinese; <c>{0}</c> stands for the number of the unit's cases.</param>
public sealed record ReminderTopic(
    string StageKey,
    ReminderAudience Audience,
    string SubjectType,
    IReadOnlyList<string> AnyOf,
    IReadOnlyList<string> AllOf,
    string Matter,
    string Link)
{
    /// <summary>The states, of every version of the subject's definitions, whose cases this topic counts.</summary>
    public string[] States(IWorkflowDefinitions definitions) =>
        definitions.All
            .Where(d => d.SubjectType == SubjectType)
            .SelectMany(d => d.States.Select(s => s.Name).Where(state => AnyOf.Any(c => d.Has(state, c)) && AllOf.All(c => d.Has(state, c))))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

/// <summary>
/// The reminders the system sends (issue 18): to applicants whose dossier is still a draft or was
/// returned and to auditors with dossiers waiting for their review, before filing closes; to units
/// that have not submitted, delivered paper, paid or reported back, before each of those windows closes.
/// </summary>
public static class ReminderTopics
{
    public static readonly IReadOnlyList<ReminderTopic> All =
    [
        new(StageKeys.Filing, ReminderAudience.Applicant, WorkflowSubjectTypes.Application, [StateCapabilities.ApplicantMayEdit], [],
            "您的申报材料尚未提交（填报中或已退回修改），请在截止前完成填报并提交单位审核；截止后系统自动关闭，不再受理。", "/Applicant"),
        new(StageKeys.Filing, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.Application, [StateCapabilities.AwaitingUnitReview], [],
            "本单位有 {0} 份申报材料等待您审核，请在截止前完成审核（核验后通过或退回修改）。", "/Auditor"),
        new(StageKeys.UnitPublicity, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.Application, [StateCapabilities.PublicityMayStart, StateCapabilities.PublicityRunning, StateCapabilities.ReadyForOffice], [],
            "本单位有 {0} 份审核通过的申报材料尚未报送省政工职评办（待公示、公示中或待报送），请在截止前完成公示并报送。", "/Auditor/Publicity"),
        new(StageKeys.PaperDelivery, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.Application, [StateCapabilities.AwaitingPaper, StateCapabilities.PaperIncomplete], [],
            "本单位有 {0} 份已报送的申报材料尚未送达纸质材料（或纸质材料不全），请在截止前送达，逾期不再接收。", "/Auditor/Instructions"),
        new(StageKeys.Payment, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.UnitPayment, [StateCapabilities.PaymentOutstanding], [StateCapabilities.PaymentMayBeRecorded],
            "本单位的评审费尚未缴清，请在截止前转账并在系统中登记缴费凭证。", "/Auditor/Payment"),
        new(StageKeys.PublicityFeedback, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.Application, [StateCapabilities.AwaitingFeedback], [],
            "本单位有 {0} 名申报人的初审结果公示情况尚未反馈，请在截止前填写公示结果反馈。", "/Auditor/Feedback"),
        new(StageKeys.Results, ReminderAudience.UnitAuditors, WorkflowSubjectTypes.UnitResultsReport, [StateCapabilities.ResultsReportAwaited], [],
            "本单位尚未反馈评审结果在单位内部的公示情况，请在截止前填写评审结果公示反馈。", "/Auditor/Results"),
    ];
}
