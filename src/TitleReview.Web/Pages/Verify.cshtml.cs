using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Web.Pages;

/// <summary>Anyone holding a printed paper checks it here; only name, unit and the paper's kind are shown.</summary>
[AllowAnonymous]
public sealed class VerifyModel(IHandler<VerifyDocument, VerificationResult> verify) : PageModel
{
    public string? Code { get; private set; }

    public VerificationResult? Result { get; private set; }

    public bool Unknown { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code;
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        try
        {
            Result = await verify.HandleAsync(new VerifyDocument(code), cancellationToken);
        }
        catch (NotFoundException)
        {
            Unknown = true;
        }
    }
}
