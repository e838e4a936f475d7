using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Workflows;

namespace TitleReview.Web.Pages.Shared;

/// <summary>An application in a list, with what the signed-in user may do to it now.</summary>
public sealed record ApplicationRow(ApplicationListItem Item, IReadOnlyList<PermittedTrigger> Actions)
{
    public static async Task<IReadOnlyList<ApplicationRow>> LoadAsync(
        IReadOnlyList<ApplicationListItem> items,
        IWorkflowEngine engine,
        TitleReview.Domain.Workflows.WorkflowActor actor,
        CancellationToken cancellationToken)
    {
        var rows = new List<ApplicationRow>(items.Count);
        foreach (var item in items)
        {
            var actions = item.Finished ? [] : await engine.PermittedTriggersAsync(item.InstanceId, actor, cancellationToken);
            rows.Add(new ApplicationRow(item, actions));
        }

        return rows;
    }
}
