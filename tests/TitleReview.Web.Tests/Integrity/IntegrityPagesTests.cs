using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Integrity;

/// <summary>
/// The integrity record, the negative list and the marks, through the real pipeline on the demo:
/// 孟凡星 (invented) is banned to Dec 19 2027; 铜仁示范建材有限公司 was on the published list for 2024.
/// </summary>
public partial class IntegrityPagesTests
{
    /// <summary>The session's, the record's entries, the units for the form.</summary>
    private const int RecordPageBudget = 4;  // Issue 18: +1, the header's unread count.

    /// <summary>The session's, the listings, the units for the form.</summary>
    private const int NegativeListPageBudget = 4;  // Issue 18: +1, the header's unread count.

    /// <summary>The published listings: one command.</summary>
    private const int PublicPageBudget = 1;

    private const string BannedIdNumber = "52060219790512311X";

    /// <summary>李华 (applicant1).</summary>
    private const string LiIdNumber = "522701198803150219";

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == DemoCampaigns.HistoryYear
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        _li = ids.Single(i => i.ApplicantName == "李华").Id;
        _zhao = ids.Single(i => i.ApplicantName == "赵强").Id;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Record_SearchedByNameOrIdNumber_ShowsTheDemoPersonsFindingAndBan_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = $"/Office/Integrity/Record?q={Uri.EscapeDataString("孟凡星")}";
        await office.GetStringAsync(path);

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(path));
        var byNumber = WebUtility.HtmlDecode(await office.GetStringAsync($"/Office/Integrity/Record?q={BannedIdNumber.ToLowerInvariant()}"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(RecordPageBudget);
        page.Should().Contain(BannedIdNumber).And.Contain("限制申报至 2027年12月19日").And.Contain("学术不端").And.Contain("铜仁示范建材有限公司");
        byNumber.Should().Contain("孟凡星");
        var defaultEnd = Domain.Time.BeijingTime.Today(TimeProvider.System).AddYears(3).AddDays(-1);
        page.Should().Contain($"value=\"{defaultEnd:yyyy-MM-dd}\"", "the add form proposes a ban of three full years from today");
    }

    [Test]
    public async Task AddFinding_WithBadInput_ShowsFieldMessages_AndSavesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Integrity/Record");
        var before = await CountAsync(db => db.IntegrityRecordEntries.CountAsync());

        var response = await office.PostAsync("/Office/Integrity/Record?handler=Add", Form(page,
            ("IdNumber", "52060219790512311"), ("PersonName", " "), ("Finding", ""), ("Ban", "true"), ("BannedUntil", "not-a-date")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("身份证号码应为 18 位，当前为 17 位。").And.Contain("请填写姓名。").And.Contain("请填写诚信问题的具体情况。").And.Contain("请填写限制申报的截止日期");
        (await CountAsync(db => db.IntegrityRecordEntries.CountAsync())).Should().Be(before);
    }

    [Test]
    public async Task ABanAndANegativeListing_AreMarked_OnTheQueueTheDeskTheCommitteeListAndTheExpertsDossier()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var record = await office.GetStringAsync("/Office/Integrity/Record");
        var added = await office.PostAsync("/Office/Integrity/Record?handler=Add", Form(record,
            ("IdNumber", LiIdNumber), ("PersonName", "李华"), ("Finding", "他处查实的学术不端"), ("Ban", "true"), ("BannedUntil", "2099-12-31")));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = await office.GetStringAsync("/Office/Integrity/NegativeList");
        var put = await office.PostAsync("/Office/Integrity/NegativeList?handler=Put", Form(list,
            ("UnitId", DemoAccounts.ProvincialTransport.Id.ToString()), ("Reason", "审核把关不严"), ("CorrectiveAction", "提交整改报告"), ("From", "2020-01-01"), ("To", "2099-12-31")));
        put.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var queue = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/Preliminary?year=2023&filter=All"));
        var desk = WebUtility.HtmlDecode(await office.GetStringAsync($"/Office/Preliminary/Review?id={_li}&filter=All"));
        var committeeList = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/CommitteeList?year=2023"));
        var expert = WebUtility.HtmlDecode(await (await SignedInClientAsync(_factory, "expert1")).GetStringAsync($"/Expert/Dossier?id={_zhao}"));

        foreach (var page in new[] { queue, committeeList })
        {
            page.Should().Contain("data-integrity=\"ban\"").And.Contain("诚信限制申报至 2099年12月31日");
            page.Should().Contain("data-integrity=\"negative-list\"").And.Contain("单位列入诚信负面清单（至 2099年12月31日）");
        }

        desk.Should().Contain("id=\"integrity-marks\"").And.Contain("诚信限制申报至 2099年12月31日").And.NotContain("data-integrity=\"negative-list\"");
        expert.Should().Contain("id=\"integrity-marks\"").And.Contain("单位列入诚信负面清单").And.NotContain("data-integrity=\"ban\"");
    }

    [Test]
    public async Task NegativeList_WithBadInput_ShowsFieldMessages_AndSavesNothing_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        await office.GetStringAsync("/Office/Integrity/NegativeList");
        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/Integrity/NegativeList"));
        var page = await office.GetStringAsync("/Office/Integrity/NegativeList");
        var before = await CountAsync(db => db.NegativeListEntries.CountAsync());

        var response = await office.PostAsync("/Office/Integrity/NegativeList?handler=Put", Form(page,
            ("UnitId", ""), ("Reason", " "), ("CorrectiveAction", ""), ("From", "2025-01-01"), ("To", "2024-12-31")));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(NegativeListPageBudget);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("请选择单位。").And.Contain("请填写列入诚信负面清单的原因。").And.Contain("请填写单位须采取的整改措施。").And.Contain("列入期限的结束日期应晚于开始日期（2025年1月1日）。");
        (await CountAsync(db => db.NegativeListEntries.CountAsync())).Should().Be(before);
    }

    [Test]
    public async Task PublicNegativeList_ShowsPublishedEntriesOnly_WithoutAnyIdNumber_ToAnyone_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var list = await office.GetStringAsync("/Office/Integrity/NegativeList");
        (await office.PostAsync("/Office/Integrity/NegativeList?handler=Put", Form(list,
            ("UnitId", DemoAccounts.QiannanEnergy.Id.ToString()), ("Reason", "尚未公布的列入原因"), ("CorrectiveAction", "整改"), ("From", "2026-01-01"), ("To", "2099-12-31"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync("/Integrity/NegativeList"));
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Integrity/NegativeList"));
        var publicity = await anonymous.GetStringAsync("/Publicity");

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        page.Should().Contain("铜仁示范建材有限公司").And.Contain("2024年1月1日 至 2024年12月31日").And.Contain("所出具的工作业绩证明与事实不符");
        page.Should().NotContain("尚未公布的列入原因", "an unpublished listing is the office's only");
        IdNumberPattern().IsMatch(page).Should().BeFalse("no ID number appears on a public page");
        publicity.Should().Contain("/Integrity/NegativeList");
    }

    [TestCase("auditor1", "/Office/Integrity/Record")]
    [TestCase("applicant1", "/Office/Integrity/NegativeList")]
    [TestCase("expert1", "/Office/Integrity/Record")]
    public async Task OfficePages_ForAnyoneButTheOffice_AreRefused(string userName, string path)
    {
        var client = await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/Integrity");
    }

    private async Task<T> CountAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", ReadAntiforgeryToken(pageWithToken))));

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdNumberPattern();
}
