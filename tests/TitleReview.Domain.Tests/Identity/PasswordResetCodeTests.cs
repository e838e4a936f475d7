using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Identity.Rules;

namespace TitleReview.Domain.Tests.Identity;

public class PasswordResetCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static PasswordResetCode NewCode(string hash = "right") => PasswordResetCode.Issue("u1", hash, 0, 3, Now, Lifetime);

    private static void AssertBrokenRule<TRule>(Action action)
        where TRule : IBusinessRule =>
        action.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<TRule>();

    [Test]
    public void Redeem_WhenCodeMatchesWithinLifetime_MarksItUsed()
    {
        var code = NewCode();

        code.Redeem("right", Now.AddMinutes(14)).Should().BeTrue();

        code.UsedAt.Should().Be(Now.AddMinutes(14));
        code.IsOpen.Should().BeFalse();
    }

    [Test]
    public void Redeem_WhenUsedBefore_BreaksSingleUseRule()
    {
        var code = NewCode();
        code.Redeem("right", Now);

        AssertBrokenRule<PasswordResetCodeIsSingleUseRule>(() => code.Redeem("right", Now));
    }

    [Test]
    public void Redeem_WhenLifetimeHasPassed_BreaksExpiryRule()
    {
        var code = NewCode();

        AssertBrokenRule<PasswordResetCodeMustNotBeExpiredRule>(() => code.Redeem("right", Now + Lifetime));
    }

    [Test]
    public void Redeem_WhenWrong_CountsTheTry()
    {
        var code = NewCode();

        code.Redeem("wrong", Now).Should().BeFalse();

        code.WrongAttempts.Should().Be(1);
        code.IsOpen.Should().BeTrue();
    }

    [Test]
    public void Redeem_AfterFiveWrongTries_RefusesEvenTheRightCode()
    {
        var code = NewCode();
        for (var i = 0; i < PasswordResetCode.MaxWrongAttempts; i++)
        {
            code.Redeem("wrong", Now);
        }

        code.IsOpen.Should().BeFalse();
        AssertBrokenRule<PasswordResetCodeWrongAttemptsRule>(() => code.Redeem("right", Now));
    }

    [Test]
    public void Redeem_WhenVoidedByANewerRequest_BreaksVoidRule()
    {
        var code = NewCode();
        code.Void(Now);

        AssertBrokenRule<PasswordResetCodeMustNotBeVoidRule>(() => code.Redeem("right", Now));
    }

    [Test]
    public void Issue_WhenHourlyLimitIsReached_BreaksRequestsPerHourRule()
    {
        AssertBrokenRule<PasswordResetRequestsPerHourRule>(() => PasswordResetCode.Issue("u1", "h", 3, 3, Now, Lifetime));
    }

    [Test]
    public void Issue_BelowHourlyLimit_SetsExpiry()
    {
        var code = PasswordResetCode.Issue("u1", "h", 2, 3, Now, Lifetime);

        code.ExpiresAt.Should().Be(Now + Lifetime);
    }
}
