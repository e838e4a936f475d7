using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TitleReview.Domain.Notifications;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TitleReview.Web.Tests.Browser;

/// <summary>The notification centre in a real browser: the header's badge, the list, marking read.</summary>
public class NotificationBrowserTests : BrowserTestBase
{
    [Test]
    public async Task Applicant_SeesTheUnreadBadge_OpensTheCentre_AndMarksTheReminderRead()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("applicant1");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AccountNotifications.Add(AccountNotification.Create(user!.Id, "截止提醒：申报人填报与单位审核（不足3天）", "您的申报材料尚未提交。", "/Applicant", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await LoginAsync("applicant1", DemoAccounts.Password);
        var badge = Page.Locator("#unread-count");
        await Expect(badge).ToHaveTextAsync("1");

        await Page.Locator("#notification-link").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("站内通知");
        await Expect(Page.Locator("#notifications")).ToContainTextAsync("截止提醒：申报人填报与单位审核（不足3天）");
        await Page.GetByRole(AriaRole.Button, new() { Name = "标记为已读", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#unread-summary")).ToHaveTextAsync("未读 0 条，共 1 条。");
        await Expect(badge).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "前往办理" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{BaseUrl}/Applicant");
    }
}
