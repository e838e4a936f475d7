using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications.Centre;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Notifications;

/// <summary>The signed-in person's notification centre (站内通知): their notifications, newest first; mark one or all read.</summary>
public sealed class IndexModel(
    IHandler<ListMyNotifications, MyNotifications> list,
    IHandler<MarkNotificationRead, bool> markRead,
    IHandler<MarkAllNotificationsRead, int> markAllRead) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public MyNotifications Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await markRead.HandleAsync(new MarkNotificationRead(id, User.ToWorkflowActor()), cancellationToken);
        return RedirectToPage(new { PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var count = await markAllRead.HandleAsync(new MarkAllNotificationsRead(User.ToWorkflowActor()), cancellationToken);
        Message = count == 0 ? "没有未读通知。" : $"已将 {count} 条通知标记为已读。";
        return RedirectToPage(new { PageNumber });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Result = await list.HandleAsync(new ListMyNotifications(User.ToWorkflowActor(), PageNumber), cancellationToken);
}
