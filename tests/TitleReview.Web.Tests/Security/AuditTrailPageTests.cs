using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Security;

/// <summary>The audit trail's pages (ADR 0053) on the demo with its whole 2023 history.</summary>
public class AuditTrailPageTests
{
    private TitleReviewFactory _factory = null!;
    private HttpClient _office = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _office = await SignedInClientAsync(_factory, "office");
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _office.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task VerifyPage_ForTheOfficeAndTheInspector_WalksTheChainAndSaysItIsIntact()
    {
        using var inspector = await SignedInClientAsync(_factory, "inspector1");

        var office = await _office.GetStringAsync("/Office/AuditLog/Verify");
        var inspected = await inspector.GetAsync("/Office/AuditLog/Verify");

        office.Should().Contain("data-intact=\"true\"").And.Contain("校验通过");
        inspected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await inspected.Content.ReadAsStringAsync()).Should().Contain("校验通过").And.NotContain("handler=Archive", "the inspector sees no archiving form");
    }

    [Test]
    public async Task SearchByPerson_FindsTheApplicantsOwnActions_AndTheOthersActionsOnTheirCase()
    {
        var html = await _office.GetStringAsync("/Office/AuditLog?Person=" + Uri.EscapeDataString("李华"));

        html.Should().Contain("提交申报材料", "李华 submitted her dossier")
            .And.Contain("单位审核通过申报材料", "her auditor's approval concerns her");
    }

    [Test]
    public async Task Export_OfTheFilteredRows_OpensWithChineseHeaders()
    {
        var response = await _office.GetAsync("/Office/AuditLog?handler=Export&Person=" + Uri.EscapeDataString("李华"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Should().NotBeEmpty();
        rows[0].Keys.Should().StartWith(["序号", "时间（北京时间）", "用户名", "姓名", "角色", "单位", "事项", "对象", "结果"]);
        rows.Should().Contain(r => (string)r["事项"] == "提交申报材料");
    }

    [Test]
    public async Task OpeningADossier_ByTheOffice_WritesARowWithWhoAndWhere()
    {
        Guid zhao;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            zhao = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2026 && a.ApplicantName == "赵强" select a.Id).SingleAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Review/{zhao}");
        request.Headers.UserAgent.ParseAdd("AuditTest/1.0");
        (await _office.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var check = _factory.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.RecordOpened && e.SubjectId == zhao.ToString() && e.UserAgent == "AuditTest/1.0")
            .SingleAsync();
        row.Actor.Should().Be("office");
        row.Role.Should().Be("省政工职评办");
        row.SubjectPerson.Should().Be("赵强");
        row.RemoteAddress.Should().Be("127.0.0.1");
        row.OperationName.Should().Be("查阅申报材料");
    }
}
