using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Preliminary;

/// <summary>
/// One of the reasons the office gives when a dossier fails its preliminary review (不通过原因).
/// The office keeps one list for every campaign: the reasons follow the notice's conditions,
/// which change little from year to year. A reason some decision gave is never deleted (the
/// decision keeps its text anyway); it is deactivated and no longer offered.
/// </summary>
public sealed class FailureReason : Entity
{
    public const int MaxTextLength = 50;

    /// <summary>The reasons the office starts with: the conditions of the notice a dossier most often fails.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "任现职年限不足",
        "继续教育学时不足",
        "专业科目学时不足",
        "工作材料字数不足",
        "越级申报",
        "学历未经单位核实",
        "纸质材料不全",
        "未缴纳评审费",
        "申报材料与原件不符",
        "材料不规范",
    ];

    private FailureReason()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    /// <summary>Where the reason stands in the list the reviewer ticks; smaller first.</summary>
    public int Order { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <param name="otherTexts">The texts of the list's other reasons, active or not.</param>
    public static FailureReason Create(string? text, int order, IEnumerable<string> otherTexts, DateTimeOffset now)
    {
        var trimmed = Checked(text, otherTexts);
        return new FailureReason { Id = Guid.NewGuid(), Text = trimmed, Order = order, IsActive = true, CreatedAt = now };
    }

    /// <summary>A new wording; decisions already made keep the wording they gave.</summary>
    public void Rename(string? text, IEnumerable<string> otherTexts) => Text = Checked(text, otherTexts);

    public void MoveTo(int order) => Order = order;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Checks that the reason may leave the list: only one no decision ever gave.</summary>
    public void EnsureDeletable(int decisionsGivingIt) => CheckRule(new AReasonInUseIsOnlyDeactivatedRule(Text, decisionsGivingIt));

    private static string Checked(string? text, IEnumerable<string> otherTexts)
    {
        CheckRule(new FailureReasonTextIsGivenRule(text));
        var trimmed = text!.Trim();
        CheckRule(new FailureReasonTextIsUniqueRule(trimmed, otherTexts));
        return trimmed;
    }
}

/// <summary>A reason reads as a short phrase: given, and no longer than <see cref="FailureReason.MaxTextLength"/> characters.</summary>
public sealed class FailureReasonTextIsGivenRule(string? text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text) || text.Trim().Length > FailureReason.MaxTextLength;

    public string Message => string.IsNullOrWhiteSpace(text)
        ? "请填写不通过原因。"
        : $"不通过原因不能超过 {FailureReason.MaxTextLength} 个字。";
}

/// <summary>Two reasons with the same words would be ticked at random: the list holds each wording once.</summary>
public sealed class FailureReasonTextIsUniqueRule(string text, IEnumerable<string> otherTexts) : IBusinessRule
{
    public bool IsBroken() => otherTexts.Any(t => string.Equals(t.Trim(), text.Trim(), StringComparison.Ordinal));

    public string Message => $"列表中已有“{text.Trim()}”，请勿重复添加。";
}

/// <summary>
/// A reason some decision gave stays in the list: the decision's history names it. It can be
/// deactivated, after which reviewers no longer see it.
/// </summary>
public sealed class AReasonInUseIsOnlyDeactivatedRule(string text, int decisionsGivingIt) : IBusinessRule
{
    public bool IsBroken() => decisionsGivingIt > 0;

    public string Message => $"“{text}”已在 {decisionsGivingIt} 份初审结论中使用，不能删除，只能停用。";
}
