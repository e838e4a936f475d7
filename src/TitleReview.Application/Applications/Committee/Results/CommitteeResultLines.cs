using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Results;

/// <summary>One candidate's committee result with who they are, as the office reads it.</summary>
internal sealed record ResultLine(Guid ApplicationId, string ApplicantName, Guid UnitId, string UnitName, TitleLevel Level, bool Passed, string TallyText);

/// <summary>
/// The committee's results of a campaign, read only through <see cref="ICommitteeResults"/> (the
/// vote's locked tallies) and joined with the candidates' names, units and levels.
/// </summary>
internal static class CommitteeResultLines
{
    public const string ReportDefinitionId = "resultsReport";
    public const string ReportSubjectType = WorkflowSubjectTypes.UnitResultsReport;

    /// <summary>What a candidate's line reads once the office vetoed them after the vote.</summary>
    public const string VetoedText = "一票否决";

    /// <summary>
    /// The campaign's results ordered like every publicity: level (highest first), unit, name. A
    /// candidate vetoed after the vote (a state meaning <c>vetoed</c>) reads failed, whatever the
    /// tally said. Two queries besides the results'.
    /// </summary>
    public static async Task<IReadOnlyList<ResultLine>> OfCampaignAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeResults results, IUnitDirectory units, Guid campaignId, CancellationToken cancellationToken)
    {
        var locked = await results.LockedResultsAsync(campaignId, cancellationToken);
        if (locked.Count == 0)
        {
            return [];
        }

        var ids = locked.Keys.ToList();
        var vetoed = definitions.All
            .Where(d => d.SubjectType == WorkflowSubjectTypes.Application)
            .SelectMany(d => d.StatesWith(StateCapabilities.Vetoed))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var candidates = await db.TitleApplications.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.ApplicantName,
                a.UnitId,
                a.Level,
                Vetoed = db.WorkflowInstances.Any(i => i.SubjectId == a.Id && i.SubjectType == WorkflowSubjectTypes.Application && vetoed.Contains(i.State)),
            })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. candidates.Select(c => c.UnitId).Distinct()], cancellationToken);
        return candidates
            .Select(c => new ResultLine(
                c.Id,
                c.ApplicantName,
                c.UnitId,
                cards.GetValueOrDefault(c.UnitId)?.Name ?? string.Empty,
                c.Level,
                locked[c.Id].Passed && !c.Vetoed,
                c.Vetoed ? $"{locked[c.Id].TallyText}；{VetoedText}" : locked[c.Id].TallyText))
            .OrderByDescending(l => l.Level)
            .ThenBy(l => l.UnitName, StringComparer.Ordinal)
            .ThenBy(l => l.ApplicantName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The public lines: name, unit, level, result; nothing of the tally.</summary>
    public static IReadOnlyList<PublicityLine> Public(IReadOnlyList<ResultLine> lines) =>
        lines.Select((l, i) => new PublicityLine(i + 1, l.ApplicantName, l.UnitName, l.Level, l.Passed)).ToList();

    public static async Task<IReadOnlyList<PublicityLine>> PublicAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, ICommitteeResults results, IUnitDirectory units, Guid campaignId, CancellationToken cancellationToken) =>
        Public(await OfCampaignAsync(db, definitions, results, units, campaignId, cancellationToken));

    /// <summary>
    /// The campaign's candidates still before the committee (a state meaning
    /// <c>referredToCommittee</c>, in any version: their level's vote has not closed), by level. One query.
    /// </summary>
    public static async Task<IReadOnlyList<PendingAtLevel>> PendingAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, CancellationToken cancellationToken)
    {
        var before = definitions.All
            .Where(d => d.SubjectType == WorkflowSubjectTypes.Application)
            .SelectMany(d => d.StatesWith(StateCapabilities.ReferredToCommittee))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var levels = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == WorkflowSubjectTypes.Application && i.CampaignId == campaignId && before.Contains(i.State))
            .GroupBy(i => i.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return levels
            .Select(l => (Known: Enum.TryParse<TitleLevel>(l.Level, out var level), Level: level, l.Count))
            .Where(l => l.Known)
            .Select(l => new PendingAtLevel(l.Level, l.Count))
            .OrderByDescending(p => p.Level)
            .ToList();
    }

    public static Task<PublicPublicity?> PublicityAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.PublicPublicities.AsNoTracking().FirstOrDefaultAsync(p => p.CampaignId == campaignId && p.Kind == PublicPublicityKind.CommitteeResults, cancellationToken);

    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以公布评审结果。");
        }
    }

    public static Guid RequireAuditor(WorkflowActor actor) =>
        actor.Roles.Contains(Roles.Auditor) && actor.UnitId is { } unitId
            ? unitId
            : throw new ForbiddenAccessException("只有单位审核人可以反馈本单位的评审结果公示情况。");
}
