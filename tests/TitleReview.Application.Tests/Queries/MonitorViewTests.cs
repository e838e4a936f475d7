using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Units;
using TitleReview.Application.Home.GetMonitorView;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Queries;

/// <summary>The monitor page: one query for the years, definitions, units, timeline, counts and the filtered list.</summary>
public class MonitorViewTests : WorkflowTestBase
{
    [Test]
    public async Task GetMonitorView_WithoutAYearOrDefinition_ShowsTheLatestYearsApplications()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));

        var view = await MonitorAsync(new InstanceFilter());

        view.Years.Should().Equal(2024, 2023);
        view.Year.Should().Be(2024);
        view.DefinitionId.Should().Be(ApplicationWorkflow.DefinitionId);
        view.Definitions[0].Id.Should().Be(ApplicationWorkflow.DefinitionId);
        view.Units.Select(u => u.Name).Should().Contain([DemoAccounts.QiannanEnergy.Name, DemoAccounts.ProvincialTransport.Name]);
        view.Timeline!.Year.Should().Be(2024);
        view.Counts!.DefinitionId.Should().Be(ApplicationWorkflow.DefinitionId);
        view.Instances.TotalCount.Should().Be(0);
    }

    [Test]
    public async Task GetMonitorView_WithAYearAndDefinitionNoneHas_FallsBackToTheLatestYearAndTheApplications()
    {
        var view = await MonitorAsync(new InstanceFilter(Year: 1999, DefinitionId: "noSuchDefinition"));

        view.Year.Should().Be(2023);
        view.DefinitionId.Should().Be(ApplicationWorkflow.DefinitionId);
    }

    [Test]
    public async Task GetMonitorView_FilteredByUnit_ListsOnlyThatUnitsInstances()
    {
        var view = await MonitorAsync(new InstanceFilter(2023, UnitRegistrationWorkflow.DefinitionId, UnitId: DemoAccounts.QiannanEnergy.Id));

        view.Counts!.States.Sum(s => s.Count).Should().Be(2, "both demo units registered in 2023");
        view.Instances.Items.Should().ContainSingle().Which.UnitName.Should().Be(DemoAccounts.QiannanEnergy.Name);
    }

    private Task<MonitorView> MonitorAsync(InstanceFilter filter) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetMonitorView, MonitorView>>().HandleAsync(new GetMonitorView(filter, null, 25)));
}
