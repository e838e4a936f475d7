using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Applicants;

/// <summary>
/// The public registration page and API on the demo data: the current campaign's filing window
/// is open, the two demo units are confirmed and 铜仁示范建材有限公司 is not.
/// </summary>
public class ApplicantRegistrationWebTests
{
    private const string Password = "Ceshi#2023";

    private TitleReviewFactory _factory = null!;

    [OneTimeSetUp]
    public void SetUp() =>
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    [OneTimeTearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Page_IsPublic_WithLabelsForEveryField_AndMarksUnconfirmedUnits_AndTheLoginPageLinksToIt()
    {
        var client = Anonymous();

        var html = await client.GetStringAsync("/Account/Register");

        html.Should().Contain("<label for=\"Input_UnitId\">申报单位</label>")
            .And.Contain("<label for=\"Input_Name\">姓名</label>")
            .And.Contain("<label for=\"Input_IdNumber\">身份证号码</label>")
            .And.Contain("<label for=\"Input_Mobile\">手机号码（即登录用户名）</label>")
            .And.Contain("<label for=\"Input_Password\">密码</label>")
            .And.Contain("<label for=\"Input_ConfirmPassword\">再次输入密码</label>");
        html.Should().Contain($">{DemoAccounts.QiannanEnergy.Name}</option>")
            .And.Contain($">{DemoAccounts.TongrenMaterials.Name}（未核准，不能注册）</option>");
        (await client.GetStringAsync("/Account/Login")).Should().Contain("<a href=\"/Account/Register\">申报人注册</a>");
    }

    [Test]
    public async Task Posting_AnUnconfirmedUnit_ShowsWhyAndWhomToCall_KeepingWhatWasTypedButNotThePassword()
    {
        var client = Anonymous();

        var response = await PostFormAsync(client, DemoAccounts.TongrenMaterials.Id, "测试申报人", TestIdNumbers.Valid("52060219880720456"), "13900001101");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var year = BeijingTime.Today(TimeProvider.System).Year;
        html.Should().Contain($"“铜仁示范建材有限公司”未在规定时间内核准 {year} 年度的审核人信息，按通知规定，其申报人员不能在系统上注册申报。")
            .And.Contain("省政工职评办（0851-85893109）");
        html.Should().Contain("value=\"测试申报人\"").And.Contain("value=\"13900001101\"").And.NotContain(Password);
    }

    [Test]
    public async Task Posting_BadFields_ShowsEachMessageInline()
    {
        var client = Anonymous();

        var response = await PostFormAsync(client, DemoAccounts.QiannanEnergy.Id, "测试申报人", TestIdNumbers.WrongCheck("52060219880720458"), "12900001102", confirm: "Other#2023");

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("身份证号码校验位（第 18 位）错误")
            .And.Contain("手机号码应以 13 至 19 开头")
            .And.Contain("两次输入的密码不一致。")
            .And.Contain("value=\"12900001102\"")
            .And.NotContain(Password);
    }

    [Test]
    public async Task Posting_AValidForm_RedirectsToLoginWithTheUserName_AndTheNewApplicantSignsInThroughTheLoginForm()
    {
        var client = Anonymous();

        var response = await PostFormAsync(client, DemoAccounts.QiannanEnergy.Id, "测试申报人", TestIdNumbers.Valid("52270119900101234"), "13900001103");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/Account/Login");
        (await client.GetStringAsync("/Account/Login")).Should().Contain("注册成功").And.Contain("13900001103");

        var signIn = await PostLoginAsync(client, "13900001103", Password);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/api/me")).Should().Contain("测试申报人").And.Contain("Applicant");
    }

    [Test]
    public async Task Api_BadInputIs400WithFieldErrors_UnconfirmedUnitIs409_GoodInputIs201()
    {
        var client = Anonymous();

        var bad = await client.PostAsJsonAsync("/api/applicants", Body(null, "52010119850315123", "1390000", "short", "short"));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("unitId", "idNumber", "mobile", "password");
        errors.GetProperty("mobile")[0].GetString().Should().Be("手机号码应为 11 位数字，当前为 7 位。");

        var unconfirmed = await client.PostAsJsonAsync("/api/applicants", Body(DemoAccounts.TongrenMaterials.Id, TestIdNumbers.Valid("52060219880720457"), "13900001104"));
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("铜仁示范建材有限公司").And.Contain("0851-85893109");

        var good = await client.PostAsJsonAsync("/api/applicants", Body(DemoAccounts.ProvincialTransport.Id, TestIdNumbers.Valid("52010119850315125"), "13900001105"));
        good.StatusCode.Should().Be(HttpStatusCode.Created);
        (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString().Should().Be("13900001105");

        var units = await client.GetFromJsonAsync<JsonElement>("/api/applicants/units");
        units.EnumerateArray().Select(u => (u.GetProperty("name").GetString(), u.GetProperty("isConfirmed").GetBoolean()))
            .Should().Contain((DemoAccounts.TongrenMaterials.Name, false)).And.Contain((DemoAccounts.ProvincialTransport.Name, true));
    }

    private HttpClient Anonymous() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Guid unitId, string name, string idNumber, string mobile, string? confirm = null)
    {
        var token = await GetAntiforgeryTokenAsync(client, "/Account/Register");
        return await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UnitId"] = unitId.ToString(),
            ["Input.Name"] = name,
            ["Input.IdNumber"] = idNumber,
            ["Input.Mobile"] = mobile,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = confirm ?? Password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static object Body(Guid? unitId, string idNumber, string mobile, string password = Password, string? confirmPassword = null) => new
    {
        unitId,
        name = "测试申报人",
        idNumber,
        mobile,
        password,
        confirmPassword = confirmPassword ?? password,
    };
}
