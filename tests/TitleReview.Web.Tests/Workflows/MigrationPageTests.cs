using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>The office previews a version migration in the monitor and runs it; the monitor names use-case steps instead of firing them.</summary>
public class MigrationPageTests
{
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _ = _factory.Services;
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task TheOffice_PreviewsAndMigratesACaseLeftOnAnOlderVersion()
    {
        var office = await SignedInClientAsync(_factory, "office");
        (await office.GetStringAsync("/Office/Workflows/Migrations?definition=application&version=4")).Should().Contain("没有需要迁移的运行中实例");

        var legacy = await WithDbAsync(async db =>
        {
            var year = BeijingTime.Today(TimeProvider.System).Year;
            var id = await (from i in db.WorkflowInstances join c in db.Campaigns on i.CampaignId equals c.Id where c.Year == year && i.SubjectType == "Application" select i.Id).FirstAsync();
            await db.WorkflowInstances.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.DefinitionVersion, 3));
            return id;
        });

        var page = await office.GetStringAsync("/Office/Workflows/Migrations?definition=application&version=4");
        page.Should().Contain("id=\"migration-preview\"").And.Contain("第 3 版").And.Contain("迁移以上 1 个实例");

        var stale = await office.PostAsync("/Office/Workflows/Migrations?definition=application&version=4", Form(page, ("expectedTotal", "2")));
        stale.StatusCode.Should().NotBe(HttpStatusCode.Redirect);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("请重新预览后再执行");
        (await WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == legacy).Select(i => i.DefinitionVersion).SingleAsync())).Should().Be(3);

        var run = await office.PostAsync("/Office/Workflows/Migrations?definition=application&version=4", Form(page, ("expectedTotal", "1")));
        run.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await office.GetStringAsync(run.Headers.Location!.OriginalString);
        after.Should().Contain("已迁移 1 个流程实例至第 4 版").And.Contain("没有需要迁移的运行中实例");
        (await WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == legacy).Select(i => i.DefinitionVersion).SingleAsync())).Should().Be(4);
        (await office.GetStringAsync($"/Office/Workflows/Instance/{legacy}")).Should().Contain("迁移到新版本");

        var auditor = await SignedInClientAsync(_factory, "auditor1");
        (await auditor.GetAsync("/Office/Workflows/Migrations")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task TheInstancePage_NamesWhereAUseCaseStepIsDone_AndOffersNoButtonForIt()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var registration = await WithDbAsync(async db =>
        {
            var id = await db.WorkflowInstances.Where(i => i.SubjectType == "UnitRegistration").Select(i => i.Id).FirstAsync();
            await db.WorkflowInstances.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "Registered").SetProperty(i => i.Status, TitleReview.Domain.Workflows.WorkflowStatus.Running));
            return id;
        });

        var page = await office.GetStringAsync($"/Office/Workflows/Instance/{registration}");

        page.Should().Contain("“审核通过”须在单位报送审核页面").And.NotContain("value=\"approve\"").And.NotContain("value=\"reject\"");
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = _factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));
}
