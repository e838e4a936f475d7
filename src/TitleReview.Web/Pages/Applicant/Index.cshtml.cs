using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Home.GetApplicantHome;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Applicant;

public sealed class IndexModel(
    IHandler<GetApplicantHome, ApplicantHome> home,
    IHandler<StartApplication, Guid> start) : PageModel, IPageWithData
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? UnitName { get; private set; }

    public IReadOnlyList<ApplicationListItem> Rows { get; private set; } = [];

    public IReadOnlyList<OpenCampaign> OpenCampaigns { get; private set; } = [];

    public IReadOnlyDictionary<Guid, DefenseAppointment> Defenses { get; private set; } = new Dictionary<Guid, DefenseAppointment>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(Guid campaignId, TitleLevel? level, CancellationToken cancellationToken)
    {
        await start.HandleAsync(new StartApplication(campaignId, level, User.ToWorkflowActor()), cancellationToken);
        Message = "已开始申报，请按要求填报并提交。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToWorkflowActor();
        var view = await home.HandleAsync(new GetApplicantHome(actor), cancellationToken);
        DisplayName = actor.Name;
        UnitName = view.UnitName;
        Rows = view.Applications;
        Defenses = view.Defenses;
        OpenCampaigns = view.OpenCampaigns
            .Select(c => new OpenCampaign(c.CampaignId, c.Year, c.Name, $"填报时间：{BeijingTime.Format(c.OpensAt)} 至 {BeijingTime.Format(c.LastSecond)}（北京时间）"))
            .ToList();
    }

    public sealed record OpenCampaign(Guid CampaignId, int Year, string Name, string WindowText);
}
