using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Preliminary;

/// <summary>
/// The preliminary review desk (初审工作台) for one dossier: everything the reviewer weighs, the
/// conclusion (通过, or 不通过 with reasons) and, until the results are published, its change.
/// </summary>
public sealed class ReviewModel(
    IHandler<GetPreliminaryDesk, PreliminaryDeskView> get,
    IHandler<PassPreliminary, PreliminaryDecided> pass,
    IHandler<FailPreliminary, PreliminaryDecided> fail,
    IHandler<ChangePreliminaryDecision, PreliminaryDecided> change) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The queue's filter the reviewer came from: previous and next follow it.</summary>
    [BindProperty(SupportsGet = true)]
    public PreliminaryFilter Filter { get; set; } = PreliminaryFilter.Pending;

    /// <summary>The listed reasons ticked.</summary>
    [BindProperty]
    public List<Guid> ReasonIds { get; set; } = [];

    /// <summary>The reviewer's own words: a failure's free-text reason, or a remark on a pass.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Why a conclusion is changed.</summary>
    [BindProperty]
    public string? ChangeReason { get; set; }

    /// <summary>The case's concurrency token as the desk showed it.</summary>
    [BindProperty]
    public Guid? InstanceToken { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PreliminaryDeskView Desk { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPassAsync(CancellationToken cancellationToken)
    {
        var decided = await pass.HandleAsync(new PassPreliminary(Id, Note, InstanceToken, User.ToWorkflowActor()), cancellationToken);
        return Decided(decided);
    }

    public async Task<IActionResult> OnPostFailAsync(CancellationToken cancellationToken)
    {
        var decided = await fail.HandleAsync(new FailPreliminary(Id, ReasonIds, Note, InstanceToken, User.ToWorkflowActor()), cancellationToken);
        return Decided(decided);
    }

    public async Task<IActionResult> OnPostChangeAsync(PreliminaryOutcome outcome, CancellationToken cancellationToken)
    {
        var decided = await change.HandleAsync(
            new ChangePreliminaryDecision(Id, outcome, outcome == PreliminaryOutcome.Failed ? ReasonIds : [], Note, ChangeReason, InstanceToken, User.ToWorkflowActor()),
            cancellationToken);
        return Decided(decided);
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Filter))
        {
            Filter = PreliminaryFilter.Pending;
        }

        Desk = await get.HandleAsync(new GetPreliminaryDesk(Id, Filter, User.ToWorkflowActor()), cancellationToken);
    }

    private RedirectToPageResult Decided(PreliminaryDecided decided)
    {
        Message = decided.Outcome == PreliminaryOutcome.Passed
            ? $"已记录{decided.ApplicantName}初审通过。"
            : $"已记录{decided.ApplicantName}初审不通过：{decided.Summary}";
        return RedirectToPage(new { id = Id, filter = Filter });
    }
}
