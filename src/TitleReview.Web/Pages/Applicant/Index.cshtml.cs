using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Applicant;

public sealed class IndexModel(
    IApplicationDbContext db,
    IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> list,
    IHandler<StartApplication, Guid> start,
    TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? UnitName { get; private set; }

    public IReadOnlyList<ApplicationListItem> Rows { get; private set; } = [];

    public IReadOnlyList<OpenCampaign> OpenCampaigns { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(Guid campaignId, TitleLevel? level, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await start.HandleAsync(new StartApplication(campaignId, level, User.ToWorkflowActor()), cancellationToken);
        Message = "已开始申报，请按要求填报并提交。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToWorkflowActor();
        DisplayName = actor.Name;
        if (actor.UnitId is { } unitId)
        {
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        }

        var items = await list.HandleAsync(new ListApplications(actor), cancellationToken);
        Rows = items;

        var now = clock.GetUtcNow();
        var campaigns = await db.Campaigns.Include(c => c.Stages).AsNoTracking().ToListAsync(cancellationToken);
        OpenCampaigns = campaigns
            .Where(c => c.Stage(StageKeys.Filing).IsOpenAt(now) && items.All(i => i.Year != c.Year))
            .OrderByDescending(c => c.Year)
            .Select(c => new OpenCampaign(c.Id, c.Year, c.Name, $"填报时间：{BeijingTime.Format(c.Stage(StageKeys.Filing).OpensAt)} 至 {BeijingTime.Format(c.Stage(StageKeys.Filing).LastSecond)}（北京时间）"))
            .ToList();
    }

    public sealed record OpenCampaign(Guid CampaignId, int Year, string Name, string WindowText);
}
