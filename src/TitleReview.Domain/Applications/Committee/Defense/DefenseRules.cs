using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Committee.Defense;

/// <summary>What the candidates were told stands: a published schedule does not change (ADR 0046).</summary>
public sealed class DefenseScheduleFrozenAfterPublicationRule(DateTimeOffset? publishedAt) : IBusinessRule
{
    public bool IsBroken() => publishedAt is not null;

    public string Message => publishedAt is { } at ? $"答辩安排已于{BeijingTime.Format(at)}公布，不能再修改。" : string.Empty;
}

/// <summary>A session starts inside the campaign's defense window (答辩及评审).</summary>
public sealed class DefenseSessionInsideTheWindowRule(DateTimeOffset startsAt, DefenseWindow window) : IBusinessRule
{
    public bool IsBroken() => startsAt < window.OpensAt || startsAt >= window.ClosesAt;

    public string Message =>
        $"答辩场次须安排在答辩及评审期间（{BeijingTime.Format(window.OpensAt)} 至 {BeijingTime.Format(window.ClosesAt.AddSeconds(-1))}）。";
}

public sealed class DefensePlaceGivenRule(string? place) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(place) || place.Trim().Length > DefenseSchedule.MaxPlaceLength;

    public string Message => $"请填写答辩地点（{DefenseSchedule.MaxPlaceLength}字以内）。";
}

/// <summary>A panel (答辩小组) has at least <see cref="DefenseSchedule.MinPanelSize"/> experts.</summary>
public sealed class DefensePanelLargeEnoughRule(IReadOnlyList<Guid> panel) : IBusinessRule
{
    public bool IsBroken() => panel.Distinct().Count() < DefenseSchedule.MinPanelSize;

    public string Message => $"答辩小组至少由{DefenseSchedule.MinPanelSize}名评委组成。";
}

/// <summary>Only members of the committee who review senior candidates sit on a panel.</summary>
public sealed class DefensePanelReviewsSeniorsRule(IReadOnlyList<Guid> panel, IReadOnlyCollection<Guid> seniorReviewers) : IBusinessRule
{
    public bool IsBroken() => panel.Any(e => !seniorReviewers.Contains(e));

    public string Message => "答辩小组成员须为评审高级政工师的评审委员会委员。";
}

/// <summary>An expert recused from a candidate (回避) does not sit on the panel that hears them.</summary>
public sealed class NoRecusedExpertOnThePanelRule(IReadOnlyList<Guid> panel, IReadOnlyCollection<Guid> candidates, IReadOnlyList<PanelRecusal> recusals) : IBusinessRule
{
    private PanelRecusal? Conflict => recusals.FirstOrDefault(r => panel.Contains(r.ExpertId) && candidates.Contains(r.ApplicationId));

    public bool IsBroken() => Conflict is not null;

    public string Message => Conflict is { } c ? $"评委{c.ExpertName}须回避答辩人{c.CandidateName}，不能在该场次的答辩小组中。" : string.Empty;
}

/// <summary>Only senior candidates (高级政工师) on the published committee list defend.</summary>
public sealed class OnlySeniorCandidatesOnTheListDefendRule(DefenseCandidate candidate) : IBusinessRule
{
    public bool IsBroken() => candidate.Level != TitleLevel.Senior || !candidate.OnCommitteeList;

    public string Message => $"{candidate.Name}不是送评名单中的高级政工师申报人，无需答辩。";
}

/// <summary>A candidate defends once: one slot in the whole schedule.</summary>
public sealed class CandidateInOneSlotRule(string name, bool alreadyScheduled) : IBusinessRule
{
    public bool IsBroken() => alreadyScheduled;

    public string Message => $"{name}已安排答辩，一人只能安排在一个场次。";
}

/// <summary>A slot is on its session's day, at or after the session's start (Beijing time).</summary>
public sealed class SlotWithinItsSessionRule(DateTimeOffset sessionStartsAt, DateTimeOffset at) : IBusinessRule
{
    public bool IsBroken() => at < sessionStartsAt || BeijingTime.DateOf(at) != BeijingTime.DateOf(sessionStartsAt);

    public string Message => $"答辩时间须在该场次当天、开始时间（{BeijingTime.Format(sessionStartsAt)}）之后。";
}

public sealed class DefenseScheduleHasSessionsRule(int sessions) : IBusinessRule
{
    public bool IsBroken() => sessions == 0;

    public string Message => "尚未安排答辩场次，不能公布答辩安排。";
}

public sealed class EverySessionHasACandidateRule(IReadOnlyList<DateTimeOffset> emptySessions) : IBusinessRule
{
    public bool IsBroken() => emptySessions.Count > 0;

    public string Message => $"答辩场次（{string.Join("、", emptySessions.Select(BeijingTime.Format))}）尚未安排答辩人：请安排或删除该场次。";
}

/// <summary>Every senior on the committee list defends before the committee votes on them: all are scheduled at once.</summary>
public sealed class EverySeniorCandidateScheduledRule(IReadOnlyList<string> unscheduled) : IBusinessRule
{
    public bool IsBroken() => unscheduled.Count > 0;

    public string Message => $"尚有高级政工师申报人未安排答辩：{string.Join("、", unscheduled)}。";
}

/// <summary>
/// The notice (三, 5): the defense is announced a week before. Publishing at <paramref name="now"/>
/// is allowed when the first session starts at least <paramref name="noticeDays"/> × 24 hours later,
/// which in Beijing time (no daylight saving) is the same wall-clock time that many days before:
/// for a session on Dec 4 09:00, publishing by Nov 27 09:00 is in time, Nov 27 09:01 is not.
/// </summary>
public sealed class DefenseNoticeGivenRule(DateTimeOffset firstSessionStartsAt, DateTimeOffset now, int noticeDays) : IBusinessRule
{
    public DateTimeOffset LatestPublication => firstSessionStartsAt.AddDays(-noticeDays);

    public bool IsBroken() => now > LatestPublication;

    public string Message =>
        $"答辩时间、地点须于答辩前{noticeDays}天公布：第一场答辩在{BeijingTime.Format(firstSessionStartsAt)}，最迟须在{BeijingTime.Format(LatestPublication)}前公布。";
}

public sealed class DefenseConclusionOnceRule(DateTimeOffset? concludedAt) : IBusinessRule
{
    public bool IsBroken() => concludedAt is not null;

    public string Message => "答辩结论已经记录，不能重复记录。";
}

/// <summary>The panel concludes once each of its experts has scored the candidate.</summary>
public sealed class DefenseConclusionAfterThePanelScoredRule(int panel, int scores) : IBusinessRule
{
    public bool IsBroken() => scores < panel;

    public string Message => $"答辩小组{panel}名评委中已有{scores}名评分：全部评分后才能记录答辩结论。";
}

public sealed class DefenseConclusionStatedRule(bool? qualified, string? text) : IBusinessRule
{
    public bool IsBroken() => qualified is null || string.IsNullOrWhiteSpace(text) || text.Trim().Length > DefenseSlot.MaxConclusionLength;

    public string Message => $"请选择答辩结论（合格或不合格）并填写结论意见（{DefenseSlot.MaxConclusionLength}字以内）。";
}

/// <summary>The panel concluded on the candidate's defense as it was attended: the attendance stays.</summary>
public sealed class AttendanceFixedAfterConclusionRule(string name, bool concluded) : IBusinessRule
{
    public bool IsBroken() => concluded;

    public string Message => $"{name}的答辩结论已经记录，出席情况不能再更改。";
}
