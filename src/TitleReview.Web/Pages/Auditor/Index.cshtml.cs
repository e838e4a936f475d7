using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.Queries;
using TitleReview.Application.Workflows;
using TitleReview.Application.Units.ConfirmRegistration;
using TitleReview.Domain.Identity;
using TitleReview.Infrastructure.Identity;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

public sealed class IndexModel(
    IApplicationDbContext db,
    AccountDirectory accounts,
    IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> list,
    IHandler<ConfirmRegistration, FireResult> confirm,
    IHandler<GetRegistration, RegistrationDetail> registration) : PageModel
{
    public UnitView? Unit { get; private set; }

    public IReadOnlyList<AccountSummary> Applicants { get; private set; } = [];

    public IReadOnlyList<ApplicationListItem> Rows { get; private set; } = [];

    public IReadOnlyList<RegistrationDetail> Registrations { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid registrationId, Guid? expectedToken, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await confirm.HandleAsync(new ConfirmRegistration(registrationId, User.ToWorkflowActor(), expectedToken), cancellationToken);
        Message = "已核准本单位信息。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToWorkflowActor();
        if (actor.UnitId is not { } unitId)
        {
            return;
        }

        Unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new UnitView(u.Name, u.Region))
            .FirstOrDefaultAsync(cancellationToken);
        Applicants = (await accounts.ListUnitMembersAsync(unitId, cancellationToken))
            .Where(a => a.Role == Roles.Applicant)
            .ToList();
        var registrationIds = await db.UnitRegistrations.AsNoTracking()
            .Where(r => r.UnitId == unitId)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var registrations = new List<RegistrationDetail>();
        foreach (var id in registrationIds)
        {
            registrations.Add(await registration.HandleAsync(new GetRegistration(id, actor), cancellationToken));
        }

        Registrations = registrations;
        Rows = await list.HandleAsync(new ListApplications(actor), cancellationToken);
    }

    public sealed record UnitView(string Name, string Region);
}
