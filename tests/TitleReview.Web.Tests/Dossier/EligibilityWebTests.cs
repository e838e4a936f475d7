using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Dossier;

/// <summary>
/// The eligibility conditions in the browser's pages, on the demo campaigns: 李华 (applicant1)
/// states her education on her dossier; 赵强 (applicant3) waits for auditor2, who sees the
/// conditions on the review page.
/// </summary>
public partial class EligibilityWebTests
{
    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;
    private int _year;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _year = Domain.Time.BeijingTime.Today(TimeProvider.System).Year;
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == _year
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        _li = ids.Single(i => i.ApplicantName == "李华").Id;
        _zhao = ids.Single(i => i.ApplicantName == "赵强").Id;
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [TestCase("abc", "毕业年份须填写四位数字，如 2005。", TestName = "SavePersonal_WithAGraduationYearNotANumber_ShowsTheFieldMessage_AndSavesNothing")]
    [TestCase("1890", "毕业年份应在 1950 年至", TestName = "SavePersonal_WithAGraduationYearBefore1950_ShowsTheFieldMessage_AndSavesNothing")]
    public async Task SavePersonal_WithABadGraduationYear(string graduationYear, string message)
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        var response = await PostPersonalAsync(client, graduationYear, "党委工作部部长");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldError(html, "graduationYear").Should().StartWith(message);
        (await StatedAsync()).Should().Be(("党群工作部副部长", EducationDegree.Bachelor, 2010), "a refused form changes nothing");
    }

    [Test]
    public async Task SavePersonal_WithTheEducation_SavesIt_AndShowsItAgain()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        var response = await PostPersonalAsync(client, "2012", "党群工作部副部长");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatedAsync()).Should().Be(("党群工作部副部长", EducationDegree.Master, 2012));
        var page = await client.GetStringAsync($"/Applicant/Dossier/{_li}/personal");
        page.Should().Contain("<option value=\"Master\" selected=\"selected\">");
    }

    [Test]
    public async Task ReviewPage_ShowsEachConditionWithItsNumbers_EducationAwaitingTheTick()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Review/{_zhao}"));

        var panel = Regex.Match(html, "<section class=\"panel\" aria-labelledby=\"eligibility-title\" id=\"eligibility\">.*?</section>", RegexOptions.Singleline).Value;
        panel.Should().Contain("<h2 id=\"eligibility-title\">申报条件</h2>");
        Regex.Matches(panel, "<tr data-rule=").Should().HaveCount(8);
        panel.Should().Contain("data-rule=\"TenureInCurrentTitleRule\" data-met=\"true\"").And.Contain("要求满 5 年");
        panel.Should().Contain("data-rule=\"EducationVerifiedRule\" data-met=\"false\"").And.Contain("硕士研究生，贵州大学，2009 年毕业；待单位核实");
        html.Should().Contain("data-key=\"degree\"", "the auditor ticks 学历已核实 in the checklist");
    }

    private async Task<HttpResponseMessage> PostPersonalAsync(HttpClient client, string graduationYear, string post)
    {
        var path = $"/Applicant/Dossier/{_li}/personal";
        var html = await client.GetStringAsync(path);
        return await client.PostAsync($"{path}?handler=Personal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(html),
            ["dossierToken"] = DossierToken().Match(html).Groups[1].Value,
            ["evaluationType"] = "Regular",
            ["currentTitle"] = "助理政工师",
            ["currentTitleLevel"] = "Assistant",
            ["currentTitleDate"] = "2018-07-01",
            ["currentPost"] = post,
            ["educationDegree"] = "Master",
            ["educationSchool"] = "贵州师范大学",
            ["graduationYear"] = graduationYear,
        }));
    }

    private async Task<(string? Post, EducationDegree? Degree, int? Year)> StatedAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var application = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TitleApplications.AsNoTracking().SingleAsync(a => a.Id == _li);
        return (application.CurrentPost, application.EducationDegree, application.GraduationYear);
    }

    private static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"id=\"{field}\"[^>]*/><span class=\"field-error\"><span[^>]*>([^<]*)</span>");
        match.Success.Should().BeTrue($"the field {field} shows its own message");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"dossierToken\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex DossierToken();
}
