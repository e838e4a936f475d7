using TitleReview.Domain.Applications.Eligibility;
using static TitleReview.Domain.Tests.Applications.Eligibility.EligibilityExamples;

namespace TitleReview.Domain.Tests.Applications.Eligibility;

public class EducationVerifiedRuleTests
{
    [Test]
    public void Education_VerifiedByTheUnit_IsMet()
    {
        var rule = new EducationVerifiedRule(Facts);

        rule.IsBroken().Should().BeFalse();
        rule.Detail.Should().Be("大学本科，贵州师范大学，2010 年毕业；单位已核实");
    }

    [Test]
    public void Education_NotYetVerified_IsBroken_AndHoldsBackOnlyTheApproval()
    {
        var rule = new EducationVerifiedRule(Facts with { EducationVerified = false });

        rule.IsBroken().Should().BeTrue();
        rule.Detail.Should().EndWith("待单位核实");
        rule.Gate.Should().Be(EligibilityGate.Approval);
    }

    [Test]
    public void Education_NotStated_IsBroken() =>
        new EducationVerifiedRule(Facts with { Education = null, EducationVerified = false }).Detail.Should().Be("申报人尚未填写学历");
}
