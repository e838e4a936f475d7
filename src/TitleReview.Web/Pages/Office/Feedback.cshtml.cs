using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office;

/// <summary>The units' publicity feedback: whose is missing or not yet submitted, per unit, and what the others reported.</summary>
public sealed class FeedbackModel(IHandler<ListFeedbackForOffice, OfficeFeedbackView> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public OfficeFeedbackView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await list.HandleAsync(new ListFeedbackForOffice(Year, User.ToWorkflowActor()), cancellationToken);
}
