using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Fees;

public class AmountDueTests
{
    private static readonly Dictionary<TitleLevel, decimal?> Fees = new()
    {
        [TitleLevel.Assistant] = 200m,
        [TitleLevel.Intermediate] = 300m,
        [TitleLevel.Senior] = 500m,
    };

    [Test]
    public void For_TheSubmittedApplicantsLevels_SumsTheFeeOfEachLevelTimesItsApplicants()
    {
        var due = AmountDueCalculator.For([TitleLevel.Intermediate, TitleLevel.Senior, TitleLevel.Intermediate], Fees);

        due.Lines.Should().Equal(new AmountDueLine(TitleLevel.Intermediate, 2, 300m), new AmountDueLine(TitleLevel.Senior, 1, 500m));
        due.Lines.Select(l => l.Subtotal).Should().Equal(600m, 500m);
        due.Total.Should().Be(1100m);
        due.Applicants.Should().Be(3);
    }

    [Test]
    public void For_NoSubmittedApplicant_OwesNothing()
    {
        var due = AmountDueCalculator.For([], Fees);

        due.Total.Should().Be(0m);
        due.Lines.Should().BeEmpty();
        due.OwesNothing.Should().BeTrue();
        AmountDueCalculator.For([TitleLevel.Assistant], Fees).OwesNothing.Should().BeFalse();
    }

    [Test]
    public void For_ALevelWithoutAFee_LeavesTheTotalUnknownAndNamesTheLevel()
    {
        var fees = new Dictionary<TitleLevel, decimal?>(Fees) { [TitleLevel.Senior] = null };

        var due = AmountDueCalculator.For([TitleLevel.Intermediate, TitleLevel.Senior], fees);

        due.IsKnown.Should().BeFalse();
        due.Total.Should().BeNull("a sum leaving the senior applicant out would be a wrong number");
        due.LevelsWithoutFee.Should().Equal(TitleLevel.Senior);
    }

    [Test]
    public void For_AnUnsetFeeOfALevelNobodyAppliedFor_DoesNotMatter()
    {
        var fees = new Dictionary<TitleLevel, decimal?>(Fees) { [TitleLevel.Assistant] = null };

        AmountDueCalculator.For([TitleLevel.Senior], fees).Total.Should().Be(500m);
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("300.005")]
    [TestCase("10000.01")]
    public void SetReviewFee_OutOfRange_IsRefusedAndLeavesTheFeeUnset(string fee)
    {
        var campaign = CampaignWith();

        RuleAssert.Breaks<ReviewFeeInRangeRule>(() => campaign.SetReviewFee(TitleLevel.Intermediate, decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture)));

        campaign.ReviewFees()[TitleLevel.Intermediate].Should().BeNull();
    }

    [Test]
    public void SetReviewFee_ValidAmount_KeepsTheLevelsOtherRequirements()
    {
        var campaign = CampaignWith();
        var before = campaign.RuleFor(TitleLevel.Senior);

        campaign.SetReviewFee(TitleLevel.Senior, 450.50m);

        campaign.RuleFor(TitleLevel.Senior).Should().Be(before with { ReviewFee = 450.50m });
        campaign.ReviewFees()[TitleLevel.Assistant].Should().BeNull();
    }

    private static Campaign CampaignWith()
    {
        var catalogue = new StageCatalogue([new StageDefinition("filing", "申报人填报与单位审核")]);
        var opens = new DateTimeOffset(2030, 7, 31, 16, 0, 0, TimeSpan.Zero);
        return Campaign.Create(Guid.NewGuid(), 2030, "2030年度评审", new DateOnly(2030, 12, 31), [new StageWindow("filing", "申报人填报与单位审核", opens, opens.AddDays(31), null)], catalogue, opens.AddDays(-30));
    }
}
