using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Office.Accounts;

public sealed class IndexModel(AccountAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public AccountPage Result { get; private set; } = new([], 0, 1, AccountListQuery.DefaultPageSize);

    public bool IsOfficeAdmin => User.IsInRole(Roles.OfficeAdmin);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await admin.ListAsync(new AccountListQuery(Search, Role, PageNumber ?? 1), cancellationToken);
}
