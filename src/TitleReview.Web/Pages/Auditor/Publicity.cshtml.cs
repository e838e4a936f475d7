using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Auditor;

public sealed class PublicityModel(
    IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> list,
    IHandler<StartUnitPublicity, PublicityStarted> start,
    IHandler<RecordUnitPublicity, FireResult> record,
    IHandler<SubmitToOffice, int> submit,
    TimeProvider clock) : PageModel, IPageWithData
{
    private IReadOnlyList<ApplicationListItem> _items = [];

    public DateOnly Today { get; private set; }

    public int Year { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public IEnumerable<ApplicationListItem> Approved => Current(StateCapabilities.PublicityMayStart);

    public IEnumerable<ApplicationListItem> Running => Current(StateCapabilities.PublicityRunning);

    public IEnumerable<ApplicationListItem> Passed => Current(StateCapabilities.ReadyForOffice);

    public IEnumerable<ApplicationListItem> Submitted => Current(StateCapabilities.SubmittedToOffice);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(List<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var started = await start.HandleAsync(new StartUnitPublicity(applicationIds, User.ToWorkflowActor()), cancellationToken);
        Message = $"已开始公示 {started.Count} 人：{started.Start:yyyy年M月d日} 至 {started.End:yyyy年M月d日}（5 个工作日）。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid applicationId, PublicityOutcome? outcome, string? note, CancellationToken cancellationToken)
    {
        await record.HandleAsync(new RecordUnitPublicity(applicationId, outcome, note, User.ToWorkflowActor()), cancellationToken);
        Message = "已记录公示结果。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSubmitAsync(List<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var count = await submit.HandleAsync(new SubmitToOffice(applicationIds, User.ToWorkflowActor()), cancellationToken);
        Message = $"已将 {count} 份电子材料报送省政工职评办。";
        return RedirectToPage();
    }

    private IEnumerable<ApplicationListItem> Current(string capability) => _items.Where(i => i.Year == Year && i.Means(capability));

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = BeijingTime.Today(clock);
        _items = await list.HandleAsync(new ListApplications(User.ToWorkflowActor()), cancellationToken);
        Year = _items.Count == 0 ? Today.Year : _items.Max(i => i.Year);
    }
}
