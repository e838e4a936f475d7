using TitleReview.Domain.Identity;
using TitleReview.Domain.Identity.Rules;

namespace TitleReview.Domain.Tests.Identity;

public class AccountRulesTests
{
    [Test]
    public void LastOfficeAdminRule_WhenRemovingTheOnlyAdmin_IsBroken()
    {
        new LastOfficeAdminMustRemainRule(removesOfficeAdmin: true, otherActiveOfficeAdmins: 0).IsBroken().Should().BeTrue();
        new LastOfficeAdminMustRemainRule(removesOfficeAdmin: true, otherActiveOfficeAdmins: 1).IsBroken().Should().BeFalse();
        new LastOfficeAdminMustRemainRule(removesOfficeAdmin: false, otherActiveOfficeAdmins: 0).IsBroken().Should().BeFalse();
    }

    [Test]
    public void CannotDisableOwnAccountRule_WhenActorIsTarget_IsBroken()
    {
        new CannotDisableOwnAccountRule("u1", "u1").IsBroken().Should().BeTrue();
        new CannotDisableOwnAccountRule("u1", "u2").IsBroken().Should().BeFalse();
    }

    [TestCase(Roles.Office, true)]
    [TestCase(Roles.OfficeAdmin, true)]
    [TestCase(Roles.Expert, false)]
    [TestCase(Roles.Applicant, false)]
    public void RequiresTwoFactor_OnlyForOfficeRoles(string role, bool required) =>
        Roles.RequiresTwoFactor(role).Should().Be(required);
}
