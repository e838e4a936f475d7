using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Supplements;

/// <summary>
/// The supplement and feedback pages on the demo's 2023 history, read in June 2026: 赵强, failed
/// on the missing photo, supplemented it on Oct 10 and was passed on Oct 12; 黔南 reported an
/// objection about 李华, dismissed, on Oct 16; 交通 no objection on Oct 17.
/// </summary>
public class SupplementAndFeedbackPageTests
{
    private const string FailingReason = "纸质材料不全。说明：档案袋缺一寸免冠彩色近照，纸质材料报送期内未补交。";

    /// <summary>The application with its case, the campaign, the publicity, the journal's reason, the supplements with their files; for a case the committee has decided, whether its result is public yet.</summary>
    private const int SupplementPageBudget = 7;  // Issue 18: +1, the header's unread count.

    /// <summary>The campaign, the cases awaiting review, the publicity, their reasons, their supplements with files, their units.</summary>
    private const int OfficeSupplementsBudget = 7;  // Issue 18: +1, the header's unread count.

    /// <summary>The campaign, the publicity, the unit's published cases, their feedback, the unit.</summary>
    private const int AuditorFeedbackBudget = 6;  // Issue 18: +1, the header's unread count.

    /// <summary>The campaign, the publicity, the published cases, their feedback, their units.</summary>
    private const int OfficeFeedbackBudget = 6;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
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
    public async Task SupplementPage_ForTheApplicant_ShowsWhyTheyFailedAndTheReviewedSupplement_WithinBudget()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant3");
        var path = $"/Applicant/Supplement?id={_zhao}";

        var measured = await _factory.Queries!.MeasureAsync(() => applicant.GetAsync(path));
        var page = await applicant.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(SupplementPageBudget);
        page.Should().Contain(FailingReason).And.Contain("公示期：2023年10月9日至10月13日");
        page.Should().Contain("第 1 次补充材料").And.Contain("赵强-一寸免冠彩色近照.pdf").And.Contain("改为通过：已补交一寸免冠彩色近照");
        page.Should().Contain("初审通过的申报人无需补充材料。", "he passed on the supplement, so there is nothing more to upload");
    }

    [Test]
    public async Task SupplementFile_IsServedToTheApplicantTheUnitsAuditorAndTheOffice_Only()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant3");
        var page = await applicant.GetStringAsync($"/Applicant/Supplement?id={_zhao}");
        var file = Regex.Match(page, "href=\"(/files/supplements/[0-9a-f-]+)\"").Groups[1].Value;

        foreach (var userName in new[] { "applicant3", "auditor2", "office" })
        {
            var response = await (await SignedInClientAsync(_factory, userName)).GetAsync(file);
            response.StatusCode.Should().Be(HttpStatusCode.OK, userName);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        }

        foreach (var userName in new[] { "applicant1", "auditor1", "expert1" })
        {
            (await (await SignedInClientAsync(_factory, userName)).GetAsync(file)).StatusCode.Should().Be(HttpStatusCode.NotFound, userName);
        }
    }

    [Test]
    public async Task SupplementPages_ForTheWrongPeople_AreRefused()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var otherApplicant = await SignedInClientAsync(_factory, "applicant1");

        (await auditor.GetAsync($"/Applicant/Supplement?id={_zhao}")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await auditor.GetAsync("/Office/Supplements?year=2023")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await otherApplicant.GetAsync($"/Applicant/Supplement?id={_zhao}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherApplicant.GetAsync("/Auditor/Feedback?year=2023")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
        (await otherApplicant.GetAsync("/Office/Feedback?year=2023")).Headers.Location!.ToString().Should().Contain("/Account/AccessDenied");
    }

    [Test]
    public async Task Upload_AfterThePublicity_OrWithWrongContent_IsRefusedInChinese_AndStoresNothing()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant3");
        var page = await applicant.GetStringAsync($"/Applicant/Supplement?id={_zhao}");
        var before = await CountAsync();

        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(ReadAntiforgeryToken(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "照片.pdf");
        var response = await applicant.PostAsync($"/Applicant/Supplement?handler=Upload&id={_zhao}", content);
        var api = await applicant.PostAsync($"/api/applications/{_zhao}/supplement/files", Multipart("<html></html>"u8.ToArray()));
        var submit = await applicant.PostAsync($"/Applicant/Supplement?handler=Submit&id={_zhao}", Form(page, ("note", " ")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("初审通过的申报人无需补充材料。");
        ((int)api.StatusCode).Should().BeInRange(400, 499);
        (await api.Content.ReadAsStringAsync()).Should().Contain("初审通过的申报人无需补充材料。");
        submit.StatusCode.Should().Be(HttpStatusCode.OK);
        (await submit.Content.ReadAsStringAsync()).Should().Contain("请说明补充材料针对哪些不通过原因。");
        (await CountAsync()).Should().Be(before);
    }

    [Test]
    public async Task OfficeSupplements_WithoutAReason_GiveAFieldMessage_AndChangeNothing_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = "/Office/Supplements?year=2023";

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);
        var response = await office.PostAsync("/Office/Supplements?handler=Decide&year=2023", Form(page, ("applicationId", _zhao.ToString()), ("decision", "Passed"), ("reason", "")));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficeSupplementsBudget);
        page.Should().Contain("暂无待审核的补充材料。");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("请填写审核意见（理由）。");
        var bad = await office.PostAsync("/Office/Supplements?handler=Decide&year=2023", Form(page, ("applicationId", _zhao.ToString()), ("decision", "Maybe"), ("reason", "理由")));
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("请选择“改为通过”或“维持不通过”。");
    }

    [Test]
    public async Task AuditorFeedback_ShowsTheSubmittedFeedback_AndAfterTheDeadlineRefusesChanges_WithinBudget()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var path = "/Auditor/Feedback?year=2023";

        var measured = await _factory.Queries!.MeasureAsync(() => auditor.GetAsync(path));
        var page = await auditor.GetStringAsync(path);
        var late = await auditor.PostAsync("/Auditor/Feedback?handler=Record&year=2023", Form(page, ("applicationId", _li.ToString()), ("outcome", "NoObjection")));
        var noText = await auditor.PostAsync("/Auditor/Feedback?handler=Record&year=2023", Form(page, ("applicationId", _li.ToString()), ("outcome", "ObjectionUpheld")));
        var auditor2 = await SignedInClientAsync(_factory, "auditor2");
        var otherUnit = await auditor2.PostAsync("/Auditor/Feedback?handler=Record&year=2023", Form(await auditor2.GetStringAsync(path), ("applicationId", _li.ToString()), ("outcome", "NoObjection")));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(AuditorFeedbackBudget);
        page.Should().Contain("李华").And.Contain("有异议，经核实不成立").And.Contain("论文发表于任现职之后").And.Contain("已提交");
        page.Should().Contain("公示结果反馈已于 2023年10月20日 截止，不能再填写或提交。");
        late.StatusCode.Should().Be(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).Should().Contain("公示结果反馈已于 2023年10月20日 截止");
        var noTextHtml = await noText.Content.ReadAsStringAsync();
        noTextHtml.Should().Contain("有异议时，请填写异议内容。").And.Contain("有异议时，请填写核实处理情况。");
        otherUnit.StatusCode.Should().Be(HttpStatusCode.OK);
        (await otherUnit.Content.ReadAsStringAsync()).Should().Contain("只有申报人所在单位的审核人可以反馈公示结果。");
        (await auditor.GetStringAsync(path)).Should().Contain("有异议，经核实不成立", "nothing changed");
    }

    [Test]
    public async Task OfficeFeedback_ListsEachUnitsFeedback_WithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var path = "/Office/Feedback?year=2023";

        var measured = await _factory.Queries!.MeasureAsync(() => office.GetAsync(path));
        var page = await office.GetStringAsync(path);

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficeFeedbackBudget);
        page.Should().Contain("黔南能源集团有限公司").And.Contain("贵州省示范交通投资集团有限公司");
        page.Should().Contain("有异议，经核实不成立").And.Contain("公示期间有职工反映其论文发表时间早于任现职时间").And.Contain("无异议");
        page.Should().Contain("未反馈（或未提交）：0 人。").And.Contain("反馈期已截止");
    }

    private static MultipartFormDataContent Multipart(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "照片.pdf");
        return content;
    }

    private async Task<int> CountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SupplementFiles.CountAsync();
    }

    /// <summary>The page's own hidden fields and its antiforgery token are posted back with the test's.</summary>
    private static FormUrlEncodedContent Form(string pageWithForm, params (string Key, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), new("__RequestVerificationToken", ReadAntiforgeryToken(pageWithForm))]);

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
