using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

/// <summary>The unit's own 接收回执, for its auditor to print and keep.</summary>
public sealed class ReceiptModel(IHandler<GetDeliveryReceipt, DeliveryReceiptView> get) : PageModel
{
    public DeliveryReceiptView Receipt { get; private set; } = null!;

    public async Task OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var actor = User.ToWorkflowActor();
        Receipt = await get.HandleAsync(new GetDeliveryReceipt(year, actor.UnitId ?? Guid.Empty, actor), cancellationToken);
    }
}
