using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>Where a dossier submitted to the office stands in its preliminary review, read from what its state means.</summary>
public enum PreliminaryStanding
{
    /// <summary>Paper checked in, no conclusion yet (待初审).</summary>
    Pending = 1,
    Passed = 2,
    Failed = 3,

    /// <summary>Not (or no longer) at the desk: paper not yet or never delivered, referred, vetoed.</summary>
    Other = 4,
}

/// <summary>The queue's filter tabs.</summary>
public enum PreliminaryFilter
{
    Pending = 1,
    Passed = 2,
    Failed = 3,
    All = 4,
}

public static class PreliminaryFilters
{
    public static readonly IReadOnlyList<PreliminaryFilter> All = [PreliminaryFilter.Pending, PreliminaryFilter.Passed, PreliminaryFilter.Failed, PreliminaryFilter.All];

    public static string DisplayName(PreliminaryFilter filter) => filter switch
    {
        PreliminaryFilter.Pending => "待初审",
        PreliminaryFilter.Passed => "已通过",
        PreliminaryFilter.Failed => "未通过",
        _ => "全部",
    };

    public static bool Admits(this PreliminaryFilter filter, PreliminaryStanding standing) => filter switch
    {
        PreliminaryFilter.Pending => standing == PreliminaryStanding.Pending,
        PreliminaryFilter.Passed => standing == PreliminaryStanding.Passed,
        PreliminaryFilter.Failed => standing == PreliminaryStanding.Failed,
        _ => true,
    };
}

public static class PreliminaryStandings
{
    public static string DisplayName(PreliminaryStanding standing) => standing switch
    {
        PreliminaryStanding.Pending => "待初审",
        PreliminaryStanding.Passed => "初审通过",
        PreliminaryStanding.Failed => "初审未通过",
        _ => "不在初审中",
    };

    internal static PreliminaryStanding Of(IWorkflowDefinitions definitions, WorkflowInstance instance)
    {
        if (definitions.Has(instance, StateCapabilities.PaperCheckedIn))
        {
            return PreliminaryStanding.Pending;
        }

        if (definitions.Has(instance, StateCapabilities.PreliminaryPassed))
        {
            return PreliminaryStanding.Passed;
        }

        return definitions.Has(instance, StateCapabilities.PreliminaryFailed) ? PreliminaryStanding.Failed : PreliminaryStanding.Other;
    }
}

internal static class PreliminaryAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("初审由省政工职评办的初审组办理，只有省政工职评办工作人员可以查看初审工作台和作出初审结论。");
        }
    }
}
