using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Queries;

/// <summary>
/// The monitor's counts and list read a year in two parts, each on its own index (ADR 0027);
/// these hold them to the one-predicate year filter they replaced, over instances of two
/// campaigns, of no campaign on both sides of the years' Beijing midnight, with ties in the order.
/// </summary>
public class MonitorQueryShapeTests : WorkflowTestBase
{
    private static readonly string[] States = ["Draft", "Submitted", "Returned", "UnitApproved", "Passed", "Failed"];
    private static readonly string[] Levels = ["Assistant", "Intermediate", "Senior"];
    private static readonly int[] Years = [2022, 2023, 2024, 2025, 1999];

    [SetUp]
    public async Task AddInstancesAsync()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var campaigns = await db.Campaigns.Select(c => (Guid?)c.Id).ToListAsync();
            Guid?[] owners = [.. campaigns, null, null];
            Guid?[] units = [DemoAccounts.QiannanEnergy.Id, DemoAccounts.ProvincialTransport.Id, null];
            var random = new Random(12);
            var newYear2024 = BeijingTime.StartOfDay(new DateOnly(2024, 1, 1));
            for (var n = 0; n < 240; n++)
            {
                var created = newYear2024.AddHours(random.Next(-24 * 400, 24 * 400)).AddSeconds(random.Next(-1, 2));
                var instance = WorkflowInstance.Start(
                    Guid.NewGuid(),
                    n % 4 == 0 ? UnitRegistrationWorkflow.DefinitionId : ApplicationWorkflow.DefinitionId,
                    1,
                    "Draft",
                    new WorkflowSubject("test", Guid.NewGuid(), $"案例 {n}", owners[n % owners.Length], units[n % units.Length], $"user-{n}", Levels[n % Levels.Length]),
                    created);
                var state = States[random.Next(States.Length)];
                // A few share one update time, so the order's tie-break on the id shows.
                instance.EnterState(state, state is "Passed" or "Failed", n % 10 == 0 ? newYear2024 : created.AddHours(random.Next(0, 2000)));
                if (n % 7 == 0)
                {
                    instance.RecordIncident(instance.UpdatedAt);
                }

                db.WorkflowInstances.Add(instance);
                if (n % 7 == 0)
                {
                    db.WorkflowIncidents.Add(WorkflowIncident.Open(instance.Id, null, "submit", "故障", instance.UpdatedAt));
                }
            }

            await db.SaveChangesAsync();
        });
    }

    [Test]
    public async Task GetStateCounts_ForEveryYearAndDefinition_CountsAsTheOnePredicateYearFilter()
    {
        foreach (var year in Years)
        {
            foreach (var definitionId in new[] { ApplicationWorkflow.DefinitionId, UnitRegistrationWorkflow.DefinitionId })
            {
                var counts = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetStateCounts, StateCountsDto>>().HandleAsync(new GetStateCounts(year, definitionId)));
                var expected = await InScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<IApplicationDbContext>();
                    return await MonitorYear.Of(db, db.WorkflowInstances.AsNoTracking(), year)
                        .Where(i => i.DefinitionId == definitionId)
                        .Select(i => new { i.State, i.Status, i.SubStatus })
                        .ToListAsync();
                });

                counts.States.Where(s => s.Count > 0).ToDictionary(s => s.State, s => s.Count)
                    .Should().BeEquivalentTo(expected.GroupBy(e => e.State).ToDictionary(g => g.Key, g => g.Count()), $"{year} {definitionId}");
                counts.Running.Should().Be(expected.Count(e => e.Status == WorkflowStatus.Running));
                counts.Finished.Should().Be(expected.Count(e => e.Status == WorkflowStatus.Finished));
                counts.Faulted.Should().Be(expected.Count(e => e.SubStatus == WorkflowSubStatus.Faulted));
            }
        }

        (await CountAsync(2023)).Should().BeGreaterThan(0);
        (await CountAsync(2024)).Should().BeGreaterThan(0);
    }

    [Test]
    public async Task ListInstances_ForEachFilterAndPage_ListsAsTheOnePredicateYearFilterInItsOrder()
    {
        InstanceFilter[] filters =
        [
            new(),
            new(Year: 2023),
            new(Year: 2024),
            new(Year: 2025),
            new(Year: 1999),
            new(Year: 2024, DefinitionId: ApplicationWorkflow.DefinitionId),
            new(Year: 2024, DefinitionId: ApplicationWorkflow.DefinitionId, State: "Draft"),
            new(Year: 2023, Status: WorkflowStatus.Finished),
            new(Year: 2024, UnitId: DemoAccounts.QiannanEnergy.Id),
            new(Year: 2024, Level: "Senior"),
            new(Year: 2023, HasIncidents: true),
            new(Year: 2024, HasIncidents: false),
            new(Year: 2024, WaitingLongerThanDays: 30),
            new(DefinitionId: UnitRegistrationWorkflow.DefinitionId, State: "Passed"),
        ];

        foreach (var filter in filters)
        {
            foreach (var page in new[] { 1, 2, 5 })
            {
                var list = await ListAsync(filter, page, 7);
                var expected = await InScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<IApplicationDbContext>();
                    var query = InstanceFilters.Apply(db.WorkflowInstances.AsNoTracking(), filter, db, Clock.GetUtcNow());
                    return (Total: await query.CountAsync(), Ids: await query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id).Skip((page - 1) * 7).Take(7).Select(i => i.Id).ToListAsync());
                });

                list.TotalCount.Should().Be(expected.Total, $"{filter} page {page}");
                list.Items.Select(i => i.Id).Should().Equal(expected.Ids, $"{filter} page {page}");
            }
        }
    }

    [Test]
    public async Task ListInstances_ForAYear_ShowsEachInstancesUnitAndCampaignYear()
    {
        var list = await ListAsync(new InstanceFilter(Year: 2024, UnitId: DemoAccounts.ProvincialTransport.Id), 1, 200);

        list.Items.Should().NotBeEmpty().And.OnlyContain(i => i.UnitName == DemoAccounts.ProvincialTransport.Name);
        list.Items.Should().OnlyContain(i => i.Year == null || i.Year == 2024);
    }

    private Task<int> CountAsync(int year) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<IHandler<GetStateCounts, StateCountsDto>>()
            .HandleAsync(new GetStateCounts(year, ApplicationWorkflow.DefinitionId))).States.Sum(s => s.Count));

    private Task<PagedList<InstanceListItem>> ListAsync(InstanceFilter filter, int page, int pageSize) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<ListInstances, PagedList<InstanceListItem>>>().HandleAsync(new ListInstances(
            filter.Year, filter.DefinitionId, filter.State, filter.Status, filter.UnitId, filter.Level, filter.HasIncidents, filter.WaitingLongerThanDays, page, pageSize)));
}
