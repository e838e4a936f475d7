using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Domain.Tests.Workflows;

public class WorkflowActorTests
{
    [TestCase(Roles.Office, true)]
    [TestCase(Roles.Inspector, true)]
    [TestCase(Roles.Auditor, false)]
    [TestCase(Roles.Applicant, false)]
    [TestCase(Roles.Expert, false)]
    [TestCase(Roles.OfficeAdmin, false)]
    public void ReadsAsOffice_IsTheOfficeAndTheInspector(string role, bool reads) =>
        new WorkflowActor("id", "某人", [role]).ReadsAsOffice.Should().Be(reads);

    [Test]
    public void TheInspector_IsAStaffRole_NamedInChinese_WithTheSecondFactor()
    {
        Roles.StaffRoles.Should().Contain(Roles.Inspector);
        Roles.DisplayName(Roles.Inspector).Should().Be("纪检监察");
        Roles.RequiresTwoFactor(Roles.Inspector).Should().BeTrue();
    }
}
