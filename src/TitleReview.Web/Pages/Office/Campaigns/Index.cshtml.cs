using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Campaigns.ListCampaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Campaigns;

public sealed class IndexModel(
    IHandler<ListCampaigns, IReadOnlyList<CampaignSummary>> list,
    IHandler<CreateCampaignFromTimeline, Guid> create,
    IHandler<CopyCampaign, Guid> copy,
    ITimelineFiles files,
    TimeProvider clock) : PageModel, IPageWithData
{
    public const long MaxTimelineFileBytes = 256 * 1024;

    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public IReadOnlyList<int> AvailableFiles { get; private set; } = [];

    public int SuggestedYear { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public int? ToYear { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostFromFileAsync(int fileYear, CancellationToken cancellationToken)
    {
        await create.HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(files.Read(fileYear)), User.ToWorkflowActor()), cancellationToken);
        Message = $"已从 workflows/timelines/{fileYear}.json 创建 {fileYear} 年度评审工作。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCopyAsync(int fromYear, CancellationToken cancellationToken)
    {
        if (ToYear is null)
        {
            ModelState.AddModelError(nameof(ToYear), "请填写新年度。");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await copy.HandleAsync(new CopyCampaign(fromYear, ToYear.Value, User.ToWorkflowActor()), cancellationToken);
        Message = $"已按 {fromYear} 年度的时间安排创建 {ToYear} 年度评审工作，请逐项核对时间。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? timelineFile, CancellationToken cancellationToken)
    {
        if (timelineFile is null || timelineFile.Length == 0)
        {
            throw new ValidationException("file", "请选择要导入的 JSON 文件。");
        }

        if (timelineFile.Length > MaxTimelineFileBytes)
        {
            throw new ValidationException("file", "时间安排文件不能超过 256 KB。");
        }

        using var reader = new StreamReader(timelineFile.OpenReadStream());
        var json = await reader.ReadToEndAsync(cancellationToken);
        var document = TimelineDocument.Parse(json);
        await create.HandleAsync(new CreateCampaignFromTimeline(document, User.ToWorkflowActor()), cancellationToken);
        Message = $"已导入 {document.Year} 年度的时间安排。";
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Campaigns = await list.HandleAsync(new ListCampaigns(), cancellationToken);
        AvailableFiles = files.Years.Where(y => Campaigns.All(c => c.Year != y)).ToList();
        SuggestedYear = Campaigns.Count == 0 ? BeijingTime.Today(clock).Year : Campaigns.Max(c => c.Year) + 1;
    }
}
