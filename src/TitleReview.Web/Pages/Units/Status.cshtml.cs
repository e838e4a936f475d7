using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;

namespace TitleReview.Web.Pages.Units;

/// <summary>The unit looks up its registration by number and credit code: status, inbox, form.</summary>
public sealed class StatusModel(IHandler<FindRegistration, RegistrationDetail> find) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public RegistrationDetail? Detail { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        try
        {
            Detail = await find.HandleAsync(new FindRegistration(Number, Code), cancellationToken);
        }
        catch (NotFoundException)
        {
            Problem = "没有找到与该报送编号和统一社会信用代码相符的报送，请核对后重试。";
        }
    }
}
