using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Supplements;

/// <summary>One round of supplements as the applicant and the office read it.</summary>
public sealed record SupplementRound(
    Guid Id,
    int Round,
    string? Note,
    DateTimeOffset? SubmittedAt,
    SupplementDecision? Decision,
    string? DecisionReason,
    DateTimeOffset? DecidedAt,
    string? DecidedByName,
    IReadOnlyList<SupplementFileView> Files);

public sealed record SupplementFileView(Guid Id, string Name, string ContentType, long Length, string Sha256);

/// <summary>The review desk's failing decision: what the applicant reads and answers with supplements.</summary>
public sealed record FailingReason(string Text, DateTimeOffset At);

/// <summary>What the supplement use cases read alike.</summary>
internal static class SupplementData
{
    /// <summary>The campaign of the year; without a year, the latest one that published its preliminary results (or the latest one).</summary>
    public static async Task<Campaign> CampaignAsync(IApplicationDbContext db, int? year, CancellationToken cancellationToken)
    {
        var campaigns = db.Campaigns.Include(c => c.Stages).AsNoTracking();
        var campaign = year is { } y
            ? await campaigns.FirstOrDefaultAsync(c => c.Year == y, cancellationToken)
            : await campaigns.Where(c => db.PublicPublicities.Any(p => p.CampaignId == c.Id && p.Kind == PublicPublicityKind.PreliminaryResults))
                  .OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken)
              ?? await campaigns.OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);
        return campaign ?? throw new NotFoundException(year is null ? "年度评审" : $"{year} 年度的评审");
    }

    public static Task<PublicPublicity?> PublicityAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.PublicPublicities.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CampaignId == campaignId && p.Kind == PublicPublicityKind.PreliminaryResults, cancellationToken);

    /// <summary>
    /// Why each failed application failed: the review desk's current conclusion, with its listed
    /// reasons in the words of the day and the reviewer's note. One query whatever the count.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, FailingReason>> FailingReasonsAsync(
        IPreliminaryDecisions decisions, IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(applicationIds, cancellationToken);
        return current.Values.Where(d => d.Failed).ToDictionary(d => d.ApplicationId, d => new FailingReason(d.Summary, d.DecidedAt));
    }

    /// <summary>Every round of each application's supplements with their files, oldest first. One query.</summary>
    public static async Task<ILookup<Guid, SupplementRound>> RoundsAsync(IApplicationDbContext db, IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var supplements = await db.Supplements.AsNoTracking().Include(s => s.Files)
            .Where(s => applicationIds.Contains(s.ApplicationId))
            .ToListAsync(cancellationToken);
        return supplements.OrderBy(s => s.Round).ToLookup(s => s.ApplicationId, ToRound);
    }

    public static SupplementRound ToRound(Supplement s) => new(
        s.Id,
        s.Round,
        s.Note,
        s.SubmittedAt,
        s.Decision,
        s.DecisionReason,
        s.DecidedAt,
        s.DecidedByName,
        [.. s.Files.OrderBy(f => f.UploadedAt).Select(f => new SupplementFileView(f.Id, f.OriginalName, f.ContentType, f.Length, f.Sha256))]);

    public static string Describe(SupplementDecision decision) => decision switch
    {
        SupplementDecision.Passed => "改为通过",
        SupplementDecision.KeptFailed => "维持不通过",
        _ => string.Empty,
    };
}
