using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.CopyCampaign;

/// <summary>
/// Creates a year's campaign from an earlier year's, every window moved by whole years. The new
/// campaign has the latest campaign definition's stages, so a year copied from one created on an
/// older definition is refused, naming each stage it lacks.
/// </summary>
public sealed record CopyCampaign(int FromYear, int ToYear, WorkflowActor Actor);

internal sealed class CopyCampaignHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<CopyCampaign, Guid>
{
    public async Task<Guid> HandleAsync(CopyCampaign request, CancellationToken cancellationToken = default)
    {
        new Validation()
            .Require(request.ToYear > request.FromYear, "toYear", "新年度须晚于被复制的年度。")
            .Require(request.ToYear is >= Campaign.MinYear and <= Campaign.MaxYear, "toYear", $"年度须在 {Campaign.MinYear} 到 {Campaign.MaxYear} 之间。")
            .ThrowIfInvalid();

        var source = await CampaignWorkflow.LoadAsync(db, request.FromYear, cancellationToken);
        var years = request.ToYear - request.FromYear;
        var name = source.Name.Replace(request.FromYear.ToString(System.Globalization.CultureInfo.InvariantCulture), request.ToYear.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var catalogue = CampaignWorkflow.NewCampaignStages(definitions);
        var windows = source.WindowsShiftedBy(years);
        var problems = TimelineRules.Check(windows, catalogue);
        if (problems.Count > 0)
        {
            throw new DomainException(
                $"{request.FromYear} 年度的时间安排与现行阶段设置不一致，不能直接复制：{string.Join(" ", problems.Select(p => p.Message))} 可导出该年度的时间安排，补齐后导入。");
        }

        var campaign = Campaign.Create(Guid.NewGuid(), request.ToYear, name, source.TenureCutoff.AddYears(years), windows, catalogue, clock.GetUtcNow());
        // The conditions of each level, the fee among them, carry over: the office edits what changed.
        foreach (var rule in source.Rules)
        {
            campaign.SetRule(rule.ToRule());
        }

        // The office's address, contacts and account rarely change between years; it edits what did.
        if (source.OfficeDetails is { } details)
        {
            campaign.PublishOfficeDetails(details);
        }

        return await CampaignWorkflow.CreateAsync(db, engine, campaign, request.Actor, cancellationToken);
    }
}
