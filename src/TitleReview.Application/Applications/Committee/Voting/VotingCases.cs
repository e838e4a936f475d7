using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Applications.Committee.Voting;

/// <summary>A case of the campaign as the vote reads it: its workflow instance and state, its name and unit.</summary>
internal sealed record VotingCaseRow(
    Guid InstanceId,
    Guid ApplicationId,
    string ApplicantName,
    Guid UnitId,
    TitleLevel Level,
    string DefinitionId,
    int DefinitionVersion,
    string State);

/// <summary>
/// The campaign's cases as the vote sees them, read by what their states mean: a non-senior on the
/// published list may be passed or failed by the vote; a senior goes to the vote once defended, is
/// failed without a ballot when absent, and keeps the session shut while their attendance is not recorded.
/// </summary>
internal static class VotingCases
{
    /// <summary>Every case of the campaign sent to the committee, or decided by one of its sessions.</summary>
    public static async Task<IReadOnlyList<VotingCaseRow>> OfCampaignAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, IReadOnlyCollection<Guid> decided, CancellationToken cancellationToken)
    {
        var referred = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.ReferredToCommittee);
        return await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId
                      && (referred.Contains(instance.State) || decided.Contains(application.Id))
                orderby application.ApplicantName
                select new VotingCaseRow(instance.Id, application.Id, application.ApplicantName, application.UnitId, application.Level, instance.DefinitionId, instance.DefinitionVersion, instance.State))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Where the case stands for its level's vote; null when the vote has nothing to do with it (any more).</summary>
    public static VotingStanding? StandingOf(VotingCaseRow row, WorkflowDefinition definition)
    {
        bool Means(string capability) => definition.Has(row.State, capability);
        if (!Means(StateCapabilities.ReferredToCommittee))
        {
            return null;
        }

        if (row.Level == TitleLevel.Senior)
        {
            return Means(StateCapabilities.DefenseHeld) ? VotingStanding.Candidate
                : Means(StateCapabilities.DefenseAbsent) ? VotingStanding.AbsentFromDefense
                : VotingStanding.AttendanceNotRecorded;
        }

        return definition.TransitionFor(WorkflowOperations.PassByCommitteeVote, row.State) is not null ? VotingStanding.Candidate : null;
    }

    public static IReadOnlyList<VotingCase> CasesOf(IEnumerable<VotingCaseRow> rows, TitleLevel level, IWorkflowDefinitions definitions) =>
        rows.Where(r => r.Level == level)
            .Select(r => (Row: r, Standing: StandingOf(r, definitions.Get(r.DefinitionId, r.DefinitionVersion))))
            .Where(x => x.Standing is not null)
            .Select(x => new VotingCase(x.Row.ApplicationId, x.Row.ApplicantName, x.Standing!.Value))
            .ToList();

    /// <summary>The session, tracked, for a command; not found when it does not exist.</summary>
    public static async Task<VotingSession> SessionAsync(IApplicationDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        await db.VotingSessions.AsSplitQuery().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
        ?? throw new NotFoundException("该评审表决");

    public static VotingWindow WindowOf(Domain.Campaigns.Campaign campaign)
    {
        var stage = campaign.Stage(Domain.Campaigns.StageKeys.Defense);
        return new VotingWindow(stage.OpensAt, stage.ClosesAt, stage.Describe());
    }

    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以组织评审表决。");
        }
    }

    public static void RequireExpert(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Expert))
        {
            throw new ForbiddenAccessException("只有评委可以投票。");
        }
    }
}
