using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>The inspector's page: who opened which candidate's dossier or scan and when, with the experts' opinions; filtered and paged.</summary>
public sealed record GetDossierOpenings(int? Year, Guid? ApplicationId, Guid? ExpertId, int? Page, WorkflowActor Actor);

public sealed record OpeningRow(DateTimeOffset OpenedAt, string ExpertName, string ApplicantName, DossierOpeningKind Kind, string? ScanName)
{
    public string What => Kind == DossierOpeningKind.Scan ? $"{DossierOpeningKinds.DisplayName(Kind)}：{ScanName}" : DossierOpeningKinds.DisplayName(Kind);
}

public sealed record OpinionRow(Guid ApplicationId, string ApplicantName, string ExpertName, string Text, OpinionRecommendation Recommendation, DateTimeOffset UpdatedAt)
{
    public string RecommendationName => OpinionRecommendations.DisplayName(Recommendation);
}

public sealed record FilterOption(Guid Id, string Name);

/// <param name="Candidates">The candidates with an opening or an opinion in the year, for the filter.</param>
/// <param name="Experts">The experts with an opening or an opinion in the year, for the filter.</param>
public sealed record DossierOpeningsView(
    int Year,
    IReadOnlyList<int> Years,
    Guid? ApplicationId,
    Guid? ExpertId,
    IReadOnlyList<FilterOption> Candidates,
    IReadOnlyList<FilterOption> Experts,
    PagedList<OpeningRow> Openings,
    IReadOnlyList<OpinionRow> Opinions);

internal sealed class GetDossierOpeningsHandler(IApplicationDbContext db, ICurrentCampaign current) : IHandler<GetDossierOpenings, DossierOpeningsView>
{
    public async Task<DossierOpeningsView> HandleAsync(GetDossierOpenings request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.ReadsAsOffice)
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员和纪检监察人员可以查看评审专家的查阅记录。");
        }

        var years = await current.YearsAsync(cancellationToken);
        var campaign = (request.Year is { } asked ? await current.OfYearAsync(asked, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken))
            ?? throw new NotFoundException("评审年度");
        var (page, pageSize) = Paging.Normalize(request.Page, null);

        var openings = db.DossierOpenings.AsNoTracking().Where(o => o.CampaignId == campaign.Id);
        var opinions = db.ExpertOpinions.AsNoTracking().Where(o => o.CampaignId == campaign.Id);
        var people = await (
                from o in openings.Select(o => new { o.ApplicationId, o.ExpertId }).Union(opinions.Select(o => new { o.ApplicationId, o.ExpertId }))
                join a in db.TitleApplications on o.ApplicationId equals a.Id
                join e in db.Experts on o.ExpertId equals e.Id
                select new { o.ApplicationId, a.ApplicantName, o.ExpertId, ExpertName = e.Name })
            .ToListAsync(cancellationToken);
        if (request.ApplicationId is { } applicationId)
        {
            openings = openings.Where(o => o.ApplicationId == applicationId);
            opinions = opinions.Where(o => o.ApplicationId == applicationId);
        }

        if (request.ExpertId is { } expertId)
        {
            openings = openings.Where(o => o.ExpertId == expertId);
            opinions = opinions.Where(o => o.ExpertId == expertId);
        }

        var total = await openings.CountAsync(cancellationToken);
        var rows = await (
                from o in openings
                join a in db.TitleApplications on o.ApplicationId equals a.Id
                join e in db.Experts on o.ExpertId equals e.Id
                join s in db.DossierAttachments on o.AttachmentId equals s.Id into scans
                from s in scans.DefaultIfEmpty()
                orderby o.Id descending
                select new OpeningRow(o.OpenedAt, e.Name, a.ApplicantName, o.Kind, s == null ? null : s.OriginalName))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var written = await (
                from o in opinions
                join a in db.TitleApplications on o.ApplicationId equals a.Id
                join e in db.Experts on o.ExpertId equals e.Id
                select new OpinionRow(o.ApplicationId, a.ApplicantName, e.Name, o.Text, o.Recommendation, o.UpdatedAt))
            .ToListAsync(cancellationToken);

        return new DossierOpeningsView(
            campaign.Year,
            years,
            request.ApplicationId,
            request.ExpertId,
            [.. people.DistinctBy(p => p.ApplicationId).Select(p => new FilterOption(p.ApplicationId, p.ApplicantName)).OrderBy(o => o.Name, StringComparer.Ordinal)],
            [.. people.DistinctBy(p => p.ExpertId).Select(p => new FilterOption(p.ExpertId, p.ExpertName)).OrderBy(o => o.Name, StringComparer.Ordinal)],
            new PagedList<OpeningRow>(rows, page, pageSize, total),
            [.. written.OrderBy(o => o.ApplicantName, StringComparer.Ordinal).ThenBy(o => o.ExpertName, StringComparer.Ordinal)]);
    }
}
