using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications.Preliminary;

public class PreliminaryDecisionTests
{
    private static readonly DateTimeOffset Now = new(2023, 9, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Application = Guid.NewGuid();
    private static readonly Guid Campaign = Guid.NewGuid();

    private static FailureReason Reason(string text) => FailureReason.Create(text, 1, [], Now);

    private static PreliminaryDecision Fail(IReadOnlyList<FailureReason> reasons, string? note) =>
        PreliminaryDecision.Decide(Application, Campaign, PreliminaryOutcome.Failed, reasons, note, Now, "office-id", "省政工职评办");

    private static PreliminaryDecision Pass() =>
        PreliminaryDecision.Decide(Application, Campaign, PreliminaryOutcome.Passed, [], null, Now, "office-id", "省政工职评办");

    [Test]
    public void Fail_WithListedReasonsAndANote_ReadsThemInOrder_WithTheNote()
    {
        var decision = Fail([Reason("任现职年限不足"), Reason("继续教育学时不足")], " 2022 年度学时证明缺失 ");

        decision.Summary.Should().Be("任现职年限不足；继续教育学时不足。说明：2022 年度学时证明缺失");
        decision.Reasons.Select(r => r.Position).Should().Equal(1, 2);
        decision.Note.Should().Be("2022 年度学时证明缺失");
    }

    [Test]
    public void Fail_WithOnlyANote_IsAccepted() =>
        Fail([], "申报材料与单位公示内容不一致").Summary.Should().Be("说明：申报材料与单位公示内容不一致");

    [Test]
    public void Fail_WithNeitherReasonNorNote_BreaksAFailureGivesAReason()
    {
        var act = () => Fail([], "  ");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<AFailureGivesAReasonRule>();
    }

    [Test]
    public void Pass_WithAFailureReason_BreaksAPassGivesNoFailureReason()
    {
        var act = () => PreliminaryDecision.Decide(Application, Campaign, PreliminaryOutcome.Passed, [Reason("越级申报")], null, Now, "id", "name");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<APassGivesNoFailureReasonRule>();
    }

    [Test]
    public void Fail_WithADeactivatedReason_BreaksOnlyActiveReasonsAreGiven()
    {
        var retired = Reason("材料不规范");
        retired.Deactivate();

        var act = () => Fail([retired], null);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("*“材料不规范”已停用*");
    }

    [Test]
    public void Decide_WithANoteOneCharacterTooLong_BreaksDecisionNoteLength()
    {
        var act = () => Fail([], new string('字', PreliminaryDecision.MaxNoteLength + 1));

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<DecisionNoteLengthRule>();
        Fail([], new string('字', PreliminaryDecision.MaxNoteLength)).Note.Should().HaveLength(PreliminaryDecision.MaxNoteLength);
    }

    [Test]
    public void ChangeTo_TheOppositeWithAReason_AddsANewDecision_AndSupersedesTheOld()
    {
        var first = Pass();
        var later = Now.AddHours(3);

        var next = first.ChangeTo(PreliminaryOutcome.Failed, [Reason("越级申报")], null, "复核发现越级申报", published: false, later, "office-2", "复核人");

        next.Id.Should().NotBe(first.Id);
        next.Outcome.Should().Be(PreliminaryOutcome.Failed);
        next.ChangeReason.Should().Be("复核发现越级申报");
        next.IsChange.Should().BeTrue();
        next.SupersededAt.Should().BeNull();
        first.SupersededAt.Should().Be(later);
    }

    [Test]
    public void ChangeTo_WithoutAReason_BreaksAChangeStatesWhy_AndLeavesTheDecisionCurrent()
    {
        var first = Pass();

        var act = () => first.ChangeTo(PreliminaryOutcome.Failed, [Reason("越级申报")], null, " ", published: false, Now, "id", "name");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("改变初审结论须填写改变原因。");
        first.SupersededAt.Should().BeNull();
    }

    [Test]
    public void ChangeTo_AfterPublication_BreaksADecisionChangesOnlyBeforePublication()
    {
        var act = () => Pass().ChangeTo(PreliminaryOutcome.Failed, [Reason("越级申报")], null, "复核", published: true, Now, "id", "name");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("初审结果已公示，不能再改变结论*");
    }

    [Test]
    public void ChangeTo_TheSameOutcome_BreaksAChangeChangesTheOutcome()
    {
        var act = () => Pass().ChangeTo(PreliminaryOutcome.Passed, [], null, "复核", published: false, Now, "id", "name");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<AChangeChangesTheOutcomeRule>();
    }
}

public class FailureReasonTests
{
    private static readonly DateTimeOffset Now = new(2023, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_TrimsTheText_AndIsActive()
    {
        var reason = FailureReason.Create(" 越级申报 ", 3, ["任现职年限不足"], Now);

        reason.Text.Should().Be("越级申报");
        reason.Order.Should().Be(3);
        reason.IsActive.Should().BeTrue();
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void Create_WithoutText_BreaksFailureReasonTextIsGiven(string? text)
    {
        var act = () => FailureReason.Create(text, 1, [], Now);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("请填写不通过原因。");
    }

    [Test]
    public void Create_OneCharacterTooLong_BreaksFailureReasonTextIsGiven()
    {
        var act = () => FailureReason.Create(new string('字', FailureReason.MaxTextLength + 1), 1, [], Now);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage($"*不能超过 {FailureReason.MaxTextLength} 个字*");
        FailureReason.Create(new string('字', FailureReason.MaxTextLength), 1, [], Now).Text.Should().HaveLength(FailureReason.MaxTextLength);
    }

    [Test]
    public void Rename_ToAnotherReasonsWording_BreaksFailureReasonTextIsUnique()
    {
        var reason = FailureReason.Create("材料不规范", 1, [], Now);

        var act = () => reason.Rename("越级申报", ["越级申报", "任现职年限不足"]);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("列表中已有“越级申报”，请勿重复添加。");
        reason.Text.Should().Be("材料不规范");
    }

    [Test]
    public void EnsureDeletable_WhenADecisionGaveIt_BreaksAReasonInUseIsOnlyDeactivated()
    {
        var reason = FailureReason.Create("纸质材料不全", 1, [], Now);

        var act = () => reason.EnsureDeletable(decisionsGivingIt: 1);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("“纸质材料不全”已在 1 份初审结论中使用，不能删除，只能停用。");
        reason.Invoking(r => r.EnsureDeletable(0)).Should().NotThrow();
    }

    [Test]
    public void Defaults_AreDistinct_AndEachAValidReason() =>
        FailureReason.Defaults.Should().OnlyHaveUniqueItems().And.AllSatisfy(t => new FailureReasonTextIsGivenRule(t).IsBroken().Should().BeFalse());
}
