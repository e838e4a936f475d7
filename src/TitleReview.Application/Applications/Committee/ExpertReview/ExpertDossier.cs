using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Integrity;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Applications.Committee.ExpertReview;

/// <summary>
/// An expert opens an assigned candidate's dossier (read-only): recorded for the inspector, then
/// shown whole with the earlier stages' results and the committee stage's journal.
/// </summary>
public sealed record OpenAssignedDossier(Guid ApplicationId, WorkflowActor Actor);

/// <summary>A line of the case's journal as the dossier page shows it (the defense record).</summary>
public sealed record CommitteeJournalLine(DateTimeOffset OccurredAt, string What, string StateName, string? Reason, string ActorName);

public sealed record ExpertOpinionView(string Text, OpinionRecommendation Recommendation, DateTimeOffset WrittenAt, DateTimeOffset UpdatedAt)
{
    public string RecommendationName => OpinionRecommendations.DisplayName(Recommendation);
}

/// <param name="SpotCheck">The spot check's outcome for the case, in words (未抽中 included).</param>
/// <param name="DefenseRecord">The journal's defense lines (scheduled, attended, absent, corrected), oldest first; empty for a case without a defense.</param>
/// <param name="WhyNoOpinion">Why the opinion can no longer change; null while it can.</param>
public sealed record ExpertDossierView(
    DossierView Dossier,
    PreliminaryDecisionView? Preliminary,
    string SpotCheck,
    IReadOnlyList<CommitteeJournalLine> DefenseRecord,
    ExpertOpinionView? Opinion,
    string? WhyNoOpinion)
{
    public bool MayWriteOpinion => WhyNoOpinion is null;

    public bool Senior => Dossier.Level == TitleLevel.Senior;

    /// <summary>The applicant's ban in force and the unit's negative listing, if any.</summary>
    public IReadOnlyList<IntegrityBadge> Integrity { get; init; } = [];
}

/// <param name="PledgeYear">Set when the expert must accept the year's pledge first: the page sends them there.</param>
public sealed record AssignedDossierOpened(ExpertDossierView? View, int? PledgeYear);

internal sealed class OpenAssignedDossierHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    IAssignedDossiers assignments,
    IPreliminaryDecisions preliminary,
    IHandler<GetDossier, DossierView> dossiers,
    IIntegrityMarks integrity,
    TimeProvider clock) : IHandler<OpenAssignedDossier, AssignedDossierOpened>
{
    /// <summary>The journal's lines of the defense: entering a state that means one of these.</summary>
    private static readonly string[] DefenseCapabilities = [StateCapabilities.DefenseScheduled, StateCapabilities.DefenseHeld, StateCapabilities.DefenseAbsent];

    private static readonly string[] SpotCheckOutcomes = [StateCapabilities.SpotCheckPassed, StateCapabilities.SpotCheckMismatch, StateCapabilities.SpotCheckOverdue];

    public async Task<AssignedDossierOpened> HandleAsync(OpenAssignedDossier request, CancellationToken cancellationToken = default)
    {
        var assignment = await assignments.FindAsync(request.Actor, request.ApplicationId, cancellationToken) ?? throw new NotFoundException("该申报材料");
        if (assignment.Dossier is not { } assigned)
        {
            return new AssignedDossierOpened(null, assignment.PledgeYear);
        }

        db.DossierOpenings.Add(DossierOpening.OfDossier(assigned.Seat.ExpertId, assigned.CampaignId, assigned.ApplicationId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        var dossier = await dossiers.HandleAsync(new GetDossier(request.ApplicationId, request.Actor) { AssignedToExpert = true }, cancellationToken);
        var decision = (await preliminary.CurrentAsync([request.ApplicationId], cancellationToken)).GetValueOrDefault(request.ApplicationId);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == assigned.InstanceId, cancellationToken);
        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == assigned.InstanceId).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var opinion = await db.ExpertOpinions.AsNoTracking()
            .Where(o => o.ApplicationId == request.ApplicationId && o.ExpertId == assigned.Seat.ExpertId)
            .Select(o => new ExpertOpinionView(o.Text, o.Recommendation, o.WrittenAt, o.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var marks = await integrity.ForApplicationsAsync([request.ApplicationId], cancellationToken);

        bool Means(WorkflowJournalEntry entry, IEnumerable<string> capabilities) => capabilities.Any(c => definition.Has(entry.ToState, c));
        var defense = journal
            .Where(j => Means(j, DefenseCapabilities))
            .Select(j => new CommitteeJournalLine(j.OccurredAt, definition.TriggerDisplayName(j.Trigger), definition.StateDisplayName(j.ToState), j.Reason, j.ActorName))
            .ToList();
        return new AssignedDossierOpened(
            new ExpertDossierView(
                dossier,
                decision,
                SpotCheckOf(journal, definition),
                defense,
                opinion,
                assigned.BeforeCommittee ? null : new OpinionOnlyWhileBeforeCommitteeRule(false).Message)
            {
                Integrity = marks.Of(request.ApplicationId),
            },
            null);
    }

    private static string SpotCheckOf(IReadOnlyList<WorkflowJournalEntry> journal, WorkflowDefinition definition)
    {
        var outcome = journal.LastOrDefault(j => SpotCheckOutcomes.Any(c => definition.Has(j.ToState, c)));
        if (outcome is not null)
        {
            return definition.StateDisplayName(outcome.ToState) + (string.IsNullOrWhiteSpace(outcome.Reason) ? string.Empty : $"（{outcome.Reason}）");
        }

        return journal.Any(j => definition.Has(j.ToState, StateCapabilities.SpotCheckSelected)) ? "已抽中抽查复核，原件核对尚未完成" : "未抽中抽查复核";
    }
}
