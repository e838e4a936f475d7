using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Common;
using TitleReview.Domain.Messaging;

namespace TitleReview.Application.Notifications.Outbox;

/// <summary>The office reads what the system sent, newest first, with each message's delivery status.</summary>
public sealed record ListOutboundMessages(DeliveryStatus? Status = null, MessageChannel? Channel = null, int? Page = null);

/// <summary>The office sends a failed message again.</summary>
public sealed record RetryOutboundMessage(Guid MessageId);

public sealed record OutboundMessageItem(
    Guid Id,
    DateTimeOffset CreatedAt,
    string ChannelName,
    string MaskedRecipient,
    string? RecipientName,
    string Purpose,
    string Subject,
    string Body,
    string StatusName,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError);

public static class OutboxDisplay
{
    public const string HiddenBody = "（内容含激活链接或验证码，已发送至本人，不在此显示）";

    public static string ChannelName(MessageChannel channel) => channel == MessageChannel.Email ? "电子邮件" : "短信";

    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "待发送",
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.StoredLocally => "已存入本地发件箱",
        _ => "发送失败",
    };
}

internal sealed class ListOutboundMessagesHandler(IApplicationDbContext db) : IHandler<ListOutboundMessages, PagedList<OutboundMessageItem>>
{
    public async Task<PagedList<OutboundMessageItem>> HandleAsync(ListOutboundMessages request, CancellationToken cancellationToken = default)
    {
        var (page, pageSize) = Paging.Normalize(request.Page, Paging.DefaultPageSize);
        var query = db.OutboundMessages.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (request.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = rows.Select(m => new OutboundMessageItem(
                m.Id,
                m.CreatedAt,
                OutboxDisplay.ChannelName(m.Channel),
                m.Channel == MessageChannel.Email ? EmailAddress.Mask(m.Recipient) : MobileNumber.Mask(m.Recipient),
                m.RecipientName,
                m.Purpose,
                m.Subject,
                m.IsReadableByOffice ? m.Body : OutboxDisplay.HiddenBody,
                OutboxDisplay.StatusName(m.Status),
                m.Status,
                m.Attempts,
                m.DeliveredAt,
                m.Status == DeliveryStatus.Pending ? m.NextAttemptAt : null,
                m.LastError))
            .ToList();
        return new PagedList<OutboundMessageItem>(items, page, pageSize, total);
    }
}

internal sealed class RetryOutboundMessageHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<RetryOutboundMessage, bool>
{
    public async Task<bool> HandleAsync(RetryOutboundMessage request, CancellationToken cancellationToken = default)
    {
        var message = await db.OutboundMessages.FirstOrDefaultAsync(m => m.Id == request.MessageId, cancellationToken)
            ?? throw new NotFoundException("该消息");
        message.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
