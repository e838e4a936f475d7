using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns;

/// <summary>
/// What every campaign use case shares: the campaign's own workflow instance. Its definition
/// and stages are published (the definition loader and the demo read them); creating and
/// loading campaigns stay inside the module.
/// </summary>
public static class CampaignWorkflow
{
    public const string DefinitionId = "campaign";
    public const string SubjectType = WorkflowSubjectTypes.Campaign;

    /// <summary>The stages a campaign created now has: the latest campaign definition's, which its workflow will run on.</summary>
    public static StageCatalogue NewCampaignStages(IWorkflowDefinitions definitions) =>
        definitions.Latest(DefinitionId).Stages;

    internal static async Task<Guid> CreateAsync(
        IApplicationDbContext db,
        IWorkflowEngine engine,
        Campaign campaign,
        WorkflowActor actor,
        CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(c => c.Year == campaign.Year, cancellationToken))
        {
            throw new DomainException($"{campaign.Year} 年度评审工作已存在，不能重复创建；如需调整，请修改其时间安排。");
        }

        db.Campaigns.Add(campaign);
        await engine.StartAsync(
            DefinitionId,
            new WorkflowSubject(SubjectType, campaign.Id, campaign.Name, CampaignId: campaign.Id),
            actor,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return campaign.Id;
    }

    internal static Task<Campaign> LoadAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken) =>
        LoadAsync(db, c => c.Year == year, $"{year} 年度评审工作", cancellationToken);

    internal static Task<Campaign> LoadAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        LoadAsync(db, c => c.Id == id, "该年度评审工作", cancellationToken);

    private static async Task<Campaign> LoadAsync(
        IApplicationDbContext db,
        System.Linq.Expressions.Expression<Func<Campaign, bool>> predicate,
        string what,
        CancellationToken cancellationToken) =>
        await db.Campaigns.Include(c => c.Stages).Include(c => c.Rules).FirstOrDefaultAsync(predicate, cancellationToken)
            ?? throw new NotFoundException(what);
}
