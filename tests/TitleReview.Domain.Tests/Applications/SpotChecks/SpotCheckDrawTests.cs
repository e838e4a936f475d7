using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.SpotChecks;

/// <summary>The spot check draw's rules: each one broken once, and the commit-reveal it keeps.</summary>
public class SpotCheckDrawTests
{
    private static readonly DateTimeOffset Now = Beijing(2023, 10, 23, 9, 30);
    private static readonly SpotCheckWindow Window = new(Beijing(2023, 10, 23, 0, 0), Beijing(2023, 11, 1, 0, 0));
    private static readonly DateTimeOffset DrawAt = Beijing(2023, 10, 25, 10, 0);
    private static readonly SpotCheckActor Office = new("office-1", "王芳");
    private static readonly SpotCheckRules TenPercentOfUnits = new(new DrawAmount(DrawMode.Percent, 10), null, DrawAmount.Nothing, false, new DateOnly(2023, 10, 30));
    private static readonly string Seed = new('a', 64);

    [Test]
    public void Define_WithAZeroCount_BreaksDrawAmountIsSensibleRule() =>
        RuleAssert.Breaks<DrawAmountIsSensibleRule>(() => Define(TenPercentOfUnits with { Units = new DrawAmount(DrawMode.Count, 0) }));

    [Test]
    public void Define_WithAPercentageOver100_BreaksDrawAmountIsSensibleRule() =>
        RuleAssert.Breaks<DrawAmountIsSensibleRule>(() => Define(TenPercentOfUnits with { Across = new DrawAmount(DrawMode.Percent, 101) }));

    [Test]
    public void Define_WithZeroPersonsPerUnit_BreaksPersonsPerUnitIsSensibleRule() =>
        RuleAssert.Breaks<PersonsPerUnitIsSensibleRule>(() => Define(TenPercentOfUnits with { PersonsPerUnit = 0 }));

    [Test]
    public void Define_WithNeitherUnitsNorPersons_BreaksSpotCheckChoosesSomeoneRule() =>
        RuleAssert.Breaks<SpotCheckChoosesSomeoneRule>(() => Define(TenPercentOfUnits with { Units = DrawAmount.Nothing }));

    [Test]
    public void Define_WithTheOriginalsDueYesterday_BreaksOriginalsDueNotInThePastRule() =>
        RuleAssert.Breaks<OriginalsDueNotInThePastRule>(() => Define(TenPercentOfUnits with { OriginalsDueOn = new DateOnly(2023, 10, 22) }));

    [Test]
    public void Define_AfterTheSpotCheckClosed_BreaksSpotCheckWindowNotClosedRule() =>
        RuleAssert.Breaks<SpotCheckWindowNotClosedRule>(() => SpotCheckDraw.Define(Guid.NewGuid(), TenPercentOfUnits, Window, Window.ClosesAt, Office));

    [Test]
    public void Change_AfterTheCommitment_BreaksSpotCheckFrozenAfterCommitmentRule()
    {
        var draw = Committed();

        RuleAssert.Breaks<SpotCheckFrozenAfterCommitmentRule>(() => draw.Change(TenPercentOfUnits with { PersonsPerUnit = 1 }, Window, Now, Office));
        draw.Rules.Should().Be(TenPercentOfUnits);
    }

    [Test]
    public void Commit_Twice_BreaksSpotCheckFrozenAfterCommitmentRule_AndKeepsTheCandidates()
    {
        var draw = Committed();

        RuleAssert.Breaks<SpotCheckFrozenAfterCommitmentRule>(() => draw.Commit(SpotCheckAlgorithm.NewSeed(), DrawAt, "别的来源", Candidates(2, 2), Window, Now, Office));
        draw.Candidates.Should().HaveCount(10);
    }

    [Test]
    public void Commit_WithADrawTimeInThePast_BreaksSpotCheckDrawTimeInTheFutureRule() =>
        RuleAssert.Breaks<SpotCheckDrawTimeInTheFutureRule>(() => Define(TenPercentOfUnits).Commit(Seed, Now.AddMinutes(-1), "彩票", Candidates(2, 5), Window, Now, Office));

    [Test]
    public void Commit_WithADrawTimeAfterTheWindow_BreaksSpotCheckDrawTimeInsideWindowRule() =>
        RuleAssert.Breaks<SpotCheckDrawTimeInsideWindowRule>(() => Define(TenPercentOfUnits).Commit(Seed, Window.ClosesAt, "彩票", Candidates(2, 5), Window, Now, Office));

    [Test]
    public void Commit_WithoutAPublicValueSource_BreaksPublicValueSourceNamedRule() =>
        RuleAssert.Breaks<PublicValueSourceNamedRule>(() => Define(TenPercentOfUnits).Commit(Seed, DrawAt, "  ", Candidates(2, 5), Window, Now, Office));

    [Test]
    public void Commit_WithTheOriginalsDueBeforeTheDraw_BreaksOriginalsDueNotBeforeTheDrawRule() =>
        RuleAssert.Breaks<OriginalsDueNotBeforeTheDrawRule>(() => Define(TenPercentOfUnits with { OriginalsDueOn = new DateOnly(2023, 10, 24) }).Commit(Seed, DrawAt, "彩票", Candidates(2, 5), Window, Now, Office));

    [Test]
    public void Commit_WithNoCandidates_BreaksSpotCheckHasCandidatesRule() =>
        RuleAssert.Breaks<SpotCheckHasCandidatesRule>(() => Define(TenPercentOfUnits).Commit(Seed, DrawAt, "彩票", [], Window, Now, Office));

    [Test]
    public void Commit_PublishesTheSeedsHash_NumbersTheCandidates_AndKeepsTheSeedOutOfTheJournal()
    {
        var draw = Committed();

        draw.Commitment.Should().Be(SpotCheckAlgorithm.Sha256Hex(Seed)).And.HaveLength(64);
        draw.Candidates.Select(c => c.Number).Should().Equal(Enumerable.Range(1, 10).Select(i => i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)));
        draw.Candidates[0].MaskedName.Should().Be("李*");
        draw.Steps.Should().NotContain(s => s.Text.Contains(Seed, StringComparison.Ordinal));
        draw.SeedIsPublic.Should().BeFalse();
    }

    [Test]
    public void Draw_BeforeTheCommitment_BreaksSpotCheckCommittedBeforeDrawRule() =>
        RuleAssert.Breaks<SpotCheckCommittedBeforeDrawRule>(() => Define(TenPercentOfUnits).Draw("581", Window, DrawAt, Office));

    [Test]
    public void Draw_BeforeTheScheduledTime_BreaksSpotCheckDrawNotBeforeScheduleRule() =>
        RuleAssert.Breaks<SpotCheckDrawNotBeforeScheduleRule>(() => Committed().Draw("581", Window, DrawAt.AddSeconds(-1), Office));

    [Test]
    public void Draw_AfterTheWindowClosed_BreaksSpotCheckWindowNotClosedRule() =>
        RuleAssert.Breaks<SpotCheckWindowNotClosedRule>(() => Committed().Draw("581", Window, Window.ClosesAt, Office));

    [Test]
    public void Draw_WithoutAPublicValue_BreaksPublicValueGivenRule() =>
        RuleAssert.Breaks<PublicValueGivenRule>(() => Committed().Draw(" ", Window, DrawAt, Office));

    [Test]
    public void Draw_ASecondTime_BreaksOneSpotCheckDrawPerCampaignRule_AndKeepsTheFirstSelection()
    {
        var draw = Committed();
        var first = draw.Draw("581", Window, DrawAt, Office);

        RuleAssert.Breaks<OneSpotCheckDrawPerCampaignRule>(() => draw.Draw("582", Window, DrawAt.AddMinutes(5), Office));
        draw.PublicValue.Should().Be("581");
        draw.Selection().Units.Should().Equal(first.Units);
    }

    [Test]
    public void Draw_WithTenPercentOfTwoUnitsAndAllTheirPersons_ChoosesOneUnitWithEveryoneInIt()
    {
        var draw = Committed();

        var selection = draw.Draw(" 581 ", Window, DrawAt, Office);

        draw.PublicValue.Should().Be("581");
        selection.Units.Should().ContainSingle();
        draw.Candidates.Where(c => c.Chosen).Should().HaveCount(5).And.OnlyContain(c => c.UnitNumber == selection.Units[0] && c.Choice == SpotCheckChoice.InChosenUnit);
        draw.Steps.Select(s => s.Kind).Should().Equal(SpotCheckStepKind.Defined, SpotCheckStepKind.Committed, SpotCheckStepKind.Drawn);
        draw.SeedIsPublic.Should().BeTrue();
    }

    [Test]
    public void Quota_OfAPercentage_RoundsUpAndStaysWithinThePopulation()
    {
        SpotCheckAlgorithm.Quota(new DrawAmount(DrawMode.Percent, 10), 2).Should().Be(1);
        SpotCheckAlgorithm.Quota(new DrawAmount(DrawMode.Percent, 10), 21).Should().Be(3);
        SpotCheckAlgorithm.Quota(new DrawAmount(DrawMode.Percent, 10), 0).Should().Be(0);
        SpotCheckAlgorithm.Quota(new DrawAmount(DrawMode.Count, 5), 3).Should().Be(3);
    }

    [Test]
    public void Select_PerLevel_DrawsFromEachLevelSeparately()
    {
        var rules = new SpotCheckRules(DrawAmount.Nothing, null, new DrawAmount(DrawMode.Count, 1), true, new DateOnly(2023, 10, 30));
        var candidates = Candidates(4, 5).Select((c, i) => new DrawCandidate((i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture), "李*", c.UnitNumber, c.Level)).ToList();
        var units = candidates.Select(c => c.UnitNumber).Distinct().Select(n => new DrawUnit(n, n)).ToList();

        var selection = SpotCheckAlgorithm.Select(Seed, "581", rules, units, candidates);

        selection.PersonsAcross.Should().HaveCount(3);
        selection.PersonsAcross.Select(n => candidates.Single(c => c.Number == n).Level).Should().OnlyHaveUniqueItems();
    }

    [TestCase("李华", "李*")]
    [TestCase("欧阳小明", "欧阳**")]
    [TestCase("赵强", "赵*")]
    [TestCase("司马光", "司马*")]
    public void MaskName_KeepsOnlyTheFamilyName(string name, string masked) =>
        SpotCheckAlgorithm.MaskName(name).Should().Be(masked);

    private static SpotCheckDraw Define(SpotCheckRules rules) => SpotCheckDraw.Define(Guid.NewGuid(), rules, Window, Now, Office);

    private static SpotCheckDraw Committed()
    {
        var draw = Define(TenPercentOfUnits);
        draw.Commit(Seed, DrawAt, "2023年10月24日中国福利彩票“3D”开奖号码", Candidates(2, 5), Window, Now.AddMinutes(30), Office);
        return draw;
    }

    private static List<CandidateToFreeze> Candidates(int units, int perUnit) =>
        [.. Enumerable.Range(1, units).SelectMany(u => Enumerable.Range(1, perUnit).Select(p =>
            new CandidateToFreeze(Guid.NewGuid(), "李华", $"DW2023-{u:0000}", $"单位{u}", (TitleLevel)(1 + (p % 3)))))];

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
