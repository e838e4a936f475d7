using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using TitleReview.Application.Applications.Certificates;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Certificates;

/// <summary>
/// The certificates' pages on the demo's 2023 history: the office issued 李华's (黔政工2023Z0001) and
/// 赵强's (黔政工2023G0001) certificates on Dec 25, 2023 and both units collected them on Dec 28.
/// </summary>
public class CertificatePagesTests
{
    /// <summary>The public verification: the certificate by its code. Nothing else: no session, no campaign.</summary>
    private const int VerificationBudget = 1;

    /// <summary>证书管理: the years, the campaign, the passed candidates, the certificates with their collection days, the collections, the numberings, the results publicity's first day, the units.</summary>
    private const int OfficePageBudget = 9;  // Issue 18: +1, the header's unread count.

    /// <summary>The unit's page: the years, the campaign, its certificates with their collection days, its collections.</summary>
    private const int AuditorPageBudget = 5;  // Issue 18: +1, the header's unread count.

    /// <summary>The print of a unit's certificates: the campaign, the layout, the certificates, their envelopes' check-ins with their items.</summary>
    private const int PrintBudget = 5;  // Issue 18: +1, the header's unread count.

    private static readonly string[] FullIdNumbers = ["522701198803150219", "520103198509102011"];

    private TitleReviewFactory _factory = null!;
    private string _liCode = string.Empty;
    private Guid _zhaoApplication;
    private string _zhaoCode = string.Empty;
    private Guid _qiannan;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(
            clock: new FakeTimeProvider(BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0))),
            settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" },
            countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var li = certificates.Single(c => c.ApplicantName == "李华");
        var zhao = certificates.Single(c => c.ApplicantName == "赵强");
        (_liCode, _qiannan) = (li.VerificationCode, li.UnitId);
        (_zhaoCode, _zhaoApplication) = (zhao.VerificationCode, zhao.ApplicationId);
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Verification_OfARealCode_ShowsValid_WithoutTheFullIdNumber_WithinBudget()
    {
        var anonymous = Anonymous();

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync($"/Certificate/{_liCode}"));
        var page = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/Certificate/{_liCode}")).Content.ReadAsStringAsync());

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(VerificationBudget);
        page.Should().Contain("有效").And.Contain("李华").And.Contain("政工师").And.Contain("2023 年度").And.Contain("黔政工2023Z0001")
            .And.Contain("黔南能源集团有限公司").And.Contain("522701********0219");
        page.Should().NotContain("已撤销");
        foreach (var id in FullIdNumbers)
        {
            page.Should().NotContain(id);
        }
    }

    [Test]
    public async Task Verification_ByTheForm_FindsTheCode()
    {
        var response = await Anonymous().GetAsync($"/Certificate?code={_liCode.ToLowerInvariant()}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("黔政工2023Z0001").And.Contain("有效");
    }

    [TestCase("ABCDEFGHJKLMNPQRSTUV")]
    [TestCase("黔政工2023Z0001")]
    public async Task Verification_OfAMadeUpCode_Is404_WithAFriendlyPage(string code)
    {
        var response = await Anonymous().GetAsync($"/Certificate/{Uri.EscapeDataString(code)}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("未查到该证书");
    }

    [Test]
    public async Task Verification_OfARevokedCertificate_ShowsRevokedWithTheDate()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var office = new WorkflowActor("office-test", "陈静", [Domain.Identity.Roles.Office]);
            (await scope.ServiceProvider.GetRequiredService<ICertificateRevocation>().RevokeAsync(_zhaoApplication, "以虚假材料取得资格", office)).Should().Be("黔政工2023G0001");
            await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().SaveChangesAsync();
        }

        var page = WebUtility.HtmlDecode(await (await Anonymous().GetAsync($"/Certificate/{_zhaoCode}")).Content.ReadAsStringAsync());

        page.Should().Contain("已撤销（2026年6月15日撤销）").And.Contain("赵强").And.NotContain("520103198509102011");
    }

    [Test]
    public async Task OfficePage_ListsTheYearsCertificates_Masked_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Certificates?year=2023"));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Certificates?year=2023"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        page.Should().Contain("黔政工2023Z0001").And.Contain("黔政工2023G0001").And.Contain("已领取（2023-12-28）").And.Contain("纸质材料已领回");
        foreach (var id in FullIdNumbers)
        {
            page.Should().NotContain(id);
        }
    }

    [Test]
    public async Task AuditorPage_ShowsTheUnitsCertificatesCollected_Masked_WithinBudget()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var measured = await _factory.Queries!.MeasureAsync(() => auditor.GetAsync("/Auditor/Certificates?year=2023"));
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Auditor/Certificates?year=2023"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(AuditorPageBudget);
        page.Should().Contain("李华").And.Contain("黔政工2023Z0001").And.Contain("已领取（2023-12-28）").And.Contain("522701********0219");
        page.Should().NotContain("赵强", "another unit's certificate");
        foreach (var id in FullIdNumbers)
        {
            page.Should().NotContain(id);
        }
    }

    [Test]
    public async Task PrintView_PlacesTheFieldsInMm_WithTheFullIdNumber_TheQrCode_AndThePhotoCheck_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Certificates/Print?year=2023&unitId={_qiannan}";

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(path));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PrintBudget);
        page.Should().Contain("@page { size: 297mm 210mm").And.Contain("left:40mm;top:50mm;font-size:16pt");
        page.Should().Contain("522701198803150219", "the office prints the full number onto the certificate");
        page.Should().Contain("<svg").And.Contain($"/Certificate/{_liCode}");
        page.Should().Contain("照片已核对", "the demo's paper intake received 李华's photo");
    }

    [Test]
    public async Task Export_ReadsBackWithTheChineseHeaders()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var response = await office.GetAsync("/Office/Certificates?handler=Export&year=2023");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0].Keys.Should().Equal("证书编号", "姓名", "身份证号码", "工作单位", "资格名称", "级别", "发证日期", "评审委员会", "状态");
        rows.Select(r => $"{r["证书编号"]}|{r["姓名"]}|{r["身份证号码"]}|{r["级别"]}").Should().Contain(
            ["黔政工2023G0001|赵强|520103198509102011|副高级", "黔政工2023Z0001|李华|522701198803150219|中级"]);
    }

    [Test]
    public async Task Pages_ForTheWrongRole_AreRefused()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var response = await auditor.GetAsync("/Office/Certificates?year=2023");

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    private HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
}
