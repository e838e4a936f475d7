using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Committee;

/// <summary>
/// The office's expert and committee pages through the real pipeline, on the demo: the six demo
/// experts got their profiles on Nov 13, 2023 and sit on the 2023 committee (罗建国 of 黔南能源集团
/// recused from 李华); the current campaign has no committee yet.
/// </summary>
public class CommitteeFormingPageTests
{
    /// <summary>评审专家: the session's, the Expert accounts, the profiles.</summary>
    private const int ExpertsPageBudget = 5;  // Issue 18: +1, the header's unread count.

    /// <summary>评审委员会: the session's, the years, the campaign, the committee, experts, pledges, the recusals (experts, declarations, candidates, units), the recusals' candidates and units, the campaign's instance, its journal.</summary>
    private const int CommitteePageBudget = 16;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() =>
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ExpertsPage_ForTheOffice_ListsTheExpertsMasked_WithinABudgetThatDoesNotGrowWithExperts()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Experts"));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Experts"));
        await CreateExpertAsync(office, "钱思远", "13600000011");
        await CreateExpertAsync(office, "赵一鸣", "13600000012");
        var more = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Experts"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ExpertsPageBudget);
        more.Should().NotGrowFrom(measured);
        page.Should().Contain("孙文博").And.Contain("黔中师范大学马克思主义学院").And.Contain("137****0301").And.Contain("黔南能源集团有限公司（已登记单位）");
        page.Should().NotContain("13700000301");
    }

    [Test]
    public async Task CreateExpert_WithBadInput_ShowsChineseFieldMessages_AndCreatesNoAccount()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var users = await CountUsersAsync();

        var response = await PostAsync(office, "/Office/Experts/Edit", new()
        {
            ["Input.Name"] = "",
            ["Input.UnitId"] = "not-a-guid",
            ["Input.Organisation"] = "",
            ["Input.ProfessionalTitle"] = "教授",
            ["Input.Field"] = "思想政治教育",
            ["Input.Mobile"] = "12345",
            ["Input.Email"] = "bad",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("所选单位不存在，请重新选择或直接填写工作单位。");
        (await CountUsersAsync()).Should().Be(users);

        response = await PostAsync(office, "/Office/Experts/Edit", new()
        {
            ["Input.Name"] = "",
            ["Input.Organisation"] = "",
            ["Input.ProfessionalTitle"] = "教授",
            ["Input.Field"] = "思想政治教育",
            ["Input.Mobile"] = "12345",
            ["Input.Email"] = "bad",
        });
        page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("请填写姓名。").And.Contain("请填写工作单位。").And.Contain("电子邮箱格式不正确");
        (await CountUsersAsync()).Should().Be(users);
    }

    [Test]
    public async Task CreateExpert_WithAFullProfile_RedirectsToTheList_WithoutShowingTheLink()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await CreateExpertAsync(office, "孔令仪", "13600000021");
        var list = WebUtility.HtmlDecode(await office.GetStringAsync(response.Headers.Location!.ToString()));

        list.Should().Contain("已新增评审专家孔令仪，设置密码链接已发送至").And.Contain("孔令仪").And.NotContain("token=");
    }

    [Test]
    public async Task Pages_ForAnApplicantAnAuditorAndAnExpert_AreRefused()
    {
        foreach (var userName in new[] { "applicant1", "auditor1", "expert1" })
        {
            var client = await SignedInClientAsync(_factory, userName);
            foreach (var path in new[] { "/Office/Experts", "/Office/Experts/Edit", "/Office/Committee" })
            {
                var response = await client.GetAsync(path);
                response.StatusCode.Should().BeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found], $"{userName} may not open {path}");
            }
        }
    }

    [Test]
    public async Task CommitteePage_For2023_ShowsTheMembersRecusalsAndQuorum_RefusesReforming_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Committee?year=2023"));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee?year=2023"));
        var text = Regex.Replace(Regex.Replace(page, "<[^>]+>", string.Empty), @"\s+", string.Empty);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(CommitteePageBudget);
        text.Should().Contain("2023年度贵州省政工专业职务任职资格评审委员会").And.Contain("主任委员孙文博").And.Contain("李华（黔南能源集团有限公司）：本人所在单位");
        text.Should().Contain("2023年度答辩及评审已经结束，评审委员会不能再调整。").And.Contain("高级政工师6人4人（2/3）");
        page.Should().NotContain("committee-form-button");
    }

    [Test]
    public async Task CommitteePage_ForTheCurrentYear_FormsTheCommittee_AndBadTermsStayBesideTheirFields()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var form = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee?year=2026"));
        var seats = Regex.Matches(form, "name=\"(Seats\\[\\d+\\]\\.ExpertId)\" value=\"([^\"]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var fields = new Dictionary<string, string> { ["Name"] = "2026年度评审委员会" };
        foreach (var (name, value) in seats)
        {
            fields[name] = value;
            fields[name.Replace("ExpertId", "Role")] = fields.Count == 2 ? "Chair" : "Member";
        }

        var formed = await PostAsync(office, "/Office/Committee?handler=Form&year=2026", fields);
        var badTerms = await PostAsync(office, "/Office/Committee?handler=Terms&year=2026", new()
        {
            ["Terms.QuorumNumerator"] = "abc",
            ["Terms.QuorumDenominator"] = "3",
            ["Terms.PassNumerator"] = "1",
            ["Terms.PassDenominator"] = "3",
            ["Terms.DefenseNoticeDays"] = "7",
            ["Terms.ResultsPublicityWorkingDays"] = "5",
        });
        var badPage = WebUtility.HtmlDecode(await badTerms.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Committee?year=2026"));

        seats.Should().NotBeEmpty();
        formed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().Contain("2026年度评审委员会").And.Contain("组建“2026年度评审委员会”");
        badTerms.StatusCode.Should().Be(HttpStatusCode.OK);
        badPage.Should().Contain("请填写整数。");
    }

    private async Task<HttpResponseMessage> CreateExpertAsync(HttpClient office, string name, string mobile)
    {
        var response = await PostAsync(office, "/Office/Experts/Edit", new()
        {
            ["Input.Name"] = name,
            ["Input.Organisation"] = "黔中师范大学",
            ["Input.ProfessionalTitle"] = "教授",
            ["Input.Field"] = "思想政治教育",
            ["Input.Mobile"] = mobile,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        return response;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = path.Split('?')[0];
        var token = await GetAntiforgeryTokenAsync(client, page.EndsWith("/Committee", StringComparison.Ordinal) ? $"{page}?year=2026" : page);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<int> CountUsersAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }
}
