using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;

namespace TitleReview.Web.Pages.Units;

/// <summary>
/// The unit looks up its registration with its access token (posted, so it stays out of URLs
/// and logs): state, dates, masked contacts and its notices, never an activation link.
/// </summary>
public sealed class StatusModel(IHandler<GetRegistrationStatus, RegistrationStatus> status) : PageModel
{
    [BindProperty]
    public string? AccessToken { get; set; }

    public RegistrationStatus? Status { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            ModelState.AddModelError(nameof(AccessToken), "请输入查询码。");
            return Page();
        }

        try
        {
            Status = await status.HandleAsync(new GetRegistrationStatus(AccessToken), cancellationToken);
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError(nameof(AccessToken), "查询码不正确或已作废，请核对后重试；遗失查询码的，请联系省政工职评办重新发送。");
        }

        return Page();
    }
}
