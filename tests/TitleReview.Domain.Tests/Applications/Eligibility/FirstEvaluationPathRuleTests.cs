using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class FirstEvaluationPathRuleTests
{
    [Test]
    public void FirstEvaluation_WithoutACertificate_IsMet()
    {
        var rule = new FirstEvaluationPathRule(Facts with { EvaluationType = EvaluationType.FirstEvaluation, HasQualificationCertificate = false });

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Be("首评，不需要此前的资格证书");
    }

    [Test]
    public void RegularEvaluation_WithoutACertificate_IsBroken()
    {
        var rule = new FirstEvaluationPathRule(Facts with { HasQualificationCertificate = false });

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().Contain("资格证书").And.Contain("首评除外");
    }

    [Test]
    public void RegularEvaluation_WithTheCertificate_IsMet() =>
        new FirstEvaluationPathRule(Facts).IsBroken().Should().BeFalse();
}
