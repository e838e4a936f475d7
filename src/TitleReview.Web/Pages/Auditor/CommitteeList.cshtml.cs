using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>The unit's people on the year's committee list or not, with the reasons, once the office has published it.</summary>
public sealed class CommitteeListModel(IHandler<GetUnitCommitteeList, UnitCommitteeListView> get) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public UnitCommitteeListView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await get.HandleAsync(new GetUnitCommitteeList(Year, User.ToWorkflowActor()), cancellationToken);
}
