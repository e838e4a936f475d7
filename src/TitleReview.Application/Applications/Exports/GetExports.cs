using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Exports;

/// <summary>
/// 数据导出: the years there are campaigns for, and the year's published lists (preliminary results,
/// committee list, committee results) whose sheets the page offers beside the year's other exports.
/// </summary>
public sealed record GetExports(int? Year, WorkflowActor Actor);

/// <param name="Year">The chosen year (the latest campaign's when none or an unknown one is asked); 0 when there is no campaign.</param>
public sealed record ExportsView(int Year, IReadOnlyList<int> Years, IReadOnlyList<PublishedListExport> PublishedLists);

/// <summary>A publicity the office published, whose sheet is the same as its public page's.</summary>
public sealed record PublishedListExport(Guid Id, PublicPublicityKind Kind, string KindName, string Title, DateOnly FirstDay, DateOnly LastDay);

internal sealed class GetExportsHandler(IApplicationDbContext db, ICurrentCampaign campaigns) : IHandler<GetExports, ExportsView>
{
    public static string KindName(PublicPublicityKind kind) => kind switch
    {
        PublicPublicityKind.PreliminaryResults => "初审结果公示",
        PublicPublicityKind.CommitteeList => "送评名单公示",
        PublicPublicityKind.CommitteeResults => "评审结果公示",
        _ => kind.ToString(),
    };

    public async Task<ExportsView> HandleAsync(GetExports request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var years = await campaigns.YearsAsync(cancellationToken);
        var year = request.Year is { } asked && years.Contains(asked) ? asked : years.FirstOrDefault();
        var lists = await (
                from publicity in db.PublicPublicities.AsNoTracking()
                join campaign in db.Campaigns.AsNoTracking() on publicity.CampaignId equals campaign.Id
                where campaign.Year == year
                orderby publicity.Kind, publicity.FirstDay
                select new { publicity.Id, publicity.Kind, publicity.Title, publicity.FirstDay, publicity.LastDay })
            .ToListAsync(cancellationToken);
        return new ExportsView(year, years, [.. lists.Select(p => new PublishedListExport(p.Id, p.Kind, KindName(p.Kind), p.Title, p.FirstDay, p.LastDay))]);
    }
}
