using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Integrity;

/// <summary>
/// The integrity case pages on the demo: its 2023 history carries 周婷's case, vetoed on Aug 28, 2023
/// with evidence. Tests open cases of their own on 赵强: in 2023 (decided with no finding) and in the
/// current campaign, where his dossier waits for his unit (vetoed).
/// </summary>
public class IntegrityCasePagesTests
{
    /// <summary>The campaign, the year's cases, the year's applications with their states, their units.</summary>
    private const int ListBudget = 5;  // Issue 18: +1, the header's unread count.

    /// <summary>The case with its application, state and year; the units.</summary>
    private const int CasePageBudget = 3;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _zhouCase;
    private Guid _zhao2023;
    private Guid _zhaoNow;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zhao = await (from a in db.TitleApplications
                          join c in db.Campaigns on a.CampaignId equals c.Id
                          where a.ApplicantName == "赵强"
                          select new { a.Id, c.Year }).ToListAsync();
        _zhao2023 = zhao.Single(z => z.Year == DemoCampaigns.HistoryYear).Id;
        _zhaoNow = zhao.Single(z => z.Year == 2026).Id;
        _zhouCase = await db.IntegrityCases.Where(c => c.Outcome == IntegrityOutcome.Veto).Select(c => c.Id).SingleAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ListAndCasePage_ShowTheDemosVetoWithItsEvidence_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var casePath = $"/Office/Integrity/Case?id={_zhouCase}";

        var list = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Integrity?year=2023"));
        var casePage = await _factory.Queries!.MeasureAsync(() => office.GetAsync(casePath));

        list.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ListBudget);
        casePage.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(CasePageBudget);
        var listHtml = await office.GetStringAsync("/Office/Integrity?year=2023");
        listHtml.Should().Contain("已处理（").And.Contain("周婷").And.Contain("一票否决（陈静 2023-08-28 09:00").And.Contain("立案");
        Regex.Match(listHtml, "<select[^>]*name=\"ApplicationId\"[\\s\\S]*?</select>").Value.Should().Contain("李华").And.Contain("赵强");
        var html = await office.GetStringAsync(casePath);
        html.Should().Contain("实名举报信.pdf").And.Contain("《贵州政工研究》编辑部").And.Contain(DemoIntegrityCases.Reasons)
            .And.Contain("一票否决（评审未通过）").And.Contain("至 2026年8月27日").And.Contain("/Office/Workflows/Instance/")
            .And.NotContain("作出处理决定</h2>", "a decided case is final");
        var scanHref = WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/files/integrity/[^\"]+)\"").Groups[1].Value);
        var scan = await office.GetAsync(scanHref);
        scan.StatusCode.Should().Be(HttpStatusCode.OK);
        scan.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var byAuditor = await (await SignedInClientAsync(_factory, "auditor2")).GetAsync(scanHref);
        byAuditor.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect, HttpStatusCode.Found);
        byAuditor.Content.Headers.ContentType?.MediaType.Should().NotBe("application/pdf");
        (await office.GetAsync($"/Office/Integrity/Case?id={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task OpenAddEvidenceAndDecide_ThroughThePages_WithChineseFieldMessages_AndADecidedCaseStaysFinal()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var listPage = await office.GetStringAsync("/Office/Integrity?year=2023");

        var blank = await office.PostAsync("/Office/Integrity?year=2023&handler=Open", Form(listPage, ("ApplicationId", ""), ("Source", ""), ("FirstNote", " ")));
        var unknown = await office.PostAsync("/Office/Integrity?year=2023&handler=Open", Form(listPage, ("ApplicationId", Guid.NewGuid().ToString()), ("Source", "PublicityObjection"), ("FirstNote", "异议")));
        var opened = await office.PostAsync("/Office/Integrity?year=2023&handler=Open", Form(listPage, ("ApplicationId", _zhao2023.ToString()), ("Source", "PublicityObjection"), ("FirstNote", "评审结果公示期间收到异议：其任职年限计算有误。")));

        blank.StatusCode.Should().Be(HttpStatusCode.OK);
        (await blank.Content.ReadAsStringAsync()).Should().Contain("请选择当事申报人（本年度的申报）。").And.Contain("请选择案件来源").And.Contain("请填写情况说明（收到的举报、异议或发现的问题）。");
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("未找到该申报，请从本年度的申报中选择当事申报人。");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var casePath = opened.Headers.Location!.ToString();
        var page = await office.GetStringAsync(casePath);
        page.Should().Contain("公示期间异议").And.Contain("其任职年限计算有误").And.Contain("作出处理决定");

        var note = await office.PostAsync($"{casePath}&handler=Note", Form(page, ("CaseToken", Token(page)), ("Note", "已调取任职文件核对。")));
        note.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await office.GetStringAsync(casePath);
        var upload = await office.PostAsync($"{casePath}&handler=Scan", Scan(page, "任职文件.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")));
        var notAScan = await office.PostAsync($"{casePath}&handler=Scan", Scan(page, "任职文件.pdf", Encoding.UTF8.GetBytes("不是 PDF")));
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await notAScan.Content.ReadAsStringAsync()).Should().Contain("只接受 PDF、JPEG、PNG 文件");

        page = await office.GetStringAsync(casePath);
        page.Should().Contain("已调取任职文件核对。").And.Contain("任职文件.pdf").And.Contain("证据（3 项）");
        var noReason = await office.PostAsync($"{casePath}&handler=Decide", Form(page, ("CaseToken", Token(page)), ("Outcome", "NoFinding"), ("Reasons", " "), ("Ban", "None")));
        var noOutcome = await office.PostAsync($"{casePath}&handler=Decide", Form(page, ("CaseToken", Token(page)), ("Reasons", "查无实据"), ("Ban", "None")));
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("请填写处理决定的理由。");
        (await noOutcome.Content.ReadAsStringAsync()).Should().Contain("请选择处理决定：不予认定、一票否决或撤销职称。");
        Token(await office.GetStringAsync(casePath)).Should().Be(Token(page), "nothing was saved");

        var decided = await office.PostAsync($"{casePath}&handler=Decide", Form(page, ("CaseToken", Token(page)), ("Outcome", "NoFinding"), ("Reasons", "经核对任职文件，任职年限计算无误，异议不成立。"), ("Ban", "None")));
        var again = await office.PostAsync($"{casePath}&handler=Decide", Form(page, ("CaseToken", Token(page)), ("Outcome", "Veto"), ("Reasons", "再次决定"), ("RecordFinding", "true"), ("Ban", "Default")));

        decided.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await again.Content.ReadAsStringAsync()).Should().Contain("刚刚已有变动");
        var after = await office.GetStringAsync(casePath);
        after.Should().Contain("不予认定").And.Contain("异议不成立").And.Contain("已处理").And.NotContain("添加说明");
        (await office.GetStringAsync("/Office/Integrity?year=2023")).Should().Contain("不予认定（陈静");
    }

    [Test]
    public async Task Veto_ThroughTheCasePage_EndsTheCurrentApplicationFailed_AndNamesTheBansEnd()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var listPage = await office.GetStringAsync("/Office/Integrity?year=2026");
        var opened = await office.PostAsync("/Office/Integrity?year=2026&handler=Open", Form(listPage, ("ApplicationId", _zhaoNow.ToString()), ("Source", "OfficeByHand"), ("FirstNote", "收到举报：其学历证书系伪造。")));
        var casePath = opened.Headers.Location!.ToString();
        var page = await office.GetStringAsync(casePath);
        page.Should().Contain("待单位审核").And.Contain("三年（至 2029年6月14日）");

        var vetoed = await office.PostAsync($"{casePath}&handler=Decide", Form(page, ("CaseToken", Token(page)), ("Outcome", "Veto"), ("Reasons", "经向发证学校核实，学历证书系伪造。"), ("RecordFinding", "true"), ("Ban", "Default")));

        vetoed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await office.GetStringAsync(casePath);
        after.Should().Contain("已作出处理决定：赵强一票否决，本次申报评审未通过，禁止申报至 2029年6月14日。")
            .And.Contain("一票否决（评审未通过）").And.Contain("经向发证学校核实，学历证书系伪造。");
        var journal = await office.GetStringAsync(WebUtility.HtmlDecode(Regex.Match(after, "href=\"(/Office/Workflows/Instance/[^\"]+)\"").Groups[1].Value));
        journal.Should().Contain("一票否决（诚信案件）：经向发证学校核实，学历证书系伪造。").And.Contain("陈静");
    }

    [TestCase("auditor1")]
    [TestCase("applicant3")]
    public async Task CasePage_ForAnyoneButTheOffice_IsRefused(string userName)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync($"/Office/Integrity/Case?id={_zhouCase}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/");
    }

    private static string Token(string page) => Regex.Match(page, "name=\"CaseToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));

    private static MultipartFormDataContent Scan(string pageWithToken, string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent(ReadAntiforgeryToken(pageWithToken)), "__RequestVerificationToken" },
            { file, "file", name },
        };
    }
}
