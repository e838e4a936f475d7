using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Intake;

/// <summary>
/// Only a unit delivers paper dossiers, for all its submitted applicants at once (the notice,
/// 二(三): 个人报送的材料不予受理); an individual applicant cannot open or be a delivery.
/// </summary>
public sealed class OnlyAUnitDeliversRule(Guid? unitId) : IBusinessRule
{
    public bool IsBroken() => unitId is not { } id || id == Guid.Empty;

    public string Message => "纸质材料须由单位统一报送，不接收个人报送。";
}

/// <summary>A delivery is opened only for a unit that submitted applications to the office in the campaign.</summary>
public sealed class DeliveryExpectsSubmittedApplicationsRule(int submittedApplications) : IBusinessRule
{
    public bool IsBroken() => submittedApplications <= 0;

    public string Message => "该单位本年度没有报送至省政工职评办的申报材料，无需接收纸质材料。";
}

/// <summary>
/// Nothing is checked in outside the paper-delivery window (逾期不再接收), unless the office made
/// an exception for the unit that still runs.
/// </summary>
public sealed class CheckInNeedsTheWindowOrAnExceptionRule(DeliveryWindow window, DateTimeOffset? exceptionUntil, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() =>
        !window.IsOpenAt(now) && !(window.HasClosedAt(now) && exceptionUntil is { } until && now < until);

    public string Message => now < window.OpensAt
        ? $"“{window.Name}”自 {BeijingTime.Format(window.OpensAt)} 开始，尚未开始接收。"
        : $"“{window.Name}”已于 {BeijingTime.Format(window.ClosesAt.AddSeconds(-1))} 截止，逾期不再接收；如确需接收，请先为该单位办理特例。";
}

/// <summary>An envelope is checked in only within the delivery of its own unit and campaign.</summary>
public sealed class EnvelopeBelongsToTheDeliveryRule(ExpectedEnvelope envelope, Guid campaignId, Guid unitId) : IBusinessRule
{
    public bool IsBroken() => envelope.CampaignId != campaignId || envelope.UnitId != unitId;

    public string Message => envelope.CampaignId != campaignId
        ? $"该档案袋属于 {envelope.Year} 年度（{envelope.UnitName}，{envelope.ApplicantName}），不是本年度的材料。"
        : $"该档案袋属于{envelope.UnitName}（{envelope.ApplicantName}），不是本单位的材料，请交由该单位报送。";
}

/// <summary>Each item of the person's checklist is marked once, and nothing else is.</summary>
public sealed class EveryChecklistItemIsCheckedRule(IReadOnlyList<int> checklist, IReadOnlyList<CheckedItem> items) : IBusinessRule
{
    public bool IsBroken() =>
        items.Count != checklist.Count || !items.Select(i => i.Number).Order().SequenceEqual(checklist.Order()) || items.Any(i => !Enum.IsDefined(i.Status));

    public string Message => "请逐项勾选该申报人的纸质材料清单（已收、缺或有误）。";
}

/// <summary>A missing or wrong item says what is the matter, so the unit knows what to bring.</summary>
public sealed class AMissingOrWrongItemCarriesANoteRule(IReadOnlyList<CheckedItem> items) : IBusinessRule
{
    public bool IsBroken() => items.Any(i => i.Status == ItemStatus.Wrong && string.IsNullOrWhiteSpace(i.Note));

    public string Message => "材料有误的项目，请在备注中写明问题。";
}

/// <summary>The exception is for after the window: during it the unit simply delivers.</summary>
public sealed class ExceptionOnlyAfterTheWindowClosedRule(DeliveryWindow window, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !window.HasClosedAt(now);

    public string Message => $"“{window.Name}”尚未截止（截止时间 {BeijingTime.Format(window.ClosesAt.AddSeconds(-1))}），无需办理特例。";
}

/// <summary>An exception ends at a later instant than now.</summary>
public sealed class ExceptionEndsAfterNowRule(DateTimeOffset until, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => until <= now;

    public string Message => "特例接收的截止时间必须晚于当前时间。";
}
