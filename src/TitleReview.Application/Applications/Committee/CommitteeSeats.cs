using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;

namespace TitleReview.Application.Applications.Committee;

/// <summary>One expert's seat on a campaign's committee, as the expert's pages, the defense and the vote read it.</summary>
/// <param name="Pledged">Whether the expert accepted the campaign's confidentiality pledge: before that they see no dossier.</param>
public sealed record ExpertSeat(
    Guid ExpertId,
    string Name,
    string Organisation,
    Guid CampaignId,
    Guid CommitteeId,
    CommitteeRole Role,
    TitleLevel? LevelGroup,
    bool Pledged)
{
    public bool IsChair => Role == CommitteeRole.Chair;

    public bool Reviews(TitleLevel level) => LevelGroup is null || LevelGroup == level;
}

/// <summary>
/// Who sits on a campaign's committee and whom each expert must stay away from. Every part that
/// shows a dossier to an expert or takes their vote asks here (<see cref="Recusal"/> decides).
/// </summary>
public interface ICommitteeSeats
{
    /// <summary>The account's seat on the campaign's committee; null when the account is no member (or the expert is inactive).</summary>
    Task<ExpertSeat?> SeatAsync(string userId, Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>The campaign's applications the expert is recused from, with the reason.</summary>
    Task<IReadOnlyDictionary<Guid, RecusalReason>> RecusalsAsync(Guid expertId, Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>Each expert's recusals among the campaign's applications, for the vote and the office's pages.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<Guid, RecusalReason>>> RecusalsByExpertAsync(Guid campaignId, IReadOnlyCollection<Guid> expertIds, CancellationToken cancellationToken = default);
}

internal sealed class CommitteeSeats(IApplicationDbContext db, IUnitDirectory units) : ICommitteeSeats
{
    public async Task<ExpertSeat?> SeatAsync(string userId, Guid campaignId, CancellationToken cancellationToken = default)
    {
        var expert = await db.Experts.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.IsActive, cancellationToken);
        if (expert is null)
        {
            return null;
        }

        var committee = await db.ReviewCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == campaignId, cancellationToken);
        var member = committee?.SeatOf(expert.Id);
        if (committee is null || member is null)
        {
            return null;
        }

        var pledged = await db.ExpertDeclarations.AnyAsync(d => d.ExpertId == expert.Id && d.CampaignId == campaignId, cancellationToken);
        return new ExpertSeat(expert.Id, expert.Name, expert.Organisation, campaignId, committee.Id, member.Role, member.LevelGroup, pledged);
    }

    public async Task<IReadOnlyDictionary<Guid, RecusalReason>> RecusalsAsync(Guid expertId, Guid campaignId, CancellationToken cancellationToken = default)
    {
        var all = await RecusalsByExpertAsync(campaignId, [expertId], cancellationToken);
        return all.TryGetValue(expertId, out var recusals) ? recusals : new Dictionary<Guid, RecusalReason>();
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<Guid, RecusalReason>>> RecusalsByExpertAsync(
        Guid campaignId, IReadOnlyCollection<Guid> expertIds, CancellationToken cancellationToken = default)
    {
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToListAsync(cancellationToken);
        var declarations = await db.ExpertDeclarations.AsNoTracking()
            .Where(d => d.CampaignId == campaignId && expertIds.Contains(d.ExpertId))
            .ToDictionaryAsync(d => d.ExpertId, cancellationToken);
        var candidates = await db.TitleApplications.AsNoTracking()
            .Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Id, a.UnitId })
            .ToListAsync(cancellationToken);
        var unitNames = await units.FindAllAsync(candidates.Select(c => c.UnitId).Distinct().ToList(), cancellationToken);

        return experts.ToDictionary(
            e => e.Id,
            e => (IReadOnlyDictionary<Guid, RecusalReason>)candidates
                .Select(c => (c.Id, Reason: Recusal.Of(e, c.UnitId, unitNames.GetValueOrDefault(c.UnitId)?.Name ?? string.Empty, declarations.GetValueOrDefault(e.Id), c.Id)))
                .Where(x => x.Reason is not null)
                .ToDictionary(x => x.Id, x => x.Reason!.Value));
    }
}
