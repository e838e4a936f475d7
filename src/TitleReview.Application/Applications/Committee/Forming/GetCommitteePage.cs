using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.ChangeCommitteeTerms;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Forming;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>The office's committee page (评审委员会): the year's committee, each member's pledge and recusals, the quorum per level, the terms.</summary>
public sealed record GetCommitteePage(int? Year, WorkflowActor Actor);

/// <summary>A candidate the member stays away from, and why.</summary>
public sealed record RecusalLine(string CandidateName, string UnitName, string Reason);

/// <summary>One active expert (or a seated one since deactivated) as the form offers them.</summary>
/// <param name="Role">The seat's role; null when the expert is not on the committee.</param>
/// <param name="PledgedAt">When the member accepted the year's confidentiality pledge; null until they do.</param>
public sealed record CommitteeExpertRow(
    Guid ExpertId,
    string Name,
    string Organisation,
    string ProfessionalTitle,
    bool IsActive,
    CommitteeRole? Role,
    TitleLevel? LevelGroup,
    DateTimeOffset? PledgedAt,
    int ConflictsDeclared,
    IReadOnlyList<RecusalLine> Recusals)
{
    public string RoleName => Role is { } role ? CommitteeRoleNames.Describe(role) : string.Empty;

    public string LevelGroupName => LevelGroup is { } level ? TitleLevels.DisplayName(level) : "全部";
}

/// <summary>How many members review a level and how many of them make a valid session.</summary>
public sealed record LevelQuorum(TitleLevel Level, int Members, int Quorum)
{
    public string LevelName => TitleLevels.DisplayName(Level);
}

/// <param name="IsDefault">The year still has the national defaults.</param>
public sealed record CommitteeTermsView(CommitteeTerms Current, CommitteeTerms Defaults, bool IsDefault);

/// <summary>A journaled change to the committee or its terms.</summary>
public sealed record CommitteeChange(DateTimeOffset At, string ActorName, string Text);

/// <param name="RefusedBecause">Why the committee cannot be formed or re-formed now; null when it can.</param>
/// <param name="Name">The committee's name, or the default for a committee not yet formed.</param>
public sealed record CommitteePageView(
    int Year,
    IReadOnlyList<int> Years,
    bool CampaignExists,
    string Name,
    bool Formed,
    DateTimeOffset? FormedAt,
    string? FormedBy,
    Guid? ConcurrencyToken,
    string DefenseWindowText,
    string? RefusedBecause,
    IReadOnlyList<CommitteeExpertRow> Experts,
    IReadOnlyList<LevelQuorum> Levels,
    CommitteeTermsView Terms,
    IReadOnlyList<CommitteeChange> Changes)
{
    public IReadOnlyList<CommitteeExpertRow> Members => Experts.Where(e => e.Role is not null).OrderBy(e => e.Role).ToList();
}

internal sealed class GetCommitteePageHandler(
    IApplicationDbContext db,
    ICurrentCampaign current,
    ICommitteeSeats seats,
    IWorkflowDefinitions definitions,
    IUnitDirectory units,
    TimeProvider clock) : IHandler<GetCommitteePage, CommitteePageView>
{
    public async Task<CommitteePageView> HandleAsync(GetCommitteePage request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Defense, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? BeijingTime.DateOf(now).Year;
        var terms = new CommitteeTermsView(campaign?.CommitteeTerms ?? CommitteeTerms.Default, CommitteeTerms.Default, (campaign?.CommitteeTerms ?? CommitteeTerms.Default) == CommitteeTerms.Default);
        if (campaign is null)
        {
            return new CommitteePageView(year, years, false, FormCommittee.DefaultName(year), false, null, null, null, string.Empty, $"{year} 年度尚无评审工作。", [], [], terms, []);
        }

        var committee = await db.ReviewCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == campaign.Id, cancellationToken);
        var seated = committee?.Members.Select(m => m.ExpertId).ToList() ?? [];
        var experts = await db.Experts.AsNoTracking().Where(e => e.IsActive || seated.Contains(e.Id)).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        var pledges = seated.Count == 0 ? [] : await db.ExpertDeclarations.AsNoTracking()
            .Where(d => d.CampaignId == campaign.Id && seated.Contains(d.ExpertId))
            .ToDictionaryAsync(d => d.ExpertId, cancellationToken);
        var recusals = seated.Count == 0 ? new Dictionary<Guid, IReadOnlyDictionary<Guid, RecusalReason>>() : await seats.RecusalsByExpertAsync(campaign.Id, seated, cancellationToken);
        var candidates = await CandidatesAsync(campaign.Id, [.. recusals.Values.SelectMany(r => r.Keys).Distinct()], cancellationToken);

        var rows = experts
            .Select(e =>
            {
                var seat = committee?.SeatOf(e.Id);
                var pledge = pledges.GetValueOrDefault(e.Id);
                var lines = recusals.GetValueOrDefault(e.Id)?
                    .Where(r => candidates.ContainsKey(r.Key))
                    .Select(r => new RecusalLine(candidates[r.Key].Name, candidates[r.Key].Unit, Recusal.Describe(r.Value)))
                    .OrderBy(l => l.UnitName, StringComparer.Ordinal)
                    .ThenBy(l => l.CandidateName, StringComparer.Ordinal)
                    .ToList() ?? [];
                return new CommitteeExpertRow(e.Id, e.Name, e.Organisation, e.ProfessionalTitle, e.IsActive, seat?.Role, seat?.LevelGroup, pledge?.PledgedAt, pledge?.Conflicts.Count ?? 0, lines);
            })
            .OrderBy(r => r.Role ?? (CommitteeRole)int.MaxValue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var levels = Enum.GetValues<TitleLevel>()
            .OrderDescending()
            .Select(level =>
            {
                var count = committee?.MembersFor(level).Count ?? 0;
                return new LevelQuorum(level, count, campaign.CommitteeTerms.QuorumOf(count));
            })
            .ToList();

        var instanceId = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id)
            .Select(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var changes = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && (j.Trigger == FormCommittee.JournalTrigger || j.Trigger == ChangeCommitteeTerms.JournalTrigger))
            .OrderByDescending(j => j.Id)
            .Select(j => new CommitteeChange(j.OccurredAt, j.ActorName, j.Reason ?? string.Empty))
            .ToListAsync(cancellationToken);

        var defenseCloses = CommitteeYears.DefenseClosesAt(campaign);
        var rule = new CommitteeFormedBeforeTheReviewEndsRule(campaign.Year, defenseCloses, now);
        var window = defenseCloses is null ? string.Empty : WindowText(CampaignWindow.Of(campaign, StageKeys.Defense, now));
        return new CommitteePageView(
            campaign.Year,
            years,
            true,
            committee?.Name ?? FormCommittee.DefaultName(campaign.Year),
            committee is not null,
            committee?.FormedAt,
            committee?.FormedBy,
            committee?.ConcurrencyToken,
            window,
            rule.IsBroken() ? rule.Message : null,
            rows,
            levels,
            terms,
            changes);
    }

    private static string WindowText(CampaignWindow window) =>
        $"{BeijingTime.DateOf(window.OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(window.LastSecond):M月d日}";

    /// <summary>The recusals' candidates who reached the office (a draft never submitted names nobody the committee sees).</summary>
    private async Task<IReadOnlyDictionary<Guid, (string Name, string Unit)>> CandidatesAsync(Guid campaignId, IReadOnlyList<Guid> applicationIds, CancellationToken cancellationToken)
    {
        if (applicationIds.Count == 0)
        {
            return new Dictionary<Guid, (string, string)>();
        }

        var submitted = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SubmittedToOffice);
        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.CampaignId == campaignId && applicationIds.Contains(application.Id)
                    && instance.SubjectType == ApplicationWorkflow.SubjectType && submitted.Contains(instance.State)
                select new { application.Id, application.ApplicantName, application.UnitId })
            .ToListAsync(cancellationToken);
        var cards = await units.FindAllAsync([.. found.Select(f => f.UnitId).Distinct()], cancellationToken);
        return found.ToDictionary(f => f.Id, f => (f.ApplicantName, cards.GetValueOrDefault(f.UnitId)?.Name ?? string.Empty));
    }
}
