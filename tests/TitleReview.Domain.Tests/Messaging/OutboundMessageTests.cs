using TitleReview.Domain.Common;
using TitleReview.Domain.Messaging;

namespace TitleReview.Domain.Tests.Messaging;

public class OutboundMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 3, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void DeliveryBackoff_DoublesFromOneMinute_AndNeverWaitsMoreThanAnHour()
    {
        Enumerable.Range(1, 8).Select(DeliveryBackoff.DelayAfter).Should().Equal(
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
            TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        DeliveryBackoff.DelayAfter(100).Should().Be(TimeSpan.FromHours(1));
    }

    [Test]
    public void AFailedAttempt_StaysPending_WithItsNextAttemptPlanned_UntilTheLastAttempt()
    {
        var message = NewMessage();

        message.MarkAttemptFailed("smtp", "connection refused", Now);

        message.Status.Should().Be(DeliveryStatus.Pending);
        message.Attempts.Should().Be(1);
        message.NextAttemptAt.Should().Be(Now.AddMinutes(1));
        message.LastError.Should().Be("connection refused");

        for (var i = 2; i <= DeliveryBackoff.MaxAttempts; i++)
        {
            message.MarkAttemptFailed("smtp", "connection refused", Now);
        }

        message.Status.Should().Be(DeliveryStatus.Failed);
        message.Attempts.Should().Be(DeliveryBackoff.MaxAttempts);
    }

    [Test]
    public void Delivered_RecordsHowItLeft_AndClearsTheLastError()
    {
        var message = NewMessage();
        message.MarkAttemptFailed("smtp", "timeout", Now);

        message.MarkDelivered("eml-file", storedLocally: true, Now.AddMinutes(1));

        message.Status.Should().Be(DeliveryStatus.StoredLocally);
        message.Transport.Should().Be("eml-file");
        message.DeliveredAt.Should().Be(Now.AddMinutes(1));
        message.LastError.Should().BeNull();
    }

    [Test]
    public void Requeue_IsOnlyForAFailedMessage_AndStartsAFreshRoundOfAttempts()
    {
        var message = NewMessage();
        var early = () => message.Requeue(Now);
        early.Should().Throw<DomainException>().WithMessage("只有发送失败的消息才能重新发送。");

        for (var i = 0; i < DeliveryBackoff.MaxAttempts; i++)
        {
            message.MarkAttemptFailed("sms-gateway", "503", Now);
        }

        message.Requeue(Now.AddHours(2));

        message.Status.Should().Be(DeliveryStatus.Pending);
        message.Attempts.Should().Be(0);
        message.NextAttemptAt.Should().Be(Now.AddHours(2));
    }

    [Test]
    public void ASecret_IsReadableByTheOffice_OnlyWhileTheLocalOutboxIsItsChannel()
    {
        var secret = NewMessage();
        secret.IsReadableByOffice.Should().BeFalse("pending: it may still leave by SMS");
        secret.MarkDelivered("sms-gateway", storedLocally: false, Now);
        secret.IsReadableByOffice.Should().BeFalse("it reached the person; the office has no need of it");

        var local = NewMessage();
        local.MarkDelivered("sms-file", storedLocally: true, Now);
        local.IsReadableByOffice.Should().BeTrue("on the embedded default the office is the channel");

        var notice = OutboundMessage.Create(MessageChannel.Email, "a@example.cn", null, "审核人账号已可使用", "请登录", "审核人账号", false, Now);
        notice.MarkDelivered("smtp", storedLocally: false, Now);
        notice.IsReadableByOffice.Should().BeTrue();
    }

    [Test]
    public void AnOverlongBodyOrError_IsCutToWhatTheColumnHolds()
    {
        var message = OutboundMessage.Create(MessageChannel.Email, " a@example.cn ", null, "主题", new string('字', 5000), "测试", false, Now);
        message.MarkAttemptFailed("smtp", new string('e', 3000), Now);

        message.Recipient.Should().Be("a@example.cn");
        message.Body.Should().HaveLength(OutboundMessage.MaxBodyLength);
        message.LastError.Should().HaveLength(OutboundMessage.MaxErrorLength);
    }

    private static OutboundMessage NewMessage() =>
        OutboundMessage.Create(MessageChannel.Sms, "13800000101", "王敏", "请激活审核人账号", "链接", "激活账号", true, Now);
}
