using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;

namespace TitleReview.Web.Pages.Office;

public sealed class IncomingModel(IHandler<ListIncoming, IReadOnlyList<IncomingUnit>> list, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<IncomingUnit> Units { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year ?? BeijingTime.Today(clock).Year;
        Units = await list.HandleAsync(new ListIncoming(Year), cancellationToken);
    }
}
