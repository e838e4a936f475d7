using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Domain.Notifications;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Notifications;

/// <summary>
/// The notification centre (ADR 56): the header's unread badge on every signed-in page, the
/// person's list, marking one or all read, and nobody seeing or touching another's notifications.
/// 李华 (applicant1) has two notifications, 赵强 (applicant3) one.
/// </summary>
public partial class NotificationCentreTests
{
    private static readonly DateTimeOffset Now = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    private TitleReviewFactory _factory = null!;
    private Guid _zhaos;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(Now));
        await AddAsync("applicant1", "截止提醒：申报人填报与单位审核（不足3天）", Now.AddHours(-2));
        await AddAsync("applicant1", "申报材料已退回修改", Now.AddHours(-1));
        _zhaos = await AddAsync("applicant3", "赵强的通知", Now.AddHours(-1));
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task Header_OnEverySignedInPage_ShowsThePersonsUnreadCount()
    {
        var li = await SignedInClientAsync(_factory, "applicant1");
        var zhao = await SignedInClientAsync(_factory, "applicant3");
        var office = await SignedInClientAsync(_factory, "office");

        Unread(await li.GetStringAsync("/Applicant")).Should().Be("2");
        Unread(await li.GetStringAsync("/Account/Security")).Should().Be("2");
        Unread(await zhao.GetStringAsync("/Applicant")).Should().Be("1");
        var officeHome = await office.GetStringAsync("/Office");
        officeHome.Should().Contain("id=\"notification-link\"");
        Unread(officeHome).Should().BeNull("the office has no notification");
    }

    [Test]
    public async Task List_ShowsOnlyThePersonsOwn_NewestFirst()
    {
        var li = await SignedInClientAsync(_factory, "applicant1");

        var page = await li.GetStringAsync("/Notifications");

        page.Should().Contain("未读 2 条，共 2 条");
        page.IndexOf("申报材料已退回修改", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("截止提醒：申报人填报与单位审核", StringComparison.Ordinal));
        page.Should().NotContain("赵强的通知");
        page.Should().Contain("href=\"/Applicant\"");
    }

    [Test]
    public async Task MarkOneThenAll_ClearsTheBadge()
    {
        var li = await SignedInClientAsync(_factory, "applicant1");
        var page = await li.GetStringAsync("/Notifications");
        var first = FirstNotificationId().Match(page).Groups[1].Value;

        var one = await PostAsync(li, $"/Notifications?handler=Read&id={first}", page);
        one.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await li.GetStringAsync("/Notifications");
        Unread(page).Should().Be("1");
        page.Should().Contain("未读 1 条，共 2 条");

        var all = await PostAsync(li, "/Notifications?handler=ReadAll", page);
        all.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await li.GetStringAsync("/Notifications");
        Unread(page).Should().BeNull();
        page.Should().Contain("未读 0 条，共 2 条").And.Contain("已将 1 条通知标记为已读");
    }

    [Test]
    public async Task MarkRead_OfAnotherPersonsNotification_IsNotFound_AndLeavesItUnread()
    {
        var li = await SignedInClientAsync(_factory, "applicant1");
        var zhao = await SignedInClientAsync(_factory, "applicant3");
        var page = await li.GetStringAsync("/Notifications");

        var response = await PostAsync(li, $"/Notifications?handler=Read&id={_zhaos}", page);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Unread(await zhao.GetStringAsync("/Notifications")).Should().Be("1");
    }

    [Test]
    public async Task MarkAll_WithoutTheAntiforgeryToken_IsRefused()
    {
        var li = await SignedInClientAsync(_factory, "applicant1");

        var response = await li.PostAsync("/Notifications?handler=ReadAll", new FormUrlEncodedContent(new Dictionary<string, string>()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Unread(await li.GetStringAsync("/Notifications")).Should().Be("2");
    }

    [Test]
    public async Task Inspector_MayMarkTheirOwnRead_ButNotSendReminders()
    {
        await AddAsync("inspector1", "纪检监察的通知", Now);
        var inspector = await SignedInClientAsync(_factory, "inspector1");
        var page = await inspector.GetStringAsync("/Notifications");
        page.Should().Contain("全部标记为已读");

        var read = await PostAsync(inspector, "/Notifications?handler=ReadAll", page);
        var reminders = await inspector.GetStringAsync("/Office/Reminders");
        var send = await PostAsync(inspector, "/Office/Reminders?handler=Send", page);

        read.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Unread(await inspector.GetStringAsync("/Notifications")).Should().BeNull();
        reminders.Should().Contain("截止提醒").And.NotContain("id=\"send-reminders\"");
        send.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task OfficeRemindersPage_WithNothingDue_SaysSo()
    {
        var office = await SignedInClientAsync(_factory, "office");

        var page = await office.GetStringAsync("/Office/Reminders");

        page.Should().Contain("当前没有到期的截止提醒");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string pageWithToken) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = ReadAntiforgeryToken(pageWithToken) }));

    private static string? Unread(string html)
    {
        var match = UnreadBadge().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    private async Task<Guid> AddAsync(string userName, string title, DateTimeOffset at)
    {
        using var scope = _factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notification = AccountNotification.Create(user.Id, title, $"{title}的内容", "/Applicant", at);
        db.AccountNotifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    [GeneratedRegex("id=\"unread-count\">([^<]+)<")]
    private static partial Regex UnreadBadge();

    [GeneratedRegex("data-notification=\"([0-9a-f-]{36})\"")]
    private static partial Regex FirstNotificationId();
}
