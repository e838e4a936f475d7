using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Preliminary;

public enum PreliminaryOutcome
{
    Passed = 1,
    Failed = 2,
}

public static class PreliminaryOutcomes
{
    public static string DisplayName(PreliminaryOutcome outcome) => outcome == PreliminaryOutcome.Passed ? "初审通过" : "初审不通过";
}

/// <summary>A listed reason as the decision gave it: its id in the office's list and its words at that moment.</summary>
public sealed record GivenReason(Guid ReasonId, string Text, int Position);

/// <summary>
/// The office's preliminary review conclusion on one application (初审结论). Every decision is a
/// row of its own: a change adds a new one and supersedes the previous, so the history stays as
/// it was decided. A failure names its reasons from the office's list, each kept with its words
/// of the day (the list may be reworded later), and may add a note of its own.
/// </summary>
public sealed class PreliminaryDecision : Entity
{
    public const int MaxNoteLength = 500;

    private readonly List<GivenReason> _reasons = [];

    private PreliminaryDecision()
    {
        DecidedBy = string.Empty;
        DecidedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public PreliminaryOutcome Outcome { get; private set; }

    public IReadOnlyList<GivenReason> Reasons => _reasons.OrderBy(r => r.Position).ToList();

    /// <summary>The reviewer's own words: the free-text reason of a failure, or a remark on a pass.</summary>
    public string? Note { get; private set; }

    /// <summary>Why the previous decision was changed; null for the first decision.</summary>
    public string? ChangeReason { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string DecidedBy { get; private set; }

    public string DecidedByName { get; private set; }

    /// <summary>When a later decision replaced this one; null while it is the application's current decision.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsChange => ChangeReason is not null;

    /// <summary>
    /// The decision in readable Chinese, as the journal records it and the applicant reads it:
    /// "任现职年限不足；继续教育学时不足。说明：……".
    /// </summary>
    public string Summary => SummaryOf(Outcome, Reasons.Select(r => r.Text).ToList(), Note);

    public static string SummaryOf(PreliminaryOutcome outcome, IReadOnlyList<string> reasons, string? note)
    {
        var listed = reasons.Count > 0 ? string.Join("；", reasons) + "。" : string.Empty;
        var remark = string.IsNullOrWhiteSpace(note) ? string.Empty : $"说明：{note.Trim()}";
        var text = listed + remark;
        return text.Length > 0 ? text : PreliminaryOutcomes.DisplayName(outcome);
    }

    /// <summary>The first conclusion on a dossier that waits for its preliminary review.</summary>
    /// <param name="reasons">The listed reasons the reviewer ticked, in the list's order; none for a pass.</param>
    public static PreliminaryDecision Decide(
        Guid applicationId,
        Guid campaignId,
        PreliminaryOutcome outcome,
        IReadOnlyList<FailureReason> reasons,
        string? note,
        DateTimeOffset now,
        string by,
        string byName)
    {
        CheckConclusion(outcome, reasons, note);
        var decision = new PreliminaryDecision
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            CampaignId = campaignId,
            Outcome = outcome,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            DecidedAt = now,
            DecidedBy = by,
            DecidedByName = byName,
        };
        decision._reasons.AddRange(reasons.Select((r, i) => new GivenReason(r.Id, r.Text, i + 1)));
        return decision;
    }

    /// <summary>
    /// Replaces this decision with the opposite conclusion, for a stated reason, while the results
    /// are not yet published; returns the new current decision.
    /// </summary>
    public PreliminaryDecision ChangeTo(
        PreliminaryOutcome outcome,
        IReadOnlyList<FailureReason> reasons,
        string? note,
        string? changeReason,
        bool published,
        DateTimeOffset now,
        string by,
        string byName)
    {
        CheckRule(new ADecisionChangesOnlyBeforePublicationRule(published));
        CheckRule(new AChangeChangesTheOutcomeRule(Outcome, outcome));
        CheckRule(new AChangeStatesWhyRule(changeReason));
        var next = Decide(ApplicationId, CampaignId, outcome, reasons, note, now, by, byName);
        next.ChangeReason = changeReason!.Trim();
        SupersededAt = now;
        return next;
    }

    private static void CheckConclusion(PreliminaryOutcome outcome, IReadOnlyList<FailureReason> reasons, string? note)
    {
        CheckRule(new AFailureGivesAReasonRule(outcome, reasons.Count, note));
        CheckRule(new APassGivesNoFailureReasonRule(outcome, reasons.Count));
        CheckRule(new OnlyActiveReasonsAreGivenRule(reasons));
        CheckRule(new DecisionNoteLengthRule(note));
    }
}

/// <summary>A failure says why: at least one reason from the list, or the reviewer's own words.</summary>
public sealed class AFailureGivesAReasonRule(PreliminaryOutcome outcome, int listedReasons, string? note) : IBusinessRule
{
    public bool IsBroken() => outcome == PreliminaryOutcome.Failed && listedReasons == 0 && string.IsNullOrWhiteSpace(note);

    public string Message => "初审不通过须至少选择一项不通过原因，或在说明中写明原因。";
}

/// <summary>A pass names no failure reason: the applicant would read it as one.</summary>
public sealed class APassGivesNoFailureReasonRule(PreliminaryOutcome outcome, int listedReasons) : IBusinessRule
{
    public bool IsBroken() => outcome == PreliminaryOutcome.Passed && listedReasons > 0;

    public string Message => "初审通过时不能选择不通过原因。";
}

/// <summary>Only reasons the office still offers are given; a deactivated one is history.</summary>
public sealed class OnlyActiveReasonsAreGivenRule(IReadOnlyList<FailureReason> reasons) : IBusinessRule
{
    public bool IsBroken() => reasons.Any(r => !r.IsActive);

    public string Message => $"不通过原因“{string.Join("”“", reasons.Where(r => !r.IsActive).Select(r => r.Text))}”已停用，请刷新页面后重新选择。";
}

public sealed class DecisionNoteLengthRule(string? note) : IBusinessRule
{
    public bool IsBroken() => note is not null && note.Trim().Length > PreliminaryDecision.MaxNoteLength;

    public string Message => $"说明不能超过 {PreliminaryDecision.MaxNoteLength} 个字。";
}

/// <summary>
/// Once the results are published, the public has read them: the conclusion is no longer
/// changed at the desk. A failed applicant may then bring supplements, which the office reviews.
/// </summary>
public sealed class ADecisionChangesOnlyBeforePublicationRule(bool published) : IBusinessRule
{
    public bool IsBroken() => published;

    public string Message => "初审结果已公示，不能再改变结论；未通过的申报人可在公示期内提交补充材料，由省政工职评办审核补充材料后改变结果。";
}

/// <summary>A change turns the conclusion round; the same conclusion again is no change.</summary>
public sealed class AChangeChangesTheOutcomeRule(PreliminaryOutcome current, PreliminaryOutcome proposed) : IBusinessRule
{
    public bool IsBroken() => current == proposed;

    public string Message => $"当前结论已是“{PreliminaryOutcomes.DisplayName(current)}”，无需改变。";
}

/// <summary>Changing a conclusion is recorded with why, in the reviewer's words.</summary>
public sealed class AChangeStatesWhyRule(string? changeReason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(changeReason) || changeReason.Trim().Length > PreliminaryDecision.MaxNoteLength;

    public string Message => string.IsNullOrWhiteSpace(changeReason)
        ? "改变初审结论须填写改变原因。"
        : $"改变原因不能超过 {PreliminaryDecision.MaxNoteLength} 个字。";
}
