using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Domain.Campaigns;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Queries;

/// <summary>The registration pages' queries: the public form's window, the printed form, the office's list.</summary>
public class RegistrationPageQueryTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    [Test]
    public async Task GetRegistrationWindow_BeforeDuringAndAfterTheWindow_IsTheCampaignWithItsWindowsStatus()
    {
        var before = await WindowAsync();
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var during = await WindowAsync();
        Clock.SetUtcNow(Beijing(2023, 7, 22, 0, 0, 0));
        var after = await WindowAsync();

        before!.CampaignId.Should().Be(CampaignId);
        before.Status.Should().Be(WindowStatus.Upcoming);
        before.OpensAt.Should().Be(Beijing(2023, 7, 17, 0, 0, 0));
        before.LastSecond.Should().Be(Beijing(2023, 7, 21, 23, 59, 59));
        during!.IsOpen.Should().BeTrue();
        after!.Status.Should().Be(WindowStatus.Closed);
    }

    [Test]
    public async Task RegistrationForm_ByAccessTokenOrByTheOffice_CarriesTheRegistrationWindow_AndAnotherUnitsAuditorFindsNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
        var office = await ActorAsync("office");
        var stranger = await ActorAsync("auditor2");

        var byToken = await InScopeAsync(sp => sp.GetRequiredService<IHandler<FindRegistrationForm, RegistrationForm>>()
            .HandleAsync(new FindRegistrationForm(receipt.AccessToken)));
        var byOffice = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationForm, RegistrationForm>>()
            .HandleAsync(new GetRegistrationForm(receipt.RegistrationId, office)));

        byToken.Detail.Number.Should().Be(receipt.Number);
        byToken.Window.OpensAt.Should().Be(Beijing(2023, 7, 17, 0, 0, 0));
        byToken.Window.LastSecond.Should().Be(Beijing(2023, 7, 21, 23, 59, 59));
        byOffice.Window.Should().Be(byToken.Window);
        var other = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationForm, RegistrationForm>>()
            .HandleAsync(new GetRegistrationForm(receipt.RegistrationId, stranger)));
        await other.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task GetRegistrationsView_ListsTheYearsTheStatesAndTheRegistrationsOfTheFilter()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");

        var all = await RegistrationsAsync(new GetRegistrationsView());
        var otherYear = await RegistrationsAsync(new GetRegistrationsView(Year: 2022));

        all.Years.Should().Equal(2023);
        all.States.Should().NotBeEmpty();
        all.Rows.Should().ContainSingle().Which.Number.Should().Be(receipt.Number);
        otherYear.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task GetRegistrationView_BeforeAndAfterApproval_ShowsTheAuditorsAccountOnlyOnceCreated()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 18, 9, 0, 0));
        var receipt = await RegisterUnitAsync(DemoAccounts.QiannanEnergy, "王敏", "13800000101");
        var office = await ActorAsync("office");

        var before = await RegistrationViewAsync(receipt.RegistrationId, office);
        await ApproveAsync(receipt);
        var after = await RegistrationViewAsync(receipt.RegistrationId, office);

        before.Detail.Number.Should().Be(receipt.Number);
        before.Account.Should().BeNull();
        after.Account.Should().NotBeNull();
        after.Account!.UserId.Should().Be(after.Detail.AuditorUserId);
    }

    private Task<RegistrationView> RegistrationViewAsync(Guid registrationId, Domain.Workflows.WorkflowActor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationView, RegistrationView>>().HandleAsync(new GetRegistrationView(registrationId, actor)));

    private Task<CampaignWindow?> WindowAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationWindow, CampaignWindow?>>().HandleAsync(new GetRegistrationWindow()));

    private Task<RegistrationsView> RegistrationsAsync(GetRegistrationsView query) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRegistrationsView, RegistrationsView>>().HandleAsync(query));
}
