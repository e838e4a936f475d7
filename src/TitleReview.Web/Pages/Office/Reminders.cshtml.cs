using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Reminders;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

/// <summary>截止提醒: who the reminders due now go to (a preview), and sending them now rather than at the next hourly run.</summary>
public sealed class RemindersModel(
    IHandler<PreviewReminders, ReminderPreview> preview,
    IHandler<SendReminders, RemindersSent> send) : PageModel, IPageWithData
{
    [TempData]
    public string? Message { get; set; }

    public ReminderPreview Preview { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        var result = await send.HandleAsync(new SendReminders(User.ToWorkflowActor()), cancellationToken);
        Message = result.Sent == 0 ? "没有需要发送的提醒（到期的提醒均已发送过）。" : $"已发送 {result.Sent} 条截止提醒。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Preview = await preview.HandleAsync(new PreviewReminders(User.ToWorkflowActor()), cancellationToken);
}
