using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Time;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

public sealed class InstanceModel(
    IHandler<GetInstanceDetail, InstanceDetailDto> detail,
    IHandler<FireTrigger, FireResult> fire,
    IWorkflowClock workflowClock,
    IWorkflowDiagrams diagrams,
    IWorkflowDefinitions definitions) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [TempData]
    public string? Message { get; set; }

    public InstanceDetailDto Detail { get; private set; } = null!;

    public string Diagram { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostFireAsync(string trigger, string? reason, DateTime? until, Guid? expectedToken, CancellationToken cancellationToken)
    {
        var untilInstant = until is { } u ? BeijingInput.FromInput(u, "until", "截止时间") : (DateTimeOffset?)null;
        var result = await fire.HandleAsync(new FireTrigger(Id, trigger, User.ToWorkflowActor(), reason, untilInstant, expectedToken), cancellationToken);

        // The message names the states in the words of the instance's definition, which the result does not carry.
        await LoadAsync(cancellationToken);
        var definition = definitions.Get(Detail.DefinitionId, Detail.DefinitionVersion);
        Message = $"已执行：{definition.StateDisplayName(result.FromState)} → {definition.StateDisplayName(result.ToState)}。";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await workflowClock.RetryIncidentAsync(incidentId, User.ToWorkflowActor().Name, cancellationToken);
        Message = "已重试该定时任务，请查看结果。";
        return RedirectToPage(new { id = Id });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Detail = await detail.HandleAsync(new GetInstanceDetail(Id, User.ToWorkflowActor()), cancellationToken);
        Diagram = diagrams.Mermaid(Detail.DefinitionId, Detail.DefinitionVersion, Detail.State);
    }
}
