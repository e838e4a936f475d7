using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Documents;

/// <summary>The review form's opinions in the demo's 2023 history: typed by each unit's auditor on 6 September, before submission.</summary>
public class ReviewFormOpinionsPageTests
{
    private const string UnitOpinion = "该同志政治立场坚定，长期从事企业思想政治工作，业绩突出，申报材料真实完整，经单位公示无异议，同意推荐。";

    private TitleReviewFactory _factory = null!;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _zhao = await (from a in db.TitleApplications
                       join c in db.Campaigns on a.CampaignId equals c.Id
                       where c.Year == 2023 && a.ApplicantName == "赵强"
                       select a.Id).SingleAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ReviewForm_PrintsBothOpinionsInTheirBoxes_WithTheSealLines()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");

        var html = await auditor.GetStringAsync($"/Documents/{_zhao}/review-form");

        html.Should().Contain($"<div class=\"opinion-box\" id=\"rf-unit-opinion\">{UnitOpinion}</div>");
        html.Should().Contain("<div class=\"opinion-box\" id=\"rf-department-opinion\">经审核，该同志情况属实，同意推荐。</div>");
        html.Should().Contain("（单位盖章）").And.Contain("盖章）　　　　年　　月　　日");
    }

    [Test]
    public async Task ReviewPage_ForTheOffice_ShowsTheOpinionsReadOnly()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync($"/Review/{_zhao}");

        html.Should().Contain("id=\"opinions-saved\"").And.Contain(UnitOpinion).And.Contain("经审核，该同志情况属实，同意推荐。");
        html.Should().NotContain("handler=Opinions");
    }

    [Test]
    public async Task SaveOpinions_WithBlankText_ShowsFieldMessagesAndChangesNothing()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var token = ReadAntiforgeryToken(await auditor.GetStringAsync($"/Review/{_zhao}"));

        var response = await auditor.PostAsync($"/Review/{_zhao}?handler=Opinions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UnitOpinion"] = "   ",
            ["DepartmentOpinion"] = new string('好', 501),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("请填写单位推荐意见（对申报人的评价和推荐意见）。").And.Contain("主管部门意见不能超过 500 个字。");
        (await auditor.GetStringAsync($"/Documents/{_zhao}/review-form")).Should().Contain(UnitOpinion);
    }

    [Test]
    public async Task SaveOpinions_OnceSubmittedToTheOffice_IsRefusedWithItsReason()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var token = ReadAntiforgeryToken(await auditor.GetStringAsync($"/Review/{_zhao}"));

        var response = await auditor.PostAsync($"/Review/{_zhao}?handler=Opinions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UnitOpinion"] = "改写的推荐意见",
            ["DepartmentOpinion"] = "改写的主管部门意见",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("材料已报送省政工职评办，不能再修改评审表意见。");
        (await auditor.GetStringAsync($"/Documents/{_zhao}/review-form")).Should().Contain(UnitOpinion).And.NotContain("改写的推荐意见");
    }

    [TestCase("applicant3")]
    [TestCase("auditor1")]
    public async Task SaveOpinions_ByTheApplicantOrAnotherUnit_ChangesNothing(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);
        var token = ReadAntiforgeryToken(await client.GetStringAsync(userName.StartsWith("auditor", StringComparison.Ordinal) ? "/Auditor" : "/Applicant"));

        var response = await client.PostAsync($"/Review/{_zhao}?handler=Opinions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UnitOpinion"] = "冒充的意见",
            ["DepartmentOpinion"] = "冒充的意见",
        }));

        response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        var office = await SignedInClientAsync(_factory, "office");
        (await office.GetStringAsync($"/Review/{_zhao}")).Should().NotContain("冒充的意见");
    }

    [Test]
    public async Task ReviewPage_WithOpinions_StaysWithinTheReviewBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measurement = await _factory.Queries!.MeasureAsync(() => office.GetAsync($"/Review/{_zhao}"));

        measurement.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(13);  // Issue 18: +1, the header's unread count; +2, the office opening the dossier writes its audit row (ADR 0053).
    }
}
