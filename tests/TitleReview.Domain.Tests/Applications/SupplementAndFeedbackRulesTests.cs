using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>Supplements during the preliminary results' publicity and the units' feedback after it (issue 14, items 4 and 5).</summary>
public class SupplementAndFeedbackRulesTests
{
    // 2023 as the notice's publicity ran it: Mon 9 – Fri 13 Oct.
    private static readonly WorkingDayCalendar Calendar = new([CalendarYear.Create(2023, "test data", [], [])]);

    private static readonly FeedbackWindow Window = new(Beijing(2023, 10, 16, 0, 0), Beijing(2023, 10, 21, 0, 0));

    private static readonly Guid Unit = Guid.NewGuid();

    private static PublicPublicity Publicity() => PublicPublicity.Publish(
        Guid.NewGuid(), PublicPublicityKind.PreliminaryResults, "初审结果公示", new DateOnly(2023, 10, 9), 5, Calendar, Beijing(2023, 9, 28, 9, 0), "office", "省政工职评办");

    [Test]
    public void OpenSupplement_ByAPassedApplicant_BreaksTheRule()
    {
        var act = () => Supplement.Open(Guid.NewGuid(), 1, failed: false, Publicity(), Beijing(2023, 10, 10, 9, 0), "applicant");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("初审通过的申报人无需补充材料。");
    }

    [Test]
    public void AddFile_AMinuteBeforeThePublicityEnds_IsAccepted_AtItsEnd_BreaksTheRule()
    {
        var publicity = Publicity();
        var supplement = Supplement.Open(Guid.NewGuid(), 1, failed: true, publicity, Beijing(2023, 10, 9, 0, 0), "applicant");

        supplement.AddFile(File(supplement), publicity, Beijing(2023, 10, 13, 23, 59));
        var late = () => supplement.AddFile(File(supplement), publicity, Beijing(2023, 10, 14, 0, 0));

        supplement.Files.Should().ContainSingle();
        late.Should().Throw<BusinessRuleViolationException>().WithMessage("公示期已于 2023年10月13日 结束，不能再上传补充材料。");
    }

    [Test]
    public void OpenSupplement_BeforeThePublicity_BreaksTheRule()
    {
        var act = () => Supplement.Open(Guid.NewGuid(), 1, failed: true, Publicity(), Beijing(2023, 10, 8, 23, 0), "applicant");
        var unpublished = () => Supplement.Open(Guid.NewGuid(), 1, failed: true, null, Beijing(2023, 10, 10, 9, 0), "applicant");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("*尚未开始*");
        unpublished.Should().Throw<BusinessRuleViolationException>().WithMessage("初审结果尚未公示*");
    }

    [Test]
    public void Submit_WithoutFiles_OrTwice_BreaksTheRules()
    {
        var publicity = Publicity();
        var now = Beijing(2023, 10, 10, 9, 0);
        var supplement = Supplement.Open(Guid.NewGuid(), 1, failed: true, publicity, now, "applicant");

        var empty = () => supplement.Submit("照片", publicity, now);
        empty.Should().Throw<BusinessRuleViolationException>().WithMessage("请先上传至少一份补充材料文件，再提交。");

        supplement.AddFile(File(supplement), publicity, now);
        supplement.Submit("照片", publicity, now);
        var again = () => supplement.AddFile(File(supplement), publicity, now);

        again.Should().Throw<BusinessRuleViolationException>().WithMessage("补充材料已提交*");
    }

    [Test]
    public void Decide_BeforeSubmitOrTwice_BreaksTheRule()
    {
        var publicity = Publicity();
        var now = Beijing(2023, 10, 10, 9, 0);
        var supplement = Supplement.Open(Guid.NewGuid(), 1, failed: true, publicity, now, "applicant");

        var early = () => supplement.Decide(SupplementDecision.Passed, "理由", now, "office");
        early.Should().Throw<BusinessRuleViolationException>().WithMessage("补充材料尚未提交，不能审核。");

        supplement.AddFile(File(supplement), publicity, now);
        supplement.Submit("照片", publicity, now);
        supplement.Decide(SupplementDecision.Passed, "理由", now, "office");
        var twice = () => supplement.Decide(SupplementDecision.KeptFailed, "理由", now, "office");

        twice.Should().Throw<BusinessRuleViolationException>().WithMessage("该补充材料已审核，不能重复审核。");
    }

    [Test]
    public void RecordFeedback_BeforeThePublicityEnded_BreaksTheRule()
    {
        var act = () => Record(Unit, FeedbackOutcome.NoObjection, null, null, Beijing(2023, 10, 13, 23, 59));

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("初审结果公示尚未结束（公示期：2023年10月9日至10月13日），公示结束后才能反馈公示结果。");
    }

    [Test]
    public void RecordFeedback_ByAnotherUnitsAuditor_BreaksTheRule()
    {
        var act = () => Record(Guid.NewGuid(), FeedbackOutcome.NoObjection, null, null, Beijing(2023, 10, 16, 9, 0));

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("只有申报人所在单位的审核人可以反馈公示结果。");
    }

    [Test]
    public void RecordFeedback_OutsideItsWindow_BreaksTheRule()
    {
        var early = () => Record(Unit, FeedbackOutcome.NoObjection, null, null, Beijing(2023, 10, 15, 9, 0));
        var late = () => Record(Unit, FeedbackOutcome.NoObjection, null, null, Beijing(2023, 10, 21, 0, 0));

        early.Should().Throw<BusinessRuleViolationException>().WithMessage("公示结果反馈时间为 2023年10月16日至10月20日，尚未开始。");
        late.Should().Throw<BusinessRuleViolationException>().WithMessage("公示结果反馈已于 2023年10月20日 截止，不能再填写或提交。");
    }

    [Test]
    public void RecordFeedback_WithAnObjectionButNoHandling_BreaksTheRule()
    {
        var act = () => Record(Unit, FeedbackOutcome.ObjectionDismissed, "反映论文发表时间有误", " ", Beijing(2023, 10, 16, 9, 0));

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("有异议时，须填写异议内容及核实处理情况。");
    }

    [Test]
    public void ChangeFeedback_AfterItWasSubmitted_BreaksTheRule()
    {
        var now = Beijing(2023, 10, 16, 9, 0);
        var feedback = Record(Unit, FeedbackOutcome.NoObjection, "ignored", "ignored", now);
        feedback.Objection.Should().BeNull("no objection has no objection text");
        feedback.Submit(Unit, Publicity(), Window, now);

        var act = () => feedback.Change(Unit, FeedbackOutcome.ObjectionUpheld, "异议", "处理", Publicity(), Window, now, "auditor", "王敏");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("该公示结果反馈已提交省政工职评办，不能再修改。");
    }

    private static PublicityFeedback Record(Guid auditorUnit, FeedbackOutcome outcome, string? objection, string? handling, DateTimeOffset now) =>
        PublicityFeedback.Record(Guid.NewGuid(), Guid.NewGuid(), Unit, auditorUnit, outcome, objection, handling, Publicity(), Window, now, "auditor", "王敏");

    private static SupplementFile File(Supplement supplement) =>
        SupplementFile.Create(supplement.Id, "照片.pdf", "照片.pdf", Guid.NewGuid().ToString("N"), new string('a', 64), 100, "application/pdf", Beijing(2023, 10, 10, 9, 0));

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
