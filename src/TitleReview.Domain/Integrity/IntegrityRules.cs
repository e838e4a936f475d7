using System.Globalization;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Integrity;

/// <summary>How the integrity pages and messages write a Beijing date: 2027年12月19日.</summary>
public static class IntegrityDates
{
    public static string Format(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}

/// <summary>
/// A person whose integrity record carries a ban in force may neither register as an applicant nor
/// start an application until the ban's last day has passed (notice 四: three years for serious cases).
/// </summary>
/// <param name="bannedUntil">The last day of the ban in force; null when there is none.</param>
/// <param name="contact">Whom to contact, e.g. 省政工职评办（0851-85893109）.</param>
public sealed class NoRegisteringOrApplyingWhileBannedRule(DateOnly? bannedUntil, DateOnly today, string contact) : IBusinessRule
{
    public bool IsBroken() => bannedUntil is { } until && until >= today;

    public string Message => bannedUntil is { } until
        ? $"该身份证号因诚信问题被限制申报至 {IntegrityDates.Format(until)}；如有疑问请联系{contact}。"
        : string.Empty;
}

/// <summary>A finding says what was found.</summary>
public sealed class IntegrityFindingIsStatedRule(string? finding) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(finding) || finding.Trim().Length > IntegrityRecordEntry.MaxFindingLength;

    public string Message => string.IsNullOrWhiteSpace(finding)
        ? "请填写诚信问题的具体情况。"
        : $"诚信问题的情况不能超过 {IntegrityRecordEntry.MaxFindingLength} 个字。";
}

/// <summary>A ban ends after the day it was recorded: one that is over already bans nobody.</summary>
public sealed class BanEndsAfterTheFindingRule(DateOnly? bannedUntil, DateOnly recordedOn) : IBusinessRule
{
    public bool IsBroken() => bannedUntil is { } until && until <= recordedOn;

    public string Message => $"限制申报的截止日期应晚于今天（{IntegrityDates.Format(recordedOn)}）。";
}

public sealed class NegativeListReasonRequiredRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > NegativeListEntry.MaxReasonLength;

    public string Message => string.IsNullOrWhiteSpace(reason)
        ? "请填写列入诚信负面清单的原因。"
        : $"原因不能超过 {NegativeListEntry.MaxReasonLength} 个字。";
}

public sealed class NegativeListCorrectiveActionRequiredRule(string? action) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(action) || action.Trim().Length > NegativeListEntry.MaxActionLength;

    public string Message => string.IsNullOrWhiteSpace(action)
        ? "请填写单位须采取的整改措施。"
        : $"整改措施不能超过 {NegativeListEntry.MaxActionLength} 个字。";
}

/// <summary>The period ends after it starts.</summary>
public sealed class NegativeListPeriodEndsAfterStartRule(DateOnly from, DateOnly to) : IBusinessRule
{
    public bool IsBroken() => to <= from;

    public string Message => $"列入期限的结束日期应晚于开始日期（{IntegrityDates.Format(from)}）。";
}

/// <summary>A listing already over (its last day passed, or ended early) cannot be ended again.</summary>
public sealed class NegativeListEndsEarlyOnlyWhileNotOverRule(NegativeListEntry entry, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => entry.EndedOn is not null || entry.LastDay < today;

    public string Message => entry.EndedOn is { } ended
        ? $"该单位已于 {IntegrityDates.Format(ended)} 提前移出诚信负面清单。"
        : $"该单位的列入期限已于 {IntegrityDates.Format(entry.LastDay)} 届满，无需提前移出。";
}

public sealed class NegativeListEarlyEndHasANoteRule(string? note) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(note) || note.Trim().Length > NegativeListEntry.MaxNoteLength;

    public string Message => string.IsNullOrWhiteSpace(note)
        ? "提前移出诚信负面清单须说明理由（如整改已完成）。"
        : $"说明不能超过 {NegativeListEntry.MaxNoteLength} 个字。";
}

/// <summary>A published listing is shown at least for its whole period.</summary>
public sealed class NegativeListPublishedAtLeastForItsPeriodRule(DateOnly lastDay, DateOnly until) : IBusinessRule
{
    public bool IsBroken() => until < lastDay;

    public string Message => $"公布截止日期不能早于列入期限的最后一天（{IntegrityDates.Format(lastDay)}）。";
}
