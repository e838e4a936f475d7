using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>A candidate the committee passed (a state meaning <c>committeePassed</c>).</summary>
internal sealed record PassedCandidate(Guid ApplicationId, string ApplicantUserId, string ApplicantName, Guid UnitId, TitleLevel Level);

/// <summary>What the certificates' use cases share: who may act, the campaign of a year, the passed candidates, the results' first day.</summary>
internal static class CertificateCases
{
    /// <summary>The committee's name printed when the campaign formed none under another name.</summary>
    public const string DefaultCommitteeName = "贵州省政工专业职务任职资格评审委员会";

    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以管理证书。");
        }
    }

    public static Guid RequireAuditor(WorkflowActor actor) =>
        actor.Roles.Contains(Roles.Auditor) && actor.UnitId is { } unitId
            ? unitId
            : throw new ForbiddenAccessException("只有单位审核人可以查看本单位的证书。");

    /// <summary>The campaign of the year, or of the latest year when none is given; null when there is no campaign.</summary>
    public static async Task<(Campaign? Campaign, IReadOnlyList<int> Years)> CampaignAsync(ICurrentCampaign campaigns, int? year, CancellationToken cancellationToken)
    {
        var years = await campaigns.YearsAsync(cancellationToken);
        var chosen = year is { } y && years.Contains(y) ? y : years.FirstOrDefault();
        if (chosen == 0)
        {
            return (null, years);
        }

        return (await campaigns.OfYearAsync(chosen, cancellationToken), years);
    }

    public static async Task<Campaign> RequireCampaignAsync(ICurrentCampaign campaigns, int year, CancellationToken cancellationToken) =>
        await campaigns.OfYearAsync(year, cancellationToken) ?? throw new NotFoundException($"{year} 年度的评审");

    /// <summary>The campaign's passed candidates (of one unit, if given). One query.</summary>
    public static async Task<IReadOnlyList<PassedCandidate>> PassedAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var passed = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.CommitteePassed);
        return await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.SubjectType == ApplicationWorkflow.SubjectType
                    && instance.CampaignId == campaignId
                    && passed.Contains(instance.State)
                    && (unitId == null || application.UnitId == unitId)
                select new PassedCandidate(application.Id, application.ApplicantUserId, application.ApplicantName, application.UnitId, application.Level))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The first day of the campaign's results publicity; null before it is published. One query.</summary>
    public static Task<DateOnly?> ResultsFirstDayAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.PublicPublicities.AsNoTracking()
            .Where(p => p.CampaignId == campaignId && p.Kind == PublicPublicityKind.CommitteeResults)
            .Select(p => (DateOnly?)p.FirstDay)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The campaign's committee's name as the certificate prints it. One query.</summary>
    public static async Task<string> CommitteeNameAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        await db.ReviewCommittees.AsNoTracking().Where(c => c.CampaignId == campaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            ?? DefaultCommitteeName;

    /// <summary>Candidates in the order certificates are numbered and listed: level (highest first), unit, name.</summary>
    public static IEnumerable<T> InListOrder<T>(this IEnumerable<T> rows, Func<T, TitleLevel> level, Func<T, string> unit, Func<T, string> name) =>
        rows.OrderByDescending(level).ThenBy(unit, StringComparer.Ordinal).ThenBy(name, StringComparer.Ordinal);

    /// <summary>The level as the national platform files it.</summary>
    public static string Grade(TitleLevel level) => level switch
    {
        TitleLevel.Assistant => "初级",
        TitleLevel.Intermediate => "中级",
        TitleLevel.Senior => "副高级",
        _ => level.ToString(),
    };

    public static string StatusName(CertificateStatus status) => CertificateStatuses.DisplayName(status);
}
