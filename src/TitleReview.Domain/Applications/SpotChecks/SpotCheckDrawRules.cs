using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.SpotChecks;

/// <summary>A count draws at least one; a percentage is between 1 and 100.</summary>
public sealed class DrawAmountIsSensibleRule(DrawAmount amount, string what) : IBusinessRule
{
    public bool IsBroken() => amount.Mode switch
    {
        DrawMode.Count => amount.Value < 1 || amount.Value > SpotCheckDraw.MaxCount,
        DrawMode.Percent => amount.Value is < 1 or > 100,
        _ => false,
    };

    public string Message => amount.Mode == DrawMode.Percent
        ? $"{what}的比例须为 1 至 100 之间的整数。"
        : $"{what}的数量须为 1 至 {SpotCheckDraw.MaxCount} 之间的整数。";
}

/// <summary>Within a chosen unit either all are checked or at least one each.</summary>
public sealed class PersonsPerUnitIsSensibleRule(int? perUnit) : IBusinessRule
{
    public bool IsBroken() => perUnit is < 1 or > SpotCheckDraw.MaxCount;

    public string Message => $"抽中单位内每单位抽取人数须为 1 至 {SpotCheckDraw.MaxCount} 之间的整数。";
}

/// <summary>A draw that chooses neither units nor persons would check nobody.</summary>
public sealed class SpotCheckChoosesSomeoneRule(SpotCheckRules rules) : IBusinessRule
{
    public bool IsBroken() => rules.Units.Mode == DrawMode.None && rules.Across.Mode == DrawMode.None;

    public string Message => "请至少设定抽取单位或抽取人员中的一项。";
}

/// <summary>The originals are brought after the draw, so their date cannot already be gone.</summary>
public sealed class OriginalsDueNotInThePastRule(DateOnly dueOn, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => dueOn < BeijingTime.DateOf(now);

    public string Message => $"原件报送截止日期（{dueOn:yyyy年M月d日}）不能早于今天。";
}

/// <summary>The originals are brought after the chosen learn they were chosen: not before the draw's day.</summary>
public sealed class OriginalsDueNotBeforeTheDrawRule(DateOnly dueOn, DateTimeOffset drawAt) : IBusinessRule
{
    public bool IsBroken() => dueOn < BeijingTime.DateOf(drawAt);

    public string Message => $"原件报送截止日期（{dueOn:yyyy年M月d日}）不能早于抽取日期（{BeijingTime.DateOf(drawAt):yyyy年M月d日}）。";
}

/// <summary>A draw is defined for the spot check still to come or running, never after it closed.</summary>
public sealed class SpotCheckWindowNotClosedRule(DateTimeOffset closesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now >= closesAt;

    public string Message => $"本年度抽查复核已于 {BeijingTime.Format(closesAt)} 截止，不能再设定或抽取。";
}

/// <summary>Once the commitment is public, the definition and the candidates are what the public holds the office to.</summary>
public sealed class SpotCheckFrozenAfterCommitmentRule(SpotCheckDrawStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SpotCheckDrawStatus.Defined;

    public string Message => "抽查承诺已公布，抽取规则和候选名单不能再修改。";
}

/// <summary>The draw time is announced ahead: a time already past gives the public no chance to watch for the public value.</summary>
public sealed class SpotCheckDrawTimeInTheFutureRule(DateTimeOffset drawAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => drawAt <= now;

    public string Message => $"抽取时间（{BeijingTime.Format(drawAt)}）须晚于现在。";
}

/// <summary>The draw happens while the spot check runs, so the chosen have the window to bring their originals.</summary>
public sealed class SpotCheckDrawTimeInsideWindowRule(DateTimeOffset drawAt, DateTimeOffset opensAt, DateTimeOffset closesAt) : IBusinessRule
{
    public bool IsBroken() => drawAt < opensAt || drawAt >= closesAt;

    public string Message => $"抽取时间须在抽查复核期内（{BeijingTime.Format(opensAt)} 至 {BeijingTime.Format(closesAt.AddSeconds(-1))}）。";
}

/// <summary>The public value must be named before the draw, or the office could pick one after seeing what it yields.</summary>
public sealed class PublicValueSourceNamedRule(string? source) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(source) || source.Trim().Length > SpotCheckDraw.MaxPublicValueLength;

    public string Message => string.IsNullOrWhiteSpace(source)
        ? "请写明抽取时将使用的公开数值的来源（例如某日福利彩票开奖号码）。"
        : $"公开数值来源不能超过 {SpotCheckDraw.MaxPublicValueLength} 个字。";
}

/// <summary>A commitment names whom it draws from: with no candidate there is nothing to draw.</summary>
public sealed class SpotCheckHasCandidatesRule(int candidates) : IBusinessRule
{
    public bool IsBroken() => candidates == 0;

    public string Message => "本年度尚无可参加抽查复核的申报人（公示无异议并已反馈的申报人）。";
}

/// <summary>The draw uses the inputs the public saw: it needs a published commitment first.</summary>
public sealed class SpotCheckCommittedBeforeDrawRule(SpotCheckDrawStatus status) : IBusinessRule
{
    public bool IsBroken() => status == SpotCheckDrawStatus.Defined;

    public string Message => "请先公布抽查承诺，再进行抽取。";
}

/// <summary>One draw per campaign: drawing again until a liked result comes up is exactly what the commitment prevents.</summary>
public sealed class OneSpotCheckDrawPerCampaignRule(SpotCheckDrawStatus status, DateTimeOffset? drawnAt) : IBusinessRule
{
    public bool IsBroken() => status == SpotCheckDrawStatus.Drawn;

    public string Message => $"本年度抽查已于 {(drawnAt is { } at ? BeijingTime.Format(at) : string.Empty)} 抽取，不能再次抽取。";
}

/// <summary>The draw happens at the announced time or later, when the public value is known to everyone.</summary>
public sealed class SpotCheckDrawNotBeforeScheduleRule(DateTimeOffset drawAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < drawAt;

    public string Message => $"尚未到公布的抽取时间（{BeijingTime.Format(drawAt)}），不能抽取。";
}

/// <summary>The public value is typed at the draw; without it the selection would rest on the secret seed alone.</summary>
public sealed class PublicValueGivenRule(string? value) : IBusinessRule
{
    public bool IsBroken() => value is null || SpotCheckAlgorithm.NormalizePublicValue(value).Length is 0 or > SpotCheckDraw.MaxPublicValueLength;

    public string Message => string.IsNullOrWhiteSpace(value)
        ? "请填写公布的公开数值（例如开奖号码）。"
        : $"公开数值不能超过 {SpotCheckDraw.MaxPublicValueLength} 个字。";
}
