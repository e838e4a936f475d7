using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Notifications.Centre;

/// <summary>How many of the signed-in person's notifications are unread (the header's badge): one COUNT.</summary>
public sealed record CountUnreadNotifications(WorkflowActor Actor);

/// <summary>The signed-in person's notifications, newest first, a page at a time.</summary>
public sealed record ListMyNotifications(WorkflowActor Actor, int? Page = null);

/// <summary>The person marks one of their notifications read.</summary>
public sealed record MarkNotificationRead(Guid NotificationId, WorkflowActor Actor);

/// <summary>The person marks every one of their notifications read; returns how many were unread.</summary>
public sealed record MarkAllNotificationsRead(WorkflowActor Actor);

public sealed record NotificationItem(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

public sealed record MyNotifications(PagedList<NotificationItem> Page, int Unread);

internal sealed class CountUnreadNotificationsHandler(IApplicationDbContext db) : IHandler<CountUnreadNotifications, int>
{
    public Task<int> HandleAsync(CountUnreadNotifications request, CancellationToken cancellationToken = default) =>
        db.AccountNotifications.AsNoTracking().CountAsync(n => n.AccountId == request.Actor.Id && n.ReadAt == null, cancellationToken);
}

internal sealed class ListMyNotificationsHandler(IApplicationDbContext db) : IHandler<ListMyNotifications, MyNotifications>
{
    public async Task<MyNotifications> HandleAsync(ListMyNotifications request, CancellationToken cancellationToken = default)
    {
        var (page, pageSize) = Paging.Normalize(request.Page, Paging.DefaultPageSize);
        var mine = db.AccountNotifications.AsNoTracking().Where(n => n.AccountId == request.Actor.Id);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new MyNotifications(new PagedList<NotificationItem>(items, page, pageSize, total), unread);
    }
}

internal sealed class MarkNotificationReadHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<MarkNotificationRead, bool>
{
    public async Task<bool> HandleAsync(MarkNotificationRead request, CancellationToken cancellationToken = default)
    {
        // Another person's notification is answered as one that does not exist.
        var notification = await db.AccountNotifications.FirstOrDefaultAsync(n => n.Id == request.NotificationId && n.AccountId == request.Actor.Id, cancellationToken)
            ?? throw new NotFoundException("该通知");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal sealed class MarkAllNotificationsReadHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<MarkAllNotificationsRead, int>
{
    public async Task<int> HandleAsync(MarkAllNotificationsRead request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var unread = await db.AccountNotifications.Where(n => n.AccountId == request.Actor.Id && n.ReadAt == null).ToListAsync(cancellationToken);
        foreach (var notification in unread)
        {
            notification.MarkRead(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}
