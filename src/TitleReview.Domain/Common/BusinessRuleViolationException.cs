namespace TitleReview.Domain.Common;

/// <summary>
/// A named invariant was broken. It is a <see cref="DomainException"/>: callers that turn domain
/// refusals into a field message or a 409 treat both alike, and the broken rule says which one.
/// </summary>
public sealed class BusinessRuleViolationException : DomainException
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule.Message)
    {
        BrokenRule = rule;
    }

    public IBusinessRule BrokenRule { get; }
}
