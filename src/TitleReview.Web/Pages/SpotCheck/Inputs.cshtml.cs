using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages.SpotCheck;

/// <summary>
/// The draw's inputs as JSON, for anyone to recompute it (docs/spot-check-draw.md). Published only
/// after the draw: before it the address answers 404, as if there were nothing there.
/// </summary>
[AllowAnonymous]
public sealed class InputsModel(IHandler<GetSpotCheckInputs, SpotCheckInputs> get) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(await get.HandleAsync(new GetSpotCheckInputs(id), cancellationToken), Json);
    }
}
