using System.Net;
using TitleReview.Domain.Time;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Pages;

/// <summary>The office's details page, the auditor's home and the instruction sheet through the real pipeline, on the demo campaigns.</summary>
public class OfficeDetailsPageTests
{
    private TitleReviewFactory _factory = null!;
    private int _year;

    [SetUp]
    public void SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _year = BeijingTime.Today(TimeProvider.System).Year;
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task DetailsPage_ForTheOffice_ShowsThe2023Values_AndOnlyTheOfficeMayOpenIt()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var page = await office.GetStringAsync("/Office/Campaigns/Details?year=2023");

        page.Should().Contain("value=\"2402009709008830707—000000001\"").And.Contain("value=\"102701000336\"").And.Contain("value=\"853965686\"");
        (await auditor.GetAsync("/Office/Campaigns/Details?year=2023")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await office.GetAsync("/Office/Campaigns/Details?year=1999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await office.GetStringAsync("/Office/Campaigns/Timeline?year=2023")).Should().Contain("/Office/Campaigns/Details?year=2023");
    }

    [Test]
    public async Task DetailsPage_PostWithABadBranchNumberAndPhone_ShowsEachBesideItsField_AndChangesNothing()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/Campaigns/Details?year=2023");

        var response = await office.PostAsync("/Office/Campaigns/Details?year=2023", Form(ReadAntiforgeryToken(page), new() { ["Input.BranchNumber"] = "1027", ["Input.Contacts[0].Phone"] = "85893109" }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("行号应为 12 位数字").And.Contain("第 1 位联系人的电话“85893109”应为手机号或带区号的座机号码");
        (await office.GetStringAsync("/Office/Campaigns/Details?year=2023")).Should().Contain("value=\"102701000336\"").And.Contain("尚无修改记录");
    }

    [Test]
    public async Task DetailsPage_PostOfANewRoom_SavesIt_AndTheUnitsAuditorSeesItOnHomeAndSheet()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var page = await office.GetStringAsync($"/Office/Campaigns/Details?year={_year}");

        var response = await office.PostAsync($"/Office/Campaigns/Details?year={_year}", Form(ReadAntiforgeryToken(page), new() { ["Input.DeliveryRoom"] = "1024室" }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await office.GetStringAsync($"/Office/Campaigns/Details?year={_year}")).Should().Contain("修改报送及缴费办公信息：报送房间");
        var home = await auditor.GetStringAsync("/Auditor");
        home.Should().Contain("金老师").And.Contain("13007817627").And.Contain("853965686");
        home.Should().NotContain("2402009709008830707", "the unit has submitted nobody to the office this year");
        var sheet = await auditor.GetStringAsync($"/Auditor/Instructions?year={_year}");
        sheet.Should().Contain("1024室").And.Contain("本单位尚无报送省政工职评办的申报人");
    }

    [Test]
    public async Task Sheet_For2023_ListsTheUnitsSubmittedApplicant_WithTheAccountAndRemark_AndIsTheAuditorsOnly()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        var applicant = await SignedInClientAsync(_factory, "applicant1");

        var sheet = await auditor.GetStringAsync("/Auditor/Instructions?year=2023");

        sheet.Should().Contain("黔南能源集团有限公司").And.Contain("李华").And.Contain("共 1 人，1 个档案袋");
        sheet.Should().Contain("2402009709008830707—000000001").And.Contain("政工系列评审费").And.Contain("龚诚").And.Contain("data-print");
        (await applicant.GetAsync("/Auditor/Instructions?year=2023")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await auditor.GetAsync("/Auditor/Instructions?year=1999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>The whole form with the notice's values, as the page posts it, with some fields replaced.</summary>
    internal static FormUrlEncodedContent Form(string antiforgery, Dictionary<string, string> changes)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.DeliveryAddress"] = "贵阳市南明区广顺路1号省委办公业务大楼",
            ["Input.DeliveryRoom"] = "1023室（省政工职评办）",
            ["Input.Contacts[0].Topic"] = "系统操作咨询",
            ["Input.Contacts[0].Name"] = "金老师",
            ["Input.Contacts[0].Phone"] = "13007817627",
            ["Input.Contacts[1].Topic"] = "系统操作咨询",
            ["Input.Contacts[1].Name"] = "叶老师",
            ["Input.Contacts[1].Phone"] = "13595159115",
            ["Input.Contacts[2].Topic"] = "政策咨询",
            ["Input.Contacts[2].Name"] = "张老师",
            ["Input.Contacts[2].Phone"] = "0851-85823885",
            ["Input.Contacts[3].Topic"] = "政策咨询",
            ["Input.Contacts[3].Name"] = "房老师",
            ["Input.Contacts[3].Phone"] = "0851-85893109",
            ["Input.Contacts[4].Topic"] = string.Empty,
            ["Input.Contacts[4].Name"] = string.Empty,
            ["Input.Contacts[4].Phone"] = string.Empty,
            ["Input.QqGroup"] = "853965686",
            ["Input.MailAddress"] = "贵州省贵阳市广顺路1号省委宣传部宣传教育处（省政工职评办）",
            ["Input.MailRecipient"] = "龚诚",
            ["Input.MailPhone"] = "0851-85893109",
            ["Input.PayeeName"] = "中共贵州省委宣传部",
            ["Input.AccountNumber"] = "2402009709008830707—000000001",
            ["Input.BankName"] = "工行贵州分行营业部西湖路支行",
            ["Input.BranchNumber"] = "102701000336",
            ["Input.TaxpayerNumber"] = "11520000009390068R",
            ["Input.TransferRemark"] = "政工系列评审费",
        };
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }

        return new FormUrlEncodedContent(form);
    }
}
