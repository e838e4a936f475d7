using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.SpotChecks;

/// <summary>
/// The draw's pages through the real pipeline: the demo's 2023 draw (drawn Oct 25, 2023 with 581),
/// and a 2026 draw committed but not yet drawn, put in the database here, for what shows before.
/// </summary>
public class SpotCheckPagesTests
{
    /// <summary>The public page: the draw with its candidates, and its campaign.</summary>
    private const int PublicPageBudget = 2;

    /// <summary>抽查复核: the session's, the campaigns, the current campaign, the year's campaign, the draw with its candidates and journal, and before the commitment the live candidates and their units' numbers and cards.</summary>
    private const int OfficePageBudget = 13;  // Issue 18: +1, the header's unread count.

    private static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _drawn;
    private Guid _committed;
    private string _committedSeed = null!;
    private string _drawnSeed = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Monday15June2026), settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, countQueries: true);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var drawn = await db.SpotCheckDraws.AsNoTracking().SingleAsync();
        (_drawn, _drawnSeed) = (drawn.Id, drawn.Seed!);

        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Year == 2026);
        var stage = campaign.Stage(StageKeys.SpotCheck);
        var window = new SpotCheckWindow(stage.OpensAt, stage.ClosesAt);
        var office = new SpotCheckActor("office", "陈静");
        var rules = new SpotCheckRules(new DrawAmount(DrawMode.Count, 1), null, DrawAmount.Nothing, false, BeijingTime.DateOf(stage.OpensAt).AddDays(5));
        var draw = SpotCheckDraw.Define(campaign.Id, rules, window, stage.OpensAt, office);
        var applications = await db.TitleApplications.AsNoTracking().Where(a => a.Level != TitleLevel.Assistant).Take(2).ToListAsync();
        _committedSeed = SpotCheckAlgorithm.NewSeed();
        draw.Commit(
            _committedSeed,
            stage.OpensAt.AddDays(2),
            "2026年某日中国福利彩票“3D”开奖号码",
            [.. applications.Select((a, i) => new CandidateToFreeze(a.Id, a.ApplicantName, $"DW2026-000{i + 1}", $"测试单位{i + 1}", a.Level))],
            window,
            stage.OpensAt,
            office);
        db.SpotCheckDraws.Add(draw);
        await db.SaveChangesAsync();
        _committed = draw.Id;
    }

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task PagesBeforeTheDraw_ShowTheCommitment_AndNeitherTheOfficeNorThePublicPageShowsTheSeed_WithinBudget()
    {
        var anonymous = Anonymous();
        var office = await SignedInClientAsync(_factory, "office");

        var measuredPublic = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync($"/SpotCheck/{_committed}"));
        var measuredOffice = await _factory.Queries!.MeasureAsync(() => office.GetAsync("/Office/SpotCheck?year=2026"));
        var response = await anonymous.GetAsync($"/SpotCheck/{_committed}");
        var publicPage = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var officePage = WebUtility.HtmlDecode(await office.GetStringAsync("/Office/SpotCheck?year=2026"));
        var inputs = await anonymous.GetAsync($"/SpotCheck/{_committed}/inputs.json");

        measuredPublic.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        measuredOffice.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficePageBudget);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var commitment = SpotCheckAlgorithm.Commitment(_committedSeed);
        publicPage.Should().Contain(commitment).And.Contain("2026年某日中国福利彩票“3D”开奖号码").And.Contain("DW2026-0001").And.Contain("李*");
        officePage.Should().Contain(commitment).And.Contain("公布抽查承诺");
        foreach (var page in new[] { publicPage, officePage })
        {
            page.Should().NotContain(_committedSeed).And.NotContain("验证结果");
        }

        publicPage.Should().NotContain("李华", "the public list masks the names");
        inputs.StatusCode.Should().Be(HttpStatusCode.NotFound, "the inputs, seed included, are published only after the draw");
    }

    [Test]
    public async Task PublicPageAfterTheDraw_ShowsTheSeedAndTheSelection_AndVerifies一致OnlyForThePublishedInputs()
    {
        var anonymous = Anonymous();
        var path = $"/SpotCheck/{_drawn}";

        var measured = await _factory.Queries!.MeasureAsync(() => anonymous.GetAsync(path));
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        var real = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"{path}?Seed={_drawnSeed}&PublicValue=581"));
        var otherValue = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"{path}?Seed={_drawnSeed}&PublicValue=582"));
        var otherSeed = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"{path}?Seed={new string('1', 64)}&PublicValue=581"));

        measured.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PublicPageBudget);
        page.Should().Contain(_drawnSeed).And.Contain("2023年10月24日中国福利彩票“3D”开奖号码").And.Contain("2023-10-25 10:00:00")
            .And.Contain($"value=\"{_drawnSeed}\"").And.Contain("value=\"581\"");
        real.Should().Contain("验证结果：一致");
        otherValue.Should().Contain("验证结果：不一致").And.Contain("公开数值与公布的公开数值不一致").And.NotContain("承诺值不一致");
        otherSeed.Should().Contain("验证结果：不一致").And.Contain("种子的 SHA-256 与公布的承诺值不一致");
    }

    [Test]
    public async Task InputsJson_AfterTheDraw_HoldsTheSeedTheValueTheCandidatesAndTheSelection()
    {
        var response = await Anonymous().GetAsync($"/SpotCheck/{_drawn}/inputs.json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (json.GetProperty("seed").GetString(), json.GetProperty("publicValue").GetString()).Should().Be((_drawnSeed, "581"));
        json.GetProperty("commitment").GetString().Should().Be(SpotCheckAlgorithm.Commitment(_drawnSeed));
        json.GetProperty("rules").GetProperty("unitsMode").GetString().Should().Be("percent");
        json.GetProperty("candidates").GetArrayLength().Should().Be(2);
        json.GetProperty("selection").GetProperty("units").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task FooterAndPublicList_LinkTheDraws()
    {
        var anonymous = Anonymous();

        var signIn = await anonymous.GetStringAsync("/Account/Login");
        var list = await anonymous.GetStringAsync("/SpotCheck");

        signIn.Should().Contain("href=\"/SpotCheck\"");
        list.Should().Contain($"/SpotCheck/{_drawn}").And.Contain($"/SpotCheck/{_committed}").And.Contain("已抽取").And.Contain("待抽取");
    }

    [TestCase("Define", "UnitsMode=Count&UnitsValue=abc&EveryoneInUnit=true&AcrossMode=None&OriginalsDueOn=2026-09-01", "抽取单位的数量或比例须为整数。")]
    [TestCase("Define", "UnitsMode=Count&UnitsValue=0&EveryoneInUnit=true&AcrossMode=None&OriginalsDueOn=2026-09-01", "抽取单位的数量须为 1 至 1000 之间的整数。")]
    [TestCase("Define", "UnitsMode=Percent&UnitsValue=10&EveryoneInUnit=true&AcrossMode=None&OriginalsDueOn=not-a-date", "请按“年-月-日”填写原件报送截止日期。")]
    [TestCase("Define", "UnitsMode=Sideways&UnitsValue=10&EveryoneInUnit=true&AcrossMode=None&OriginalsDueOn=2026-09-01", "请选择抽取单位的方式。")]
    [TestCase("Commit", "DrawAt=tomorrow&PublicValueSource=x", "请按“年-月-日 时:分”填写抽取时间（北京时间）。")]
    [TestCase("Draw", "PublicValue=%20", "请填写公布的公开数值（例如开奖号码）。")]
    public async Task OfficeForms_WithBadInput_ShowTheFieldMessageInChinese_AndChangeNothing(string handler, string form, string message)
    {
        var office = await SignedInClientAsync(_factory, "office");
        var page = await office.GetStringAsync("/Office/SpotCheck?year=2026");
        var fields = form.Split('&').Select(f => f.Split('=')).ToDictionary(f => f[0], f => Uri.UnescapeDataString(f[1]));
        fields["__RequestVerificationToken"] = ReadAntiforgeryToken(page);

        var response = await office.PostAsync($"/Office/SpotCheck?handler={handler}&year=2026", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message).And.NotContain("is not valid");
        using var scope = _factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SpotCheckDraws.AsNoTracking().SingleAsync(d => d.Id == _committed);
        (stored.Status, stored.Steps.Count, stored.UnitsValue).Should().Be((SpotCheckDrawStatus.Committed, 2, 1));
    }

    [TestCase(null)]
    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task OfficePage_ForAnyoneButTheOffice_IsRefused(string? userName)
    {
        var client = userName is null ? Anonymous() : await SignedInClientAsync(_factory, userName);

        var response = await client.GetAsync("/Office/SpotCheck?year=2023");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (response.Headers.Location?.ToString() ?? string.Empty).Should().NotContain("/Office/SpotCheck");
    }

    private HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
}
