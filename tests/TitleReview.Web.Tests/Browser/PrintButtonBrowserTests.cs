using Microsoft.Playwright;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>The print views' button works from wwwroot/js/print.js, with no inline handler, under the Content-Security-Policy.</summary>
public partial class DocumentBrowserTests
{
    [Test]
    public async Task PrintButton_OpensThePrintDialog_UnderTheContentSecurityPolicy()
    {
        var applicationId = await ApplicationIdAsync("李华", 2023);
        await LoginAsync("applicant1", DemoAccounts.Password);
        await Page.AddInitScriptAsync("window.print = function () { document.documentElement.dataset.printed = 'yes'; };");

        await Page.GotoAsync($"{BaseUrl}/Documents/{applicationId}/review-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-printed", "yes");
    }
}
