using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Feedback;

/// <summary>What the unit found after the publicity of the preliminary results (公示结果反馈).</summary>
public enum FeedbackOutcome
{
    /// <summary>无异议.</summary>
    NoObjection = 1,

    /// <summary>有异议，经核实不成立.</summary>
    ObjectionDismissed = 2,

    /// <summary>有异议，经核实成立.</summary>
    ObjectionUpheld = 3,
}

/// <summary>The stage window in which units send the feedback, <c>[OpensAt, ClosesAt)</c>.</summary>
public sealed record FeedbackWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public string Text => $"{BeijingTime.DateOf(OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(ClosesAt.AddTicks(-1)):M月d日}";
}

/// <summary>
/// The unit auditor's record of one applicant's publicity result: recorded and corrected
/// freely until the unit submits it to the office, then final.
/// </summary>
public sealed class PublicityFeedback : Entity
{
    public const int MaxTextLength = 500;

    private PublicityFeedback()
    {
        RecordedBy = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public FeedbackOutcome Outcome { get; private set; }

    /// <summary>What the objection was; only with an objection.</summary>
    public string? Objection { get; private set; }

    /// <summary>How the unit looked into it and what it found; only with an objection.</summary>
    public string? Handling { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public static PublicityFeedback Record(
        Guid applicationId, Guid campaignId, Guid applicationUnitId, Guid? auditorUnitId,
        FeedbackOutcome outcome, string? objection, string? handling,
        PublicPublicity? publicity, FeedbackWindow window, DateTimeOffset now, string by, string byName)
    {
        var feedback = new PublicityFeedback
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            CampaignId = campaignId,
            UnitId = applicationUnitId,
        };
        feedback.Change(auditorUnitId, outcome, objection, handling, publicity, window, now, by, byName);
        return feedback;
    }

    public void Change(
        Guid? auditorUnitId, FeedbackOutcome outcome, string? objection, string? handling,
        PublicPublicity? publicity, FeedbackWindow window, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new FeedbackOnlyByTheUnitsOwnAuditorRule(UnitId, auditorUnitId));
        CheckRule(new FeedbackOnlyAfterThePublicityRule(publicity, now));
        CheckRule(new FeedbackWithinItsWindowRule(window, now));
        CheckRule(new SubmittedFeedbackIsFinalRule(this));
        CheckRule(new ObjectionIsDescribedAndHandledRule(outcome, objection, handling));
        var withObjection = outcome != FeedbackOutcome.NoObjection;
        Outcome = outcome;
        Objection = withObjection ? objection!.Trim() : null;
        Handling = withObjection ? handling!.Trim() : null;
        RecordedAt = now;
        RecordedBy = by;
        RecordedByName = byName;
    }

    public void Submit(Guid? auditorUnitId, PublicPublicity? publicity, FeedbackWindow window, DateTimeOffset now)
    {
        CheckRule(new FeedbackOnlyByTheUnitsOwnAuditorRule(UnitId, auditorUnitId));
        CheckRule(new FeedbackOnlyAfterThePublicityRule(publicity, now));
        CheckRule(new FeedbackWithinItsWindowRule(window, now));
        CheckRule(new SubmittedFeedbackIsFinalRule(this));
        SubmittedAt = now;
    }

    public static string Describe(FeedbackOutcome outcome) => outcome switch
    {
        FeedbackOutcome.NoObjection => "无异议",
        FeedbackOutcome.ObjectionDismissed => "有异议，经核实不成立",
        FeedbackOutcome.ObjectionUpheld => "有异议，经核实成立",
        _ => string.Empty,
    };
}

/// <summary>A unit answers for its own people: another unit's auditor cannot record or submit their feedback.</summary>
public sealed class FeedbackOnlyByTheUnitsOwnAuditorRule(Guid applicationUnitId, Guid? auditorUnitId) : IBusinessRule
{
    public bool IsBroken() => auditorUnitId != applicationUnitId;

    public string Message => "只有申报人所在单位的审核人可以反馈公示结果。";
}

/// <summary>The feedback reports on the publicity, so it comes after it has ended.</summary>
public sealed class FeedbackOnlyAfterThePublicityRule(PublicPublicity? publicity, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => publicity is null || !publicity.HasEndedAt(now);

    public string Message => publicity is null
        ? "初审结果尚未公示，不能反馈公示结果。"
        : $"初审结果公示尚未结束（{publicity.PeriodText}），公示结束后才能反馈公示结果。";
}

/// <summary>The feedback stage's window (公示结果反馈) bounds recording and submitting.</summary>
public sealed class FeedbackWithinItsWindowRule(FeedbackWindow window, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < window.OpensAt || now >= window.ClosesAt;

    public string Message => now < window.OpensAt
        ? $"公示结果反馈时间为 {window.Text}，尚未开始。"
        : $"公示结果反馈已于 {BeijingTime.DateOf(window.ClosesAt.AddTicks(-1)):yyyy年M月d日} 截止，不能再填写或提交。";
}

/// <summary>Once the unit submitted it to the office, the feedback is the office's record.</summary>
public sealed class SubmittedFeedbackIsFinalRule(PublicityFeedback feedback) : IBusinessRule
{
    public bool IsBroken() => feedback.IsSubmitted;

    public string Message => "该公示结果反馈已提交省政工职评办，不能再修改。";
}

/// <summary>An objection is reported with what it was and how the unit handled it.</summary>
public sealed class ObjectionIsDescribedAndHandledRule(FeedbackOutcome outcome, string? objection, string? handling) : IBusinessRule
{
    public bool IsBroken() => outcome != FeedbackOutcome.NoObjection && (string.IsNullOrWhiteSpace(objection) || string.IsNullOrWhiteSpace(handling));

    public string Message => "有异议时，须填写异议内容及核实处理情况。";
}
