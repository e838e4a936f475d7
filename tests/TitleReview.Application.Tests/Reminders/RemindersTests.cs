using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications.Centre;
using TitleReview.Application.Reminders;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Messaging;
using TitleReview.Domain.Notifications;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Reminders;

/// <summary>
/// Deadline reminders (issue 18, ADR 56) on the 2023 campaign, whose filing window closes at
/// Sep 1 00:00 Beijing time: 李华 (applicant1) keeps a draft, 张丽 (applicant2) waits for 王敏's
/// (auditor1) review, 赵强 (applicant3) was returned by 刘洋 (auditor2), 周婷 (applicant4) was approved.
/// </summary>
public class RemindersTests : WorkflowTestBase
{
    private const string Purpose = "截止提醒";

    private Guid _li;
    private Guid _zhang;
    private Guid _zhao;
    private Guid _zhou;

    [SetUp]
    public async Task FourApplicantsInFourStatesAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        _li = await StartApplicationAsync("applicant1");
        _zhang = await StartApplicationAsync("applicant2");
        _zhao = await StartApplicationAsync("applicant3");
        _zhou = await StartApplicationAsync("applicant4");
        await FireAsync(_zhang, "submit", "applicant2");
        await FireAsync(_zhao, "submit", "applicant3");
        await FireAsync(_zhao, "return", "auditor2", "请补充工作材料。");
        await FireAsync(_zhou, "submit", "applicant4");
        await FireAsync(_zhou, "approve", "auditor2");
    }

    [Test]
    public async Task SendReminders_ThreeDaysBeforeTheFilingClose_RemindsExactlyTheDraftsTheReturnedAndTheWaitingAuditorOnce_AndASecondRunSendsNone()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 29, 0, 0, 0));

        var first = await SendAsync();
        var second = await SendAsync();

        first.Should().Be(new RemindersSent(3, 0));
        second.Should().Be(new RemindersSent(0, 3));
        var notifications = await NotificationsAsync();
        notifications.Select(n => n.AccountId).Should().BeEquivalentTo(await IdsAsync("applicant1", "applicant3", "auditor1"));
        notifications.Should().OnlyContain(n => n.Title == "截止提醒：申报人填报与单位审核（不足3天）" && n.Body.Contains("2023-08-31 23:59:59"));
        notifications.Single(n => n.AccountId == Ids["auditor1"]).Should().BeEquivalentTo(new { Link = "/Auditor" }, o => o.ExcludingMissingMembers());
        notifications.Single(n => n.AccountId == Ids["auditor1"]).Body.Should().Contain("本单位有 1 份申报材料等待您审核");
        notifications.Single(n => n.AccountId == Ids["applicant1"]).Link.Should().Be("/Applicant");

        var messages = await MessagesAsync();
        messages.Should().OnlyContain(m => m.Channel == MessageChannel.Sms);
        messages.Select(m => m.Recipient).Should().BeEquivalentTo(Mobiles("applicant1", "applicant3", "auditor1"));
        messages.Single(m => m.Recipient == Mobile("applicant1")).Body.Should().StartWith("李华，您好：2023年度“申报人填报与单位审核”将于 2023-08-31 23:59:59（北京时间）截止").And.Contain("/Applicant");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RemindersSent.CountAsync())).Should().Be(3);
    }

    [Test]
    public async Task SendReminders_TheDayBeforeTheClose_SendsTheOneDayReminderBesideTheThreeDayOne_OnceAgain()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 29, 9, 0, 0));
        await SendAsync();
        await FireAsync(_zhang, "approve", "auditor1");
        Clock.SetUtcNow(Beijing(2023, 8, 31, 8, 0, 0));

        var oneDay = await SendAsync();
        var again = await SendAsync();

        oneDay.Sent.Should().Be(2, "李华 and 赵强 still have drafts; 王敏 has nothing waiting any more");
        again.Sent.Should().Be(0);
        var sent = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RemindersSent.AsNoTracking().ToListAsync());
        sent.Where(r => r.Lead == ReminderLead.OneDay).Select(r => r.AccountId).Should().BeEquivalentTo(await IdsAsync("applicant1", "applicant3"));
        (await NotificationsAsync()).Where(n => n.AccountId == Ids["applicant1"]).Select(n => n.Title)
            .Should().BeEquivalentTo("截止提醒：申报人填报与单位审核（不足3天）", "截止提醒：申报人填报与单位审核（不足1天）");
    }

    [Test]
    public async Task SendReminders_WhenTheJobMissedTheThreeDaySlot_SendsOnlyTheOneDayReminder()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 31, 8, 0, 0));

        (await SendAsync()).Sent.Should().Be(3);

        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RemindersSent.AsNoTracking().Select(r => r.Lead).ToListAsync()))
            .Should().OnlyContain(l => l == ReminderLead.OneDay);
    }

    [Test]
    public async Task SendReminders_BeforeTheSlotAndAfterTheClose_SendsNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 28, 23, 0, 0));
        (await SendAsync()).Should().Be(new RemindersSent(0, 0));

        // The drafts are still drafts (the clock that closes them has not run): the window is what counts.
        Clock.SetUtcNow(Beijing(2023, 9, 1, 0, 0, 0));
        (await SendAsync()).Should().Be(new RemindersSent(0, 0));

        (await NotificationsAsync()).Should().BeEmpty();
        (await MessagesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task SendReminders_TwoRunsAtOnce_SendEachReminderOnce()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 29, 10, 0, 0));

        var runs = await Task.WhenAll(SendAsync(), SendAsync());

        runs.Sum(r => r.Sent).Should().Be(3);
        (await NotificationsAsync()).Should().HaveCount(3);
        (await MessagesAsync()).Should().HaveCount(3);
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RemindersSent.CountAsync())).Should().Be(3);
    }

    [Test]
    public async Task SendReminders_ToUnits_ThatHaveNotSubmittedDeliveredPaperOrPaid_BeforeEachClose()
    {
        // 张丽 approved and left unsubmitted; 周婷 through publicity and submitted to the office.
        await FireAsync(_zhang, "approve", "auditor1");
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        var auditor2 = await ActorAsync("auditor2");
        var zhou = (await InstanceAsync(_zhou)).SubjectId;
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([zhou], auditor2)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(zhou, PublicityOutcome.NoObjection, null, auditor2)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([zhou], auditor2)));

        // Submission and paper delivery both close at Sep 9 00:00.
        Clock.SetUtcNow(Beijing(2023, 9, 6, 8, 0, 0));
        (await SendAsync()).Sent.Should().Be(2);
        Clock.SetUtcNow(Beijing(2023, 9, 13, 8, 0, 0));
        (await SendAsync()).Sent.Should().Be(1, "the payment window closes at Sep 16 00:00 and 省交通运输 has paid nothing");

        var notifications = await NotificationsAsync();
        notifications.Select(n => (n.AccountId, n.Link)).Should().BeEquivalentTo(new[]
        {
            (Ids["auditor1"], "/Auditor/Publicity"),
            (Ids["auditor2"], "/Auditor/Instructions"),
            (Ids["auditor2"], "/Auditor/Payment"),
        });
        notifications.Single(n => n.Link == "/Auditor/Publicity").Body.Should().Contain("本单位有 1 份审核通过的申报材料尚未报送");
        (await MessagesAsync()).Select(m => m.Recipient).Should().BeEquivalentTo(Mobiles("auditor1", "auditor2", "auditor2"));
    }

    [Test]
    public async Task PreviewReminders_ShowsTheOfficeWhoWouldBeReminded_AndIsRefusedToAnApplicant()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 29, 9, 0, 0));
        var office = await ActorAsync("office");
        var applicant = await ActorAsync("applicant1");

        var before = await InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewReminders, ReminderPreview>>().HandleAsync(new PreviewReminders(office)));
        await SendAsync();
        var after = await InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewReminders, ReminderPreview>>().HandleAsync(new PreviewReminders(office)));
        var refused = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PreviewReminders, ReminderPreview>>().HandleAsync(new PreviewReminders(applicant)));

        before.ToSend.Should().Be(3);
        before.Rows.Select(r => (r.RecipientName, r.AudienceName)).Should().BeEquivalentTo(new[] { ("李华", "申报人"), ("赵强", "申报人"), ("王敏", "单位审核人") });
        before.Rows.Single(r => r.RecipientName == "李华").Contact.Should().Be("手机 139****0201");
        after.ToSend.Should().Be(0);
        after.Rows.Should().HaveCount(3).And.OnlyContain(r => r.AlreadySent);
        await refused.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task NotificationCentre_ListsAndMarksOnlyThePersonsOwn()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 29, 9, 0, 0));
        await SendAsync();
        var li = await ActorAsync("applicant1");
        var zhao = await ActorAsync("applicant3");
        var zhaos = (await ListAsync(zhao)).Page.Items.Single();

        var stranger = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<MarkNotificationRead, bool>>().HandleAsync(new MarkNotificationRead(zhaos.Id, li)));
        await stranger.Should().ThrowAsync<NotFoundException>();
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<MarkAllNotificationsRead, int>>().HandleAsync(new MarkAllNotificationsRead(li)))).Should().Be(1);

        (await ListAsync(li)).Should().BeEquivalentTo(new { Unread = 0 }, o => o.ExcludingMissingMembers());
        (await ListAsync(li)).Page.Items.Should().ContainSingle().Which.IsRead.Should().BeTrue();
        (await ListAsync(zhao)).Unread.Should().Be(1, "another person's marking changes nothing of 赵强's");
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<CountUnreadNotifications, int>>().HandleAsync(new CountUnreadNotifications(zhao))))
            .Should().Be(1);
    }

    [Test]
    public async Task ReturnDossier_LeavesTheApplicantANotificationLinkingToTheDossier()
    {
        var auditor = await ActorAsync("auditor1");
        var applicationId = (await InstanceAsync(_zhang)).SubjectId;

        await InScopeAsync(sp => sp.GetRequiredService<IHandler<ReturnDossier, FireResult>>().HandleAsync(
            new ReturnDossier(applicationId, new Dictionary<DossierSection, string?> { [DossierSection.Achievements] = "工作材料字数不足，请补充。" }, null, auditor)));

        var notification = (await NotificationsAsync()).Should().ContainSingle().Subject;
        notification.AccountId.Should().Be(Ids["applicant2"]);
        notification.Title.Should().Be("申报材料被退回修改");
        notification.Body.Should().Contain("王敏").And.Contain("工作材料字数不足，请补充。");
        notification.Link.Should().Be($"/Applicant/Dossier/{applicationId}");
    }

    private Dictionary<string, string> Ids { get; } = [];

    private Task<MyNotifications> ListAsync(WorkflowActor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<ListMyNotifications, MyNotifications>>().HandleAsync(new ListMyNotifications(actor)));

    private Task<RemindersSent> SendAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<SendReminders, RemindersSent>>().HandleAsync(new SendReminders(WorkflowActor.Clock)));

    private async Task<IReadOnlyList<string>> IdsAsync(params string[] userNames)
    {
        foreach (var userName in userNames)
        {
            Ids[userName] = (await ActorAsync(userName)).Id;
        }

        return userNames.Select(u => Ids[u]).ToList();
    }

    private static string Mobile(string userName) => DemoAccounts.Users.Single(u => u.UserName == userName).Mobile!;

    private static string[] Mobiles(params string[] userNames) => userNames.Select(Mobile).ToArray();

    private async Task<List<AccountNotification>> NotificationsAsync()
    {
        await IdsAsync("applicant1", "applicant2", "applicant3", "applicant4", "auditor1", "auditor2");
        return await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AccountNotifications.AsNoTracking().ToListAsync());
    }

    private Task<List<OutboundMessage>> MessagesAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.AsNoTracking().Where(m => m.Purpose == Purpose).ToListAsync());
}
