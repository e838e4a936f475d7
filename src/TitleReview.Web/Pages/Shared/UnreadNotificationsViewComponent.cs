using Microsoft.AspNetCore.Mvc;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications.Centre;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Shared;

/// <summary>The header's link to the notification centre with the unread count: one COUNT per page.</summary>
public sealed class UnreadNotificationsViewComponent(IHandler<CountUnreadNotifications, int> count) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await count.HandleAsync(new CountUnreadNotifications(UserClaimsPrincipal.ToWorkflowActor()), HttpContext.RequestAborted));
}
