using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications;

public class OriginalsCheckTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Keys = ["photo", "paper-1"];

    [Test]
    public void Start_WhenTheCaseWasNotChosen_IsRefused()
    {
        var act = () => OriginalsCheck.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), awaitingCheck: false, Now);

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OriginalsOnlyForChosenCasesRule>();
    }

    [Test]
    public void Record_WhenTheCaseNoLongerAwaitsTheCheck_IsRefused()
    {
        var check = Started();

        var act = () => check.Record([Match("photo")], Keys, awaitingCheck: false, Now, "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OriginalsOnlyForChosenCasesRule>();
        check.Items.Should().BeEmpty();
    }

    [Test]
    public void Record_AMismatchWithoutAFinding_IsRefused_AndRecordsNothing()
    {
        var check = Started();

        var act = () => check.Record([Match("photo"), new OriginalItemEntry("paper-1", "论文", false, " ")], Keys, true, Now, "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<MismatchIsDescribedRule>();
        check.Items.Should().BeEmpty();
    }

    [Test]
    public void Record_AnItemOutsideTheDossier_IsRefused()
    {
        var check = Started();

        var act = () => check.Record([Match("unknown")], Keys, true, Now, "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OriginalItemBelongsToTheDossierRule>();
    }

    [Test]
    public void Record_TheSameItemAgain_ReplacesIt_AndChangesTheToken()
    {
        var check = Started();
        check.Record([Match("photo")], Keys, true, Now, "省政工职评办");
        var token = check.ConcurrencyToken;

        check.Record([new OriginalItemEntry("photo", "近照", false, "照片与本人不符")], Keys, true, Now, "省政工职评办");

        check.Items.Should().ContainSingle().Which.Finding.Should().Be("照片与本人不符");
        check.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void Conclude_BeforeEveryItemIsRecorded_IsRefused()
    {
        var check = Started();
        check.Record([Match("photo")], Keys, true, Now, "省政工职评办");

        var act = () => check.Conclude(Keys, true, false, null, Now, "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("还有 1 项原件未核对，请逐项记录后再完成复核。")
            .Which.BrokenRule.Should().BeOfType<EveryOriginalRecordedRule>();
        check.IsConcluded.Should().BeFalse();
    }

    [Test]
    public void Conclude_AfterTheClose_WithoutAReason_IsRefused_AndWithOne_KeepsIt()
    {
        var check = Started();
        check.Record([Match("photo"), Match("paper-1")], Keys, true, Now, "省政工职评办");

        var act = () => check.Conclude(Keys, true, true, "  ", Now, "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<LateConclusionHasAReasonRule>();
        check.Conclude(Keys, true, true, "原件于11月1日补交", Now, "省政工职评办").Should().BeTrue();
        check.LateReason.Should().Be("原件于11月1日补交");
    }

    [Test]
    public void Conclude_WithAMismatch_SaysTheFindings_AndIsFinal()
    {
        var check = Started();
        check.Record([Match("photo"), new OriginalItemEntry("paper-1", "论文《示例》", false, "原件发表时间为2019年，扫描件为2021年")], Keys, true, Now, "省政工职评办");

        check.Conclude(Keys, true, false, null, Now, "省政工职评办").Should().BeFalse();

        check.FindingsText.Should().Be("论文《示例》：原件发表时间为2019年，扫描件为2021年");
        var again = () => check.Record([Match("photo")], Keys, true, Now, "省政工职评办");
        again.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<ConcludedOriginalsCheckIsFinalRule>();
        var twice = () => check.Conclude(Keys, true, false, null, Now, "省政工职评办");
        twice.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<ConcludedOriginalsCheckIsFinalRule>();
    }

    [Test]
    public void OpenIntegrityCase_WhenOneIsOpenAlready_IsRefused()
    {
        var act = () => IntegrityCase.OpenFromSpotCheck(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [new IntegrityFinding("论文", "不一致")], alreadyOpen: true, Now, "office", "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<OneOpenIntegrityCasePerApplicationRule>();
    }

    [Test]
    public void OpenIntegrityCase_WithoutFindings_IsRefused_AndWithThem_IsOpen()
    {
        var act = () => IntegrityCase.OpenFromSpotCheck(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [], false, Now, "office", "省政工职评办");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<IntegrityCaseHasFindingsRule>();
        var opened = IntegrityCase.OpenFromSpotCheck(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [new IntegrityFinding("论文", "不一致")], false, Now, "office", "省政工职评办");
        (opened.Status, opened.Source).Should().Be((IntegrityCaseStatus.Open, IntegrityCaseSource.SpotCheck));
    }

    private static OriginalsCheck Started() => OriginalsCheck.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), true, Now);

    private static OriginalItemEntry Match(string key) => new(key, key, true, null);
}
