using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Eligibility;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Tests.Common;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class EligibilityCheckTests
{
    [Test]
    public void Evaluate_AnEligibleApplicant_MeetsEveryCondition_InReadingOrder()
    {
        var results = EligibilityCheck.Evaluate(Facts, Terms());

        results.Should().OnlyContain(r => r.Met);
        results.Select(r => r.Rule).Should().Equal(
            nameof(LevelLadderRule),
            nameof(FirstEvaluationPathRule),
            nameof(TenureInCurrentTitleRule),
            nameof(EducationVerifiedRule),
            nameof(ContinuingEducationHoursRule),
            nameof(ProfessionalShareRule),
            nameof(WorkMaterialWordCountRule),
            nameof(PublishedPapersRule));
    }

    [Test]
    public void Evaluate_OnlyTheEducationVerification_GatesTheApproval() =>
        EligibilityCheck.Evaluate(Facts, Terms()).Where(r => r.Gate == EligibilityGate.Approval).Select(r => r.Rule)
            .Should().Equal(nameof(EducationVerifiedRule));

    [TestCase(0, 3)]
    [TestCase(4, 3)]
    [TestCase(1, 101)]
    [TestCase(1, 0)]
    public void SetRule_WithAShareOutside1To100Percent_BreaksProfessionalShareInRange(int numerator, int denominator)
    {
        var campaign = NewCampaign();

        var broken = RuleAssert.Breaks<ProfessionalShareInRangeRule>(() => campaign.SetRule(Rule with { ProfessionalShare = new ProfessionalShare(numerator, denominator) }));

        broken.Message.Should().StartWith("专业科目学时占比应在 1% 到 100% 之间");
    }

    [Test]
    public void SetRule_WithAWholeShare_KeepsIt()
    {
        var campaign = NewCampaign();

        campaign.SetRule(Rule with { ProfessionalShare = new ProfessionalShare(1, 1), SkippingAllowed = true });

        campaign.RuleFor(TitleLevel.Intermediate).ProfessionalShare.Should().Be(new ProfessionalShare(1, 1));
        campaign.RuleFor(TitleLevel.Intermediate).SkippingAllowed.Should().BeTrue();
    }

    private static Campaign NewCampaign()
    {
        var catalogue = new StageCatalogue([new StageDefinition("filing", "申报人填报与单位审核")]);
        var opens = new DateTimeOffset(2023, 7, 31, 16, 0, 0, TimeSpan.Zero);
        return Campaign.Create(Guid.NewGuid(), 2023, "2023年度评审", Cutoff, [new StageWindow("filing", "申报人填报与单位审核", opens, opens.AddDays(31), null)], catalogue, opens.AddDays(-30));
    }
}
