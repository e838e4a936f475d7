using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetApplicantHome;
using TitleReview.Application.Home.GetOfficeHome;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Queries;

/// <summary>The applicant's and the office's home pages, each answered by one query.</summary>
public class HomePageQueryTests : WorkflowTestBase
{
    [Test]
    public async Task GetApplicantHome_WhileFilingIsOpen_OffersTheCampaign_UntilTheApplicantStartsThere()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 1, 9, 0, 0));
        var applicant = await ActorAsync("applicant1");

        var before = await ApplicantHomeAsync("applicant1");
        await StartApplicationAsync("applicant1", completeDossier: false);
        var after = await ApplicantHomeAsync("applicant1");

        before.UnitName.Should().Be(DemoAccounts.QiannanEnergy.Name);
        before.Applications.Should().BeEmpty();
        before.OpenCampaigns.Should().ContainSingle().Which.Should().Match<Campaigns.CampaignWindow>(c =>
            c.Year == 2023 && c.IsOpen && c.OpensAt == Beijing(2023, 8, 1, 0, 0, 0) && c.LastSecond == Beijing(2023, 8, 31, 23, 59, 59));
        after.Applications.Should().ContainSingle().Which.ApplicantName.Should().Be(applicant.Name);
        after.OpenCampaigns.Should().BeEmpty("one application a year");
    }

    [Test]
    public async Task GetApplicantHome_BeforeFilingOpens_OffersNoCampaign()
    {
        var home = await ApplicantHomeAsync("applicant1");

        home.OpenCampaigns.Should().BeEmpty();
    }

    [Test]
    public async Task GetOfficeHome_OnASaturday_SaysItIsADayOff_AndCountsUnitsAccountsAndCampaigns()
    {
        Clock.SetUtcNow(Beijing(2023, 7, 29, 9, 0, 0));

        var home = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetOfficeHome, OfficeHome>>().HandleAsync(new GetOfficeHome()));

        home.Today.Should().Be(new DateOnly(2023, 7, 29));
        home.TodayDescription.Should().Be("休息日");
        home.UnitCount.Should().Be(await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.CountAsync()));
        home.AccountsByRole[Roles.Office].Should().BeGreaterThan(0);
        home.Campaigns.Select(c => c.Year).Should().Equal(2023);
        home.RecentEvents.Count.Should().BeLessThanOrEqualTo(8);
    }

    private async Task<ApplicantHome> ApplicantHomeAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetApplicantHome, ApplicantHome>>().HandleAsync(new GetApplicantHome(actor)));
    }
}
