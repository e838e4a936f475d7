using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Documents;

/// <summary>The generated papers rendered for a full demo dossier (赵强, 2023, submitted to the office).</summary>
public class DocumentPagesTests
{
    private TitleReviewFactory _factory = null!;
    private Guid _zhao;
    private Guid _li;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == 2023
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        _zhao = ids.Single(i => i.ApplicantName == "赵强").Id;
        _li = ids.Single(i => i.ApplicantName == "李华").Id;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ReviewForm_ShowsEverySectionOfTheDossier_AndTheOpinionFields()
    {
        var client = await SignedInClientAsync(_factory, "applicant3");

        var html = await client.GetStringAsync($"/Documents/{_zhao}/review-form");

        html.Should().Contain("赵强").And.Contain("贵州省示范交通投资集团有限公司").And.Contain("高级政工师").And.Contain("520103198509102011");
        html.Should().Contain("党委宣传部部长").And.Contain("2016年9月").And.Contain("计至 2023年12月31日");
        html.Should().Contain("一、基本情况").And.Contain("二、继续教育学时").And.Contain("三、工作经历").And.Contain("四、任职后主要专业工作业绩").And.Contain("五、任现职后主要论文成果");
        html.Should().Contain("2022</td><td>96</td>", "the continuing-education hours");
        html.Should().Contain("全省企业思想政治工作优秀成果奖").And.Contain("关于加强新时代企业思想政治工作的调研报告").And.Contain("合计 9300 字");
        html.Should().Contain("国有企业基层党建与思想政治工作融合路径探析（1）").And.Contain("国有企业基层党建与思想政治工作融合路径探析（2）");
        html.Should().Contain("单位推荐意见").And.Contain("主管部门意见").And.Contain("（单位盖章）");
        html.Should().MatchRegex("编号 2023-PS-\\d{5} · 校验码 [A-Z0-9]{8}");
    }

    [TestCase("unit-pledge", "单位报送专业技术职务任职资格")]
    [TestCase("personal-pledge", "个人申报专业技术职务任职资格")]
    [TestCase("publicity-result", "公示期间无异议")]
    [TestCase("envelope", "13900000203")]
    public async Task OtherPapers_CarryTheApplicantUnitAndTheirOwnContent(string kind, string expected)
    {
        var client = await SignedInClientAsync(_factory, "auditor2");

        var html = await client.GetStringAsync($"/Documents/{_zhao}/{kind}");

        html.Should().Contain("赵强").And.Contain("贵州省示范交通投资集团有限公司").And.Contain(expected);
    }

    [Test]
    public async Task Papers_AreForTheApplicantTheirAuditorAndTheOfficeOnly()
    {
        var stranger = await SignedInClientAsync(_factory, "auditor1");

        (await stranger.GetAsync($"/Documents/{_zhao}/review-form")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Checklist_ListsTheRightItemsForEachKindOfApplicantAndUnit()
    {
        var cityUnit = await (await SignedInClientAsync(_factory, "auditor1")).GetStringAsync("/Auditor/Checklist?year=2023");
        var provincialUnit = await (await SignedInClientAsync(_factory, "auditor2")).GetStringAsync("/Auditor/Checklist?year=2023");

        cityUnit.Should().Contain("李华（政工师）").And.Contain("委托评审函").And.Contain("由市（州）人社局出具");
        provincialUnit.Should().Contain("赵强（高级政工师）").And.NotContain("委托评审函");
        provincialUnit.Should().NotContain("公务员登记表");
        provincialUnit.Should().Contain("一寸免冠彩色近照").And.Contain("2 份，双面胶装");
    }

    [Test]
    public async Task Office_SeesIncomingDossiersPerUnitWithCounts()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var html = await office.GetStringAsync("/Office/Incoming?year=2023");

        html.Should().Contain("共 2 个单位").And.Contain("黔南能源集团有限公司").And.Contain("贵州省示范交通投资集团有限公司");
        html.Should().Contain("<strong id=\"incoming-total\">2</strong>");
        html.Should().NotContain("材料重复", "the demo scans are distinct");
    }

    [Test]
    public async Task Verify_ShowsOnlyNameUnitAndKind_AndNotFoundForAMadeUpCode()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var form = await client.GetStringAsync($"/Documents/{_li}/personal-pledge");
        var code = System.Text.RegularExpressions.Regex.Match(form, "校验码 ([A-Z0-9]{8})").Groups[1].Value;
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var page = await anonymous.GetStringAsync($"/Verify?code={code}");
        page.Should().Contain("个人申报专业技术职务任职资格诚信承诺书").And.Contain("李华").And.Contain("黔南能源集团有限公司").And.Contain("有效");
        page.Should().NotContain("13900000201").And.NotContain("522701198803150219");

        (await anonymous.GetStringAsync("/Verify?code=ABCD2345")).Should().Contain("未找到与该校验码相符的文件");
        (await anonymous.GetAsync("/api/documents/verify?code=ABCD2345")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
