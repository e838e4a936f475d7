using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Common;

/// <summary>Asserts that an action is refused by one named rule, not merely by some exception.</summary>
internal static class RuleAssert
{
    public static TRule Breaks<TRule>(Action action)
        where TRule : IBusinessRule =>
        (TRule)action.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<TRule>().Subject;
}
