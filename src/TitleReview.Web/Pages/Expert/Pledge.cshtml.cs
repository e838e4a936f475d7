using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Expert;

/// <summary>The year's confidentiality pledge and conflict declaration; after the pledge, more conflicts may be added.</summary>
public sealed class PledgeModel(
    IHandler<GetExpertPledge, ExpertPledgeView> get,
    IHandler<AcceptPledge, Guid> accept,
    IHandler<DeclareConflicts, int> declare) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public bool Accepted { get; set; }

    /// <summary>One row per candidate the expert reviews, as the form sends it.</summary>
    [BindProperty]
    public List<ConflictForm> Conflicts { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public ExpertPledgeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        var year = await YearAsync(cancellationToken);
        await accept.HandleAsync(new AcceptPledge(year, Accepted, Selected(), User.ToWorkflowActor()), cancellationToken);
        Message = "您已确认保密承诺，可以开始评审。";
        return RedirectToPage("./Index", new { year });
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken cancellationToken)
    {
        var year = await YearAsync(cancellationToken);
        var count = await declare.HandleAsync(new DeclareConflicts(year, Selected(), User.ToWorkflowActor()), cancellationToken);
        Message = $"已补充申报 {count} 项回避。";
        return RedirectToPage(new { year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetExpertPledge(Year, User.ToWorkflowActor()), cancellationToken);

    /// <summary>What the form shows for a candidate: what was just posted (after a refusal), else nothing chosen.</summary>
    public ConflictForm Shown(Guid applicationId) => Conflicts.FirstOrDefault(c => c.ApplicationId == applicationId) ?? new ConflictForm { ApplicationId = applicationId };

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>The year the form is about: the one asked, else the committee stage's (as the page showed it).</summary>
    private async Task<int> YearAsync(CancellationToken cancellationToken)
    {
        if (Year is { } year)
        {
            return year;
        }

        await LoadAsync(cancellationToken);
        return View.Year;
    }

    private List<ConflictInput> Selected() =>
        [.. Conflicts.Where(c => c.Selected).Select(c => new ConflictInput(c.ApplicationId, c.Kind, c.Note))];
}

public sealed class ConflictForm
{
    public bool Selected { get; set; }

    public Guid? ApplicationId { get; set; }

    public ConflictKind? Kind { get; set; }

    public string? Note { get; set; }
}
