using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Opinions;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications;

public class ReviewFormOpinionsTests
{
    private const string Department = "贵州省国资委";
    private static readonly DateTimeOffset Now = new(2023, 8, 20, 2, 0, 0, TimeSpan.Zero);

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \n ")]
    public void OpinionIsWritten_WhenBlank_IsBroken(string? text)
    {
        var rule = new OpinionIsWrittenRule(ReviewFormOpinions.UnitOpinionName, text);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("请填写单位推荐意见（对申报人的评价和推荐意见）。");
    }

    [Test]
    public void OpinionFitsTheForm_WhenOneCharacterTooLong_IsBroken()
    {
        new OpinionFitsTheFormRule(ReviewFormOpinions.DepartmentOpinionName, new string('好', ReviewFormOpinions.MaxLength)).IsBroken().Should().BeFalse();
        new OpinionFitsTheFormRule(ReviewFormOpinions.DepartmentOpinionName, "  " + new string('好', ReviewFormOpinions.MaxLength) + "  ").IsBroken().Should().BeFalse("surrounding spaces are trimmed");

        var rule = new OpinionFitsTheFormRule(ReviewFormOpinions.DepartmentOpinionName, new string('好', ReviewFormOpinions.MaxLength + 1));

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("主管部门意见不能超过 500 个字。");
    }

    [TestCase(false, false, "单位审核通过后，才能填写评审表意见。")]
    [TestCase(true, true, "材料已报送省政工职评办，不能再修改评审表意见。")]
    public void OpinionsOnlyBetweenApprovalAndSubmission_OutsideThatTime_IsBroken(bool approved, bool submitted, string message)
    {
        var rule = new OpinionsOnlyBetweenApprovalAndSubmissionRule(approved, submitted);

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be(message);
        new OpinionsOnlyBetweenApprovalAndSubmissionRule(approvedByTheUnit: true, submittedToTheOffice: false).IsBroken().Should().BeFalse();
    }

    [Test]
    public void RecordOpinions_WhenSubmitted_IsRefusedAndChangesNothing()
    {
        var application = NewApplication();

        var act = () => application.RecordOpinions("同意推荐", "同意", Department, approvedByTheUnit: true, submittedToTheOffice: true, "审核人", Now);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OpinionsOnlyBetweenApprovalAndSubmissionRule>();
        application.UnitOpinion.Should().BeNull();
        application.OpinionsRecordedAt.Should().BeNull();
    }

    [Test]
    public void RecordOpinions_WithOneBlankBox_SavesNeither()
    {
        var application = NewApplication();

        var act = () => application.RecordOpinions("同意推荐", "  ", Department, approvedByTheUnit: true, submittedToTheOffice: false, "审核人", Now);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OpinionIsWrittenRule>();
        application.UnitOpinion.Should().BeNull("the two boxes are saved together or not at all");
    }

    [Test]
    public void RecordOpinions_TrimsAndTellsWhetherTheTextChanged()
    {
        var application = NewApplication();
        var token = application.ConcurrencyToken;

        application.RecordOpinions("  该同志政治坚定，同意推荐。 ", "同意推荐。", Department, true, false, "审核人", Now).Should().BeTrue();
        application.RecordOpinions("该同志政治坚定，同意推荐。", "同意推荐。", Department, true, false, "审核人", Now.AddHours(1)).Should().BeFalse("the same text again changes nothing");
        application.RecordOpinions("该同志政治坚定，同意推荐。", "同意推荐申报。", Department, true, false, "审核人", Now.AddHours(2)).Should().BeTrue();

        application.UnitOpinion.Should().Be("该同志政治坚定，同意推荐。");
        application.DepartmentOpinion.Should().Be("同意推荐申报。");
        application.OpinionDepartment.Should().Be(Department);
        application.OpinionsRecordedAt.Should().Be(Now.AddHours(2));
        application.ConcurrencyToken.Should().NotBe(token);
    }

    private static TitleApplication NewApplication() =>
        TitleApplication.Start(Guid.NewGuid(), Guid.NewGuid(), "u1", "李华", Guid.NewGuid(), TitleLevel.Intermediate, Now.AddDays(-20));
}
