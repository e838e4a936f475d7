using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>A unit from registration (Jul 17–21) to confirmation (Jul 24–28), the clock moved by the test.</summary>
public class UnitRegistrationBrowserTests : BrowserTestBase
{
    private readonly FakeTimeProvider _clock = new(BeijingTime.FromBeijing(new DateTime(2023, 7, 10, 9, 0, 0)));

    protected override TitleReviewFactory CreateFactory() => new(kestrel: true, clock: _clock);

    [Test]
    public async Task Unit_RegistersPrintsTheForm_OfficeApproves_AuditorActivatesAndConfirms()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var timeline = TimelineDocument.Parse(scope.ServiceProvider.GetRequiredService<ITimelineFiles>().Read(2023));
            await scope.ServiceProvider.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
                .HandleAsync(new CreateCampaignFromTimeline(timeline, new WorkflowActor("test", "测试", ["Office"])));
        }

        // July 18: the unit registers, without an account.
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 18, 10, 0, 0)));
        await Page.GotoAsync($"{BaseUrl}/Units/Register");
        await Page.GetByLabel("申报单位规范名称").FillAsync("黔西南示范能源有限公司");
        await Page.GetByLabel("统一社会信用代码").FillAsync("91522300MA6J8R3N56");
        await Page.GetByLabel("申报单位性质").SelectOptionAsync("CityOrPrefectureEnterprise");
        await Page.GetByLabel("所属地区").SelectOptionAsync("黔西南州");
        await Page.GetByLabel("主管部门").FillAsync("黔西南州国资委");
        await Page.GetByLabel("审核人姓名").FillAsync("孟华");
        await Page.GetByLabel("手机号码").FillAsync("137 0000 1111");
        await Page.GetByLabel("QQ号码（选填）").FillAsync("123456");
        await Page.GetByLabel("填报人").FillAsync("周文");
        await Page.GetByLabel("联系电话").FillAsync("136 0000 2222");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交报送" }).ClickAsync();
        await Expect(Page.Locator(".field-error", new() { HasText = "人力资源部门" })).ToBeVisibleAsync();
        await Page.GetByLabel("审核人为本单位人力资源部门专职负责职称申报工作的同志，不是本年度申报人").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交报送" }).ClickAsync();

        // The access token is shown once, and sent to the filler's mobile; the sequential number opens nothing.
        await Expect(Page.Locator("#receipt")).ToContainTextAsync("DW2023-0001");
        await Expect(Page.Locator("#receipt")).ToContainTextAsync("手机 136****2222");
        var token = await Page.Locator("#access-token").InnerTextAsync();
        token.Should().MatchRegex("^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$");
        await Page.GotoAsync($"{BaseUrl}/Units/Status");
        await Page.GetByLabel("查询码").FillAsync("DW2023-0001");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(Page.Locator(".field-error")).ToContainTextAsync("查询码不正确");
        await Page.GetByLabel("查询码").FillAsync(token.ToLowerInvariant());
        await Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(Page.Locator("#registration-state")).ToHaveTextAsync("待省政工职评办审核");
        await Expect(Page.Locator("main")).ToContainTextAsync("137****1111");

        var formPage = await Page.Context.RunAndWaitForPageAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "打印《申报单位及单位审核人基本情况表》" }).ClickAsync());
        await Expect(formPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("申报单位及单位审核人基本情况表");
        await Expect(formPage.Locator("#f-unit")).ToHaveTextAsync("黔西南示范能源有限公司");
        await Expect(formPage.Locator("#f-auditor")).ToHaveTextAsync("孟华");
        await formPage.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await formPage.PdfAsync(new() { Format = "A4", PrintBackground = true });
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        Directory.CreateDirectory(MonitorBrowserTests.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(MonitorBrowserTests.ScreenshotFolder, "unit-form.pdf"), pdf);
        await formPage.ScreenshotAsync(new() { Path = Path.Combine(MonitorBrowserTests.ScreenshotFolder, "unit-form.png"), FullPage = true });
        await formPage.CloseAsync();

        // July 20: the office approves; the activation link goes to the auditor's mobile only, never onto a page.
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 20, 9, 0, 0)));
        await LoginAsync("office", DemoAccounts.Password);
        await Page.GotoAsync($"{BaseUrl}/Office/Units");
        await Expect(Page.Locator("#registrations")).ToContainTextAsync("137****1111");
        await Page.GetByRole(AriaRole.Link, new() { Name = "DW2023-0001" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "审核通过并创建审核人账号" }).ClickAsync();
        await Expect(Page.Locator("#registration-state")).ToHaveTextAsync("已审核通过，待单位核准");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("激活链接已发送至审核人手机 137****1111");
        (await Page.ContentAsync()).Should().NotContain("/Account/Activate");
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        // The auditor opens the link from the text message, sets a password and signs in; the confirmation window is not open yet.
        string activation;
        using (var scope = Factory.Services.CreateScope())
        {
            var sms = scope.ServiceProvider.GetRequiredService<TitleReview.Infrastructure.Persistence.AppDbContext>().OutboundMessages
                .Single(m => m.Recipient == "13700001111" && m.Purpose == "激活账号");
            activation = System.Text.RegularExpressions.Regex.Match(sms.Body, @"/Account/Activate\?token=[A-Za-z0-9_-]+").Value;
        }

        await Page.GotoAsync(BaseUrl + activation);
        await Page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Audit#2023x");
        await Page.GetByLabel("再次输入新密码").FillAsync("Audit#2023x");
        await Page.GetByRole(AriaRole.Button, new() { Name = "激活账号" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已激活");
        await LoginAsync("13700001111", "Audit#2023x");
        await Expect(Page.Locator("#registrations .state")).ToHaveTextAsync("已审核通过，待单位核准");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "核准本单位信息" })).ToHaveCountAsync(0);

        // July 24: the confirmation window opens; the auditor confirms.
        _clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2023, 7, 24, 9, 0, 0)));
        await LoginAsync("13700001111", "Audit#2023x");
        await Page.GetByRole(AriaRole.Button, new() { Name = "核准本单位信息" }).ClickAsync();
        await Expect(Page.Locator("#registrations .state")).ToHaveTextAsync("已核准");
    }
}
