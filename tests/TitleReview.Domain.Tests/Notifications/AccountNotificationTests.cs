using TitleReview.Domain.Notifications;
using TitleReview.Domain.Tests.Common;

namespace TitleReview.Domain.Tests.Notifications;

public class AccountNotificationTests
{
    private static readonly DateTimeOffset Now = new(2023, 8, 29, 0, 0, 0, TimeSpan.Zero);

    [TestCase("https://evil.example/phish")]
    [TestCase("//evil.example/phish")]
    [TestCase("Applicant")]
    [TestCase("/\\evil.example")]
    [TestCase("/Applicant javascript:alert(1)")]
    public void Create_WithALinkLeavingTheSite_BreaksNotificationLinkStaysInsideTheSite(string link) =>
        RuleAssert.Breaks<NotificationLinkStaysInsideTheSiteRule>(() => AccountNotification.Create("user-1", "标题", "内容", link, Now))
            .Message.Should().Be("通知中的链接只能指向本系统内的页面。");

    [Test]
    public void Create_WithoutARecipient_BreaksNotificationHasARecipient() =>
        RuleAssert.Breaks<NotificationHasARecipientRule>(() => AccountNotification.Create(" ", "标题", "内容", "/Applicant", Now));

    [Test]
    public void MarkRead_Twice_KeepsTheFirstTimeItWasRead()
    {
        var notification = AccountNotification.Create("user-1", " 截止提醒 ", "内容", "/Applicant/Dossier/1?tab=x", Now);

        notification.MarkRead(Now.AddHours(1));
        notification.MarkRead(Now.AddHours(2));

        notification.Should().BeEquivalentTo(new { Title = "截止提醒", IsRead = true, ReadAt = (DateTimeOffset?)Now.AddHours(1), Link = "/Applicant/Dossier/1?tab=x" });
    }
}
