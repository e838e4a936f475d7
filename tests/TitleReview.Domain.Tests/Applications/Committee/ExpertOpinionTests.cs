using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Applications.Committee;

/// <summary>The expert's written opinion (评审意见) on a candidate: said, within its length, with a recommendation, only while the case is before the committee.</summary>
public class ExpertOpinionTests
{
    private static readonly DateTimeOffset Now = new(2023, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void Write_WithTextAndRecommendation_KeepsThemTrimmed()
    {
        var opinion = ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "  业绩突出，材料齐全。 ", OpinionRecommendation.Recommend, beforeCommittee: true, Now);

        opinion.Text.Should().Be("业绩突出，材料齐全。");
        opinion.Recommendation.Should().Be(OpinionRecommendation.Recommend);
        opinion.WrittenAt.Should().Be(Now);
    }

    [Test]
    public void Revise_AfterTheCommitteeDecided_BreaksOpinionOnlyWhileBeforeCommittee()
    {
        var opinion = ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "同意。", OpinionRecommendation.Recommend, beforeCommittee: true, Now);

        AssertBroken<OpinionOnlyWhileBeforeCommitteeRule>(() => opinion.Revise("改为待议。", OpinionRecommendation.Undecided, beforeCommittee: false, Now.AddDays(1)));
        opinion.Text.Should().Be("同意。");
    }

    [Test]
    public void Write_WithoutText_BreaksOpinionTextWithinLength() =>
        AssertBroken<OpinionTextWithinLengthRule>(() => ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "  ", OpinionRecommendation.Recommend, true, Now));

    [Test]
    public void Write_WithTextOverTheLimit_BreaksOpinionTextWithinLength() =>
        AssertBroken<OpinionTextWithinLengthRule>(() => ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('评', ExpertOpinion.MaxTextLength + 1), OpinionRecommendation.Recommend, true, Now));

    [Test]
    public void Write_WithTextAtTheLimit_IsAccepted() =>
        ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('评', ExpertOpinion.MaxTextLength), OpinionRecommendation.Undecided, true, Now)
            .Text.Length.Should().Be(ExpertOpinion.MaxTextLength);

    [Test]
    public void Write_WithoutRecommendation_BreaksOpinionRecommendationChosen() =>
        AssertBroken<OpinionRecommendationChosenRule>(() => ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "同意。", null, true, Now));

    [Test]
    public void Write_WithAnUnlistedRecommendation_BreaksOpinionRecommendationChosen() =>
        AssertBroken<OpinionRecommendationChosenRule>(() => ExpertOpinion.Write(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "同意。", (OpinionRecommendation)9, true, Now));

    private static void AssertBroken<TRule>(Action action) where TRule : IBusinessRule =>
        action.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<TRule>();
}
