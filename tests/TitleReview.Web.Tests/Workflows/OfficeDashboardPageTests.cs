using System.Net;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Tests.Fixtures;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Workflows;

/// <summary>The office's dashboard and timeline page show a campaign's own stages, as many as are open.</summary>
public class OfficeDashboardPageTests
{
    [Test]
    public async Task Dashboard_OnAugust1_ShowsFilingAndUnitPublicityOpen_AndPaperDeliveryNext()
    {
        using var factory = new TitleReviewFactory(clock: new FakeTimeProvider(BeijingTime.FromBeijing(new DateTime(2023, 8, 1, 10, 0, 0))));
        var office = await SignedInClientAsync(factory, "office");
        await CreateFromFileAsync(office, 2023);

        var dashboard = await office.GetStringAsync("/Office");

        dashboard.Should().Contain("申报人填报与单位审核（2023-08-01 00:00:00 至 2023-08-31 23:59:59）")
            .And.Contain("单位公示及报送电子材料（2023-08-01 00:00:00 至 2023-09-08 23:59:59）")
            .And.Contain("报送纸质申报材料（2023-09-04 00:00:00 开始）");
    }

    [Test]
    public async Task StageAddedByANewDefinitionVersionAndTimeline_ShowsOnTheDashboardAndTheTimelinePage()
    {
        using var workflows = new WorkflowsFolderCopy();
        workflows.PublishDefinition("campaign.v3.json");
        workflows.AddTimeline("2024.json");
        using var factory = new TitleReviewFactory(
            clock: new FakeTimeProvider(BeijingTime.FromBeijing(new DateTime(2024, 12, 17, 10, 0, 0))),
            settings: new Dictionary<string, string?> { [StoragePaths.WorkflowsFolderKey] = workflows.Path });
        var office = await SignedInClientAsync(factory, "office");
        await CreateFromFileAsync(office, 2024);

        var dashboard = await office.GetStringAsync("/Office");
        dashboard.Should().Contain("公布评审结果（2024-12-11 00:00:00 至 2024-12-22 23:59:59）")
            .And.Contain("评审结果反馈（2024-12-16 00:00:00 至 2024-12-20 23:59:59）")
            .And.Contain("证件办理（2024-12-25 00:00:00 开始）");

        var timeline = await office.GetStringAsync("/Office/Campaigns/Timeline?year=2024");
        timeline.Should().Contain("data-stage=\"resultsFeedback\"").And.Contain("在“公布评审结果”期间内");
    }

    private static async Task CreateFromFileAsync(HttpClient office, int year)
    {
        var page = await office.GetStringAsync("/Office/Campaigns");
        var created = await office.PostAsync("/Office/Campaigns?handler=FromFile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fileYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        }));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, $"the {year} campaign is created from workflows/timelines/{year}.json");
    }
}
