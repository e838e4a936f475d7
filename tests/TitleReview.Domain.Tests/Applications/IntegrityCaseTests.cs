using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Applications;

public class IntegrityCaseTests
{
    private static readonly DateTimeOffset Now = new(2023, 11, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2023, 11, 6);
    private const string Reasons = "经核实，论文系抄袭，弄虚作假。";

    [Test]
    public void OpenByHand_KeepsTheFirstNoteAsEvidence()
    {
        var opened = ByHand();

        opened.Status.Should().Be(IntegrityCaseStatus.Open);
        opened.Source.Should().Be(IntegrityCaseSource.OfficeByHand);
        opened.Evidence.Should().ContainSingle().Which.Should().Match<IntegrityEvidence>(e => e.Kind == IntegrityEvidenceKind.Note && e.Note == "收到实名举报信");
        opened.ConcurrencyToken.Should().NotBeEmpty();
    }

    [Test]
    public void OpenByHand_WhenACaseIsAlreadyOpen_BreaksOneOpenIntegrityCasePerApplicationRule() =>
        RuleAssert.Breaks<OneOpenIntegrityCasePerApplicationRule>(() => IntegrityCase.OpenByHand(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IntegrityCaseSource.OfficeByHand, "举报", alreadyOpen: true, Now, "office", "陈静"));

    [Test]
    public void OpenByHand_AsASpotCheck_BreaksSpotCheckCasesOpenFromTheOriginalsCheckRule() =>
        RuleAssert.Breaks<SpotCheckCasesOpenFromTheOriginalsCheckRule>(() => IntegrityCase.OpenByHand(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IntegrityCaseSource.SpotCheck, "举报", alreadyOpen: false, Now, "office", "陈静"));

    [TestCase("")]
    [TestCase("   ")]
    public void OpenByHand_WithoutANote_BreaksIntegrityNoteHasTextRule(string note) =>
        RuleAssert.Breaks<IntegrityNoteHasTextRule>(() => IntegrityCase.OpenByHand(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IntegrityCaseSource.PublicityObjection, note, alreadyOpen: false, Now, "office", "陈静"));

    [Test]
    public void OpenFromSpotCheck_WithoutFindings_BreaksIntegrityCaseHasFindingsRule() =>
        RuleAssert.Breaks<IntegrityCaseHasFindingsRule>(() => IntegrityCase.OpenFromSpotCheck(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [], false, Now, "office", "陈静"));

    [Test]
    public void Decide_Veto_RecordsTheDecisionWithTheBan_AndRenewsTheToken()
    {
        var decided = ByHand();
        var token = decided.ConcurrencyToken;
        var until = IntegrityDecision.DefaultBanEnd(Today);

        decided.Decide(new IntegrityDecision(IntegrityOutcome.Veto, Reasons, true, until), applicationEnded: false, null, Today, Now, "office", "陈静");

        decided.Status.Should().Be(IntegrityCaseStatus.Decided);
        (decided.Outcome, decided.DecisionReasons, decided.BannedUntil, decided.DecidedByName).Should().Be((IntegrityOutcome.Veto, Reasons, (DateOnly?)new DateOnly(2026, 11, 5), "陈静"));
        decided.ConcurrencyToken.Should().NotBe(token);
    }

    [Test]
    public void Decide_ASecondTime_BreaksDecidedIntegrityCaseIsFinalRule()
    {
        var decided = ByHand();
        decided.Decide(new IntegrityDecision(IntegrityOutcome.NoFinding, Reasons, false, null), false, null, Today, Now, "office", "陈静");

        RuleAssert.Breaks<DecidedIntegrityCaseIsFinalRule>(() => decided.Decide(new IntegrityDecision(IntegrityOutcome.Veto, Reasons, false, null), false, null, Today, Now, "office", "陈静"));
        decided.Outcome.Should().Be(IntegrityOutcome.NoFinding);
    }

    [Test]
    public void AddNote_OrScan_OnADecidedCase_BreaksDecidedIntegrityCaseIsFinalRule()
    {
        var decided = ByHand();
        decided.Decide(new IntegrityDecision(IntegrityOutcome.NoFinding, Reasons, false, null), false, null, Today, Now, "office", "陈静");

        RuleAssert.Breaks<DecidedIntegrityCaseIsFinalRule>(() => decided.AddNote("补充", Now, "陈静"));
        RuleAssert.Breaks<DecidedIntegrityCaseIsFinalRule>(() => decided.AddScan(new IntegrityScan("a.pdf", "uploads/a.bin", new string('a', 64), "application/pdf", "a.pdf", 10), Now, "陈静"));
        decided.Evidence.Should().HaveCount(1);
    }

    [TestCase("")]
    [TestCase(" ")]
    public void Decide_WithoutReasons_BreaksIntegrityDecisionHasReasonsRule(string reasons)
    {
        var open = ByHand();

        RuleAssert.Breaks<IntegrityDecisionHasReasonsRule>(() => open.Decide(new IntegrityDecision(IntegrityOutcome.Veto, reasons, false, null), false, null, Today, Now, "office", "陈静"));
        open.Status.Should().Be(IntegrityCaseStatus.Open);
    }

    [Test]
    public void Decide_VetoOnAnEndedApplication_BreaksVetoOnlyOnAnApplicationNotYetEndedRule() =>
        RuleAssert.Breaks<VetoOnlyOnAnApplicationNotYetEndedRule>(() => ByHand().Decide(new IntegrityDecision(IntegrityOutcome.Veto, Reasons, false, null), applicationEnded: true, null, Today, Now, "office", "陈静"));

    [Test]
    public void Decide_RevocationWithoutACertificate_BreaksRevocationNeedsAValidCertificateRule() =>
        RuleAssert.Breaks<RevocationNeedsAValidCertificateRule>(() => ByHand().Decide(new IntegrityDecision(IntegrityOutcome.Revocation, Reasons, false, null), true, null, Today, Now, "office", "陈静"));

    [Test]
    public void Decide_Revocation_KeepsTheRevokedCertificatesNumber()
    {
        var decided = ByHand();

        decided.Decide(new IntegrityDecision(IntegrityOutcome.Revocation, Reasons, true, null), applicationEnded: true, "黔政工2023-中-0001", Today, Now, "office", "陈静");

        decided.RevokedCertificateNumber.Should().Be("黔政工2023-中-0001");
    }

    [Test]
    public void Decide_NoFindingWithARecord_BreaksNoFindingRecordsNothingRule() =>
        RuleAssert.Breaks<NoFindingRecordsNothingRule>(() => ByHand().Decide(new IntegrityDecision(IntegrityOutcome.NoFinding, Reasons, true, null), false, null, Today, Now, "office", "陈静"));

    [Test]
    public void Decide_ABanWithoutARecordedFinding_BreaksBanComesWithARecordedFindingRule() =>
        RuleAssert.Breaks<BanComesWithARecordedFindingRule>(() => ByHand().Decide(new IntegrityDecision(IntegrityOutcome.Veto, Reasons, false, Today.AddYears(1)), false, null, Today, Now, "office", "陈静"));

    [Test]
    public void Decide_ABanEndingOnTheDecisionsDay_BreaksBanEndsAfterTheDecisionRule() =>
        RuleAssert.Breaks<BanEndsAfterTheDecisionRule>(() => ByHand().Decide(new IntegrityDecision(IntegrityOutcome.Veto, Reasons, true, Today), false, null, Today, Now, "office", "陈静"));

    private static IntegrityCase ByHand() =>
        IntegrityCase.OpenByHand(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), IntegrityCaseSource.OfficeByHand, " 收到实名举报信 ", alreadyOpen: false, Now, "office", "陈静");
}
