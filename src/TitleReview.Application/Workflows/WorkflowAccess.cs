using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows;

/// <summary>
/// Who may see (and so act on) an instance: the office every one, an auditor their own
/// unit's, an applicant their own. Anyone else gets "not found", never "forbidden".
/// </summary>
public static class WorkflowAccess
{
    public static bool CanSee(WorkflowInstance instance, WorkflowActor actor)
    {
        if (actor.IsSystem || actor.ReadsAsOffice)
        {
            return true;
        }

        if (actor.Roles.Contains(Roles.Auditor) && actor.UnitId is { } unit && instance.UnitId == unit)
        {
            return true;
        }

        return actor.Roles.Contains(Roles.Applicant) && instance.OwnerUserId == actor.Id;
    }

    public static IQueryable<WorkflowInstance> Visible(IQueryable<WorkflowInstance> instances, WorkflowActor actor)
    {
        if (actor.IsSystem || actor.ReadsAsOffice)
        {
            return instances;
        }

        var unitId = actor.Roles.Contains(Roles.Auditor) ? actor.UnitId : null;
        var ownerId = actor.Roles.Contains(Roles.Applicant) ? actor.Id : null;
        return instances.Where(i => (unitId != null && i.UnitId == unitId) || (ownerId != null && i.OwnerUserId == ownerId));
    }
}
