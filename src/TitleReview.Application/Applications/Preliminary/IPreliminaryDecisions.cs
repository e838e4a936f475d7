using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Preliminary;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>One preliminary review conclusion as the office gave it.</summary>
/// <param name="Reasons">The listed reasons in the words of the day they were given; empty for a pass.</param>
/// <param name="Note">The reviewer's own words (a failure's free-text reason, or a remark).</param>
/// <param name="ChangeReason">Why an earlier conclusion was changed; null for the first.</param>
/// <param name="IsCurrent">Whether it is the application's conclusion now (no later one replaced it).</param>
public sealed record PreliminaryDecisionView(
    Guid Id,
    Guid ApplicationId,
    PreliminaryOutcome Outcome,
    IReadOnlyList<string> Reasons,
    string? Note,
    string? ChangeReason,
    DateTimeOffset DecidedAt,
    string DecidedByName,
    bool IsCurrent)
{
    public string OutcomeName => PreliminaryOutcomes.DisplayName(Outcome);

    /// <summary>"任现职年限不足；继续教育学时不足。说明：……", as the journal records it.</summary>
    public string Summary => PreliminaryDecision.SummaryOf(Outcome, Reasons, Note);

    public bool Failed => Outcome == PreliminaryOutcome.Failed;
}

/// <summary>
/// What the Applications module tells other pages about the office's preliminary review
/// conclusions (the supplement page shows why a dossier failed; the desk shows the history), in
/// one query however many applications (ADR 22, 26).
/// </summary>
public interface IPreliminaryDecisions
{
    /// <summary>The current conclusion of those among <paramref name="applicationIds"/> the office has decided.</summary>
    Task<IReadOnlyDictionary<Guid, PreliminaryDecisionView>> CurrentAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default);

    /// <summary>Every conclusion on the application, the latest first.</summary>
    Task<IReadOnlyList<PreliminaryDecisionView>> HistoryAsync(Guid applicationId, CancellationToken cancellationToken = default);
}

internal sealed class PreliminaryDecisionDirectory(IApplicationDbContext db) : IPreliminaryDecisions
{
    public async Task<IReadOnlyDictionary<Guid, PreliminaryDecisionView>> CurrentAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default)
    {
        if (applicationIds.Count == 0)
        {
            return new Dictionary<Guid, PreliminaryDecisionView>();
        }

        var current = await db.PreliminaryDecisions.AsNoTracking()
            .Where(d => applicationIds.Contains(d.ApplicationId) && d.SupersededAt == null)
            .ToListAsync(cancellationToken);
        return current.ToDictionary(d => d.ApplicationId, ViewOf);
    }

    public async Task<IReadOnlyList<PreliminaryDecisionView>> HistoryAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var history = await db.PreliminaryDecisions.AsNoTracking()
            .Where(d => d.ApplicationId == applicationId)
            .ToListAsync(cancellationToken);

        // In memory: SQLite cannot order by a DateTimeOffset.
        return [.. history.OrderByDescending(d => d.DecidedAt).Select(ViewOf)];
    }

    internal static PreliminaryDecisionView ViewOf(PreliminaryDecision d) =>
        new(d.Id, d.ApplicationId, d.Outcome, [.. d.Reasons.Select(r => r.Text)], d.Note, d.ChangeReason, d.DecidedAt, d.DecidedByName, d.SupersededAt is null);
}
