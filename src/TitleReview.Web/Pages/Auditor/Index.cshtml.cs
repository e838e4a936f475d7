using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetAuditorHome;
using TitleReview.Application.Security;
using TitleReview.Application.Units;
using TitleReview.Application.Units.ConfirmRegistration;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

public sealed class IndexModel(
    IHandler<GetAuditorHome, AuditorHome> home,
    IHandler<ConfirmRegistration, FireResult> confirm) : PageModel, IPageWithData
{
    public UnitCard? Unit { get; private set; }

    public IReadOnlyList<AccountSummary> Applicants { get; private set; } = [];

    public IReadOnlyList<ApplicationListItem> Rows { get; private set; } = [];

    public IReadOnlyList<UnitRegistrationRow> Registrations { get; private set; } = [];

    /// <summary>Where and when to deliver and pay, and whom to call; null when there is no campaign.</summary>
    public Application.Campaigns.OfficeNotice? Office { get; private set; }

    /// <summary>The publicity feedback the unit owes now; null when none is due.</summary>
    public FeedbackDue? FeedbackDue { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid registrationId, Guid? expectedToken, CancellationToken cancellationToken)
    {
        await confirm.HandleAsync(new ConfirmRegistration(registrationId, User.ToWorkflowActor(), expectedToken), cancellationToken);
        Message = "已核准本单位信息。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var view = await home.HandleAsync(new GetAuditorHome(User.ToWorkflowActor()), cancellationToken);
        (Unit, Applicants, Rows, Registrations, Office, FeedbackDue) = (view.Unit, view.Applicants, view.Applications, view.Registrations, view.Office, view.FeedbackDue);
    }
}
