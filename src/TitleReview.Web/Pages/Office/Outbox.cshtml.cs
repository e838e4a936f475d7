using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Notifications.Outbox;
using TitleReview.Domain.Messaging;

namespace TitleReview.Web.Pages.Office;

/// <summary>What the system sent by e-mail and SMS, with delivery status; failed messages can be sent again.</summary>
public sealed class OutboxModel(
    IHandler<ListOutboundMessages, PagedList<OutboundMessageItem>> list,
    IHandler<RetryOutboundMessage, bool> retry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DeliveryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public MessageChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PagedList<OutboundMessageItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await list.HandleAsync(new ListOutboundMessages(Status, Channel, PageNumber), cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await retry.HandleAsync(new RetryOutboundMessage(id), cancellationToken);
        Message = "已重新排队发送。";
        return RedirectToPage(new { Status, Channel, PageNumber });
    }
}
