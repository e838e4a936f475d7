using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetAuditorHome;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Queries;

/// <summary>The auditor's home page: one query for the unit, every registration, the applications and the applicants.</summary>
public class AuditorHomeTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task GetAuditorHome_WhileConfirmationIsOpen_OffersToConfirmTheApprovedRegistration_AndNotOnceConfirmed()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
        var receipt = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
        await ApproveAsync(receipt);
        Clock.SetUtcNow(Beijing(2023, 7, 24, 10, 0, 0));

        var before = await AuditorHomeAsync("auditor1");
        await FireAsync(await RegistrationInstanceAsync(receipt), "confirm", "auditor1");
        var after = await AuditorHomeAsync("auditor1");

        before.Unit!.Name.Should().Be(DemoAccounts.QiannanEnergy.Name);
        var row = before.Registrations.Should().ContainSingle().Subject;
        row.Id.Should().Be(receipt.RegistrationId);
        row.Year.Should().Be(2023);
        row.Details.AuditorName.Should().Be("王敏");
        row.PermittedTriggers.Should().ContainSingle(t => t.Operation == WorkflowOperations.ConfirmRegistration);
        before.Applicants.Should().NotBeEmpty().And.OnlyContain(a => a.Role == Roles.Applicant);
        after.Registrations.Should().ContainSingle().Which.PermittedTriggers.Should().BeEmpty();
        after.Registrations[0].StateName.Should().Be("已核准");
    }

    [Test]
    public async Task GetAuditorHome_OfAnotherUnitsAuditor_ShowsNoneOfThisUnitsRegistrations()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 10, 0, 0));
        await ApproveAsync(await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101"));

        var other = await AuditorHomeAsync("auditor2");

        other.Unit!.Name.Should().Be(DemoAccounts.ProvincialTransport.Name);
        other.Registrations.Should().BeEmpty();
    }

    private async Task<AuditorHome> AuditorHomeAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetAuditorHome, AuditorHome>>().HandleAsync(new GetAuditorHome(actor)));
    }
}
