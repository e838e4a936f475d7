using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>The expert's pledge page (保密承诺与回避申报) for a year; the committee stage's campaign when none is asked.</summary>
public sealed record GetExpertPledge(int? Year, WorkflowActor Actor);

public sealed record DeclaredConflictLine(Guid ApplicationId, string ApplicantName, ConflictKind Kind, string Note, DateTimeOffset DeclaredAt)
{
    public string KindName => ConflictKindNames.Describe(Kind);
}

/// <param name="Seated">The account sits on the year's committee; when not, the page says so and offers nothing.</param>
/// <param name="PledgedAt">Null until the expert accepts the pledge.</param>
/// <param name="Candidates">The candidates the expert reviews, a conflict may be declared with.</param>
public sealed record ExpertPledgeView(
    int Year,
    string CampaignName,
    bool Seated,
    string PledgeText,
    DateTimeOffset? PledgedAt,
    IReadOnlyList<CandidateLine> Candidates,
    IReadOnlyList<DeclaredConflictLine> Declared)
{
    public bool Pledged => PledgedAt is not null;
}

/// <summary>One conflict as the form sends it.</summary>
public sealed record ConflictInput(Guid? ApplicationId, ConflictKind? Kind, string? Note);

/// <summary>The expert accepts the year's confidentiality pledge, declaring any conflicts with candidates they review.</summary>
public sealed record AcceptPledge(int Year, bool Accepted, IReadOnlyList<ConflictInput> Conflicts, WorkflowActor Actor);

/// <summary>After the pledge the expert adds conflicts; none is ever taken back.</summary>
public sealed record DeclareConflicts(int Year, IReadOnlyList<ConflictInput> Conflicts, WorkflowActor Actor);

internal sealed class GetExpertPledgeHandler(
    IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ICurrentCampaign current, ICommitteeSeats seats)
    : IHandler<GetExpertPledge, ExpertPledgeView>
{
    public async Task<ExpertPledgeView> HandleAsync(GetExpertPledge request, CancellationToken cancellationToken = default)
    {
        var campaign = await ReviewedCandidates.CampaignAsync(current, request.Year, cancellationToken);
        var seat = await seats.SeatAsync(request.Actor.Id, campaign.Id, cancellationToken);
        if (seat is null)
        {
            return new ExpertPledgeView(campaign.Year, campaign.Name, false, ExpertDeclaration.PledgeText, null, [], []);
        }

        var candidates = await ReviewedCandidates.OfAsync(db, definitions, units, seat, cancellationToken);
        var declaration = await db.ExpertDeclarations.AsNoTracking()
            .FirstOrDefaultAsync(d => d.ExpertId == seat.ExpertId && d.CampaignId == campaign.Id, cancellationToken);
        var declared = declaration?.Conflicts ?? [];
        var names = await NamesAsync(db, declared.Select(c => c.ApplicationId).Except(candidates.Select(c => c.ApplicationId)).ToList(), cancellationToken);
        foreach (var candidate in candidates)
        {
            names[candidate.ApplicationId] = candidate.ApplicantName;
        }

        return new ExpertPledgeView(
            campaign.Year,
            campaign.Name,
            true,
            ExpertDeclaration.PledgeText,
            declaration?.PledgedAt,
            candidates,
            [.. declared.OrderBy(c => c.DeclaredAt).Select(c => new DeclaredConflictLine(c.ApplicationId, names.GetValueOrDefault(c.ApplicationId) ?? string.Empty, c.Kind, c.Note, c.DeclaredAt))]);
    }

    /// <summary>A candidate declared earlier may have left the committee's states since (decided by its vote).</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(IApplicationDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.TitleApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ApplicantName, cancellationToken);
}

internal sealed class AcceptPledgeHandler(
    IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ICurrentCampaign current, ICommitteeSeats seats, TimeProvider clock)
    : IHandler<AcceptPledge, Guid>
{
    public async Task<Guid> HandleAsync(AcceptPledge request, CancellationToken cancellationToken = default)
    {
        var (seat, candidates) = await PledgeData.SeatAsync(db, definitions, units, current, seats, request.Year, request.Actor, cancellationToken);
        if (seat.Pledged)
        {
            throw new DomainException("您已确认本年度的保密承诺；如需补充回避申报，请在下方“补充申报回避”中提交。");
        }

        var now = clock.GetUtcNow();
        var v = new Validation().Check(nameof(request.Accepted), new PledgeMustBeAcceptedRule(request.Accepted));
        var conflicts = PledgeData.Validate(v, request.Conflicts, candidates, now);
        v.ThrowIfInvalid();

        var declaration = ExpertDeclaration.Pledge(seat.ExpertId, seat.CampaignId, request.Accepted, conflicts, candidates, now);
        db.ExpertDeclarations.Add(declaration);
        await db.SaveChangesAsync(cancellationToken);
        return declaration.Id;
    }
}

internal sealed class DeclareConflictsHandler(
    IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ICurrentCampaign current, ICommitteeSeats seats, TimeProvider clock)
    : IHandler<DeclareConflicts, int>
{
    public async Task<int> HandleAsync(DeclareConflicts request, CancellationToken cancellationToken = default)
    {
        var (seat, candidates) = await PledgeData.SeatAsync(db, definitions, units, current, seats, request.Year, request.Actor, cancellationToken);
        var declaration = await db.ExpertDeclarations.FirstOrDefaultAsync(d => d.ExpertId == seat.ExpertId && d.CampaignId == seat.CampaignId, cancellationToken)
            ?? throw new DomainException(new PledgeMustBeAcceptedRule(false).Message);

        var v = new Validation().Require(request.Conflicts.Count > 0, nameof(request.Conflicts), "请勾选要申报回避的人员。");
        var conflicts = PledgeData.Validate(v, request.Conflicts, candidates, clock.GetUtcNow());
        v.ThrowIfInvalid();

        declaration.Declare(conflicts, candidates);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("您的回避申报刚刚已有变动，本次未保存；请刷新页面后重新提交。", ex);
        }

        return conflicts.Count;
    }
}

internal static class PledgeData
{
    /// <summary>The actor's seat on the year's committee and the candidates they review; not found for anyone without a seat.</summary>
    public static async Task<(ExpertSeat Seat, IReadOnlyCollection<Guid> Candidates)> SeatAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, ICurrentCampaign current, ICommitteeSeats seats,
        int year, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var campaign = await current.OfYearAsync(year, cancellationToken) ?? throw new NotFoundException("评审年度");
        var seat = await seats.SeatAsync(actor.Id, campaign.Id, cancellationToken) ?? throw new NotFoundException("评审委员会席位");
        var candidates = await ReviewedCandidates.OfAsync(db, definitions, units, seat, cancellationToken);
        return (seat, candidates.Select(c => c.ApplicationId).ToHashSet());
    }

    /// <summary>Each conflict's fields checked where the form shows them (keyed by the candidate), turned into what the declaration records.</summary>
    public static IReadOnlyList<DeclaredConflict> Validate(Validation v, IReadOnlyList<ConflictInput> inputs, IReadOnlyCollection<Guid> candidates, DateTimeOffset now)
    {
        var conflicts = new List<DeclaredConflict>();
        foreach (var input in inputs)
        {
            if (input.ApplicationId is not { } id || !candidates.Contains(id))
            {
                v.Add("Conflicts", "申报回避的人员须为您评审的本年度送评人员，请刷新页面后重新选择。");
                continue;
            }

            var field = $"Conflicts[{id}]";
            v.Require(input.Kind is { } kind && Enum.IsDefined(kind), $"{field}.Kind", "请选择与该申报人的关系类型。");
            v.Check($"{field}.Note", new ConflictNoteWithinLengthRule([new DeclaredConflict(id, ConflictKind.OtherRelation, input.Note ?? string.Empty, now)]));
            if (input.Kind is { } chosen && Enum.IsDefined(chosen))
            {
                conflicts.Add(new DeclaredConflict(id, chosen, input.Note?.Trim() ?? string.Empty, now));
            }
        }

        return conflicts;
    }
}
