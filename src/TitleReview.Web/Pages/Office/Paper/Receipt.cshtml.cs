using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Paper;

/// <summary>接收回执 of a unit's delivery, laid out for printing (ADR 0010).</summary>
public sealed class ReceiptModel(IHandler<GetDeliveryReceipt, DeliveryReceiptView> get) : PageModel
{
    public DeliveryReceiptView Receipt { get; private set; } = null!;

    public async Task OnGetAsync(int year, Guid unitId, CancellationToken cancellationToken) =>
        Receipt = await get.HandleAsync(new GetDeliveryReceipt(year, unitId, User.ToWorkflowActor()), cancellationToken);
}
