namespace TitleReview.Domain.Common;

public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule.Message)
    {
        BrokenRule = rule;
    }

    public IBusinessRule BrokenRule { get; }
}
