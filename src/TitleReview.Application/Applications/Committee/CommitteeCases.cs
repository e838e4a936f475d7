using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Applications.Committee;

/// <summary>One case of the committee list as the office, the unit and the applicant read it.</summary>
/// <param name="Published">The list was published for this case: on or off is the journal's, no longer compiled.</param>
/// <param name="Blocked">Neither on nor off: the spot check found a mismatch and the integrity decision is awaited.</param>
public sealed record CommitteeListRow(
    Guid ApplicationId,
    string ApplicantName,
    Guid UnitId,
    string UnitName,
    TitleLevel Level,
    bool OnList,
    string Reason,
    bool Blocked,
    bool Published,
    bool MayRemove,
    bool MayKeep,
    bool MayRevert)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public string Standing => Blocked ? "暂缓（待诚信处理）" : OnList ? "列入" : "不列入";
}

/// <summary>A case as read from the database: its state and the few facts its state does not say.</summary>
internal sealed record CommitteeCase(
    Guid InstanceId,
    Guid ApplicationId,
    string ApplicantUserId,
    string ApplicantName,
    Guid UnitId,
    TitleLevel Level,
    string DefinitionId,
    int DefinitionVersion,
    string State,
    FeedbackOutcome? Feedback,
    bool PassedOnSupplement,
    string? OfficeReason,
    string? PublishedState,
    string? PublishedReason);

/// <summary>A case with its definition and the rules' verdict on its facts now.</summary>
internal sealed record CompiledCase(CommitteeCase Case, WorkflowDefinition Definition, CommitteeListVerdict Verdict);

/// <summary>
/// The cases of a campaign that reached the office, read by what their states mean, and the
/// committee list's rules applied to them. Before publication each case is compiled from its
/// facts; after, its line is the journal row the publication wrote, so later states (the
/// committee's own results) do not change what was published. The publication's row is the case's
/// first into a referred or not-referred state: the defense's states are referred too, and their
/// later rows carry the defense's reasons, not the list's.
/// </summary>
internal static class CommitteeCases
{
    public static async Task<IReadOnlyList<CommitteeCase>> OfCampaignAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var submitted = definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SubmittedToOffice);
        string[] decided = [.. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.RemovedFromCommitteeList), .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.KeptOnCommitteeList)];
        string[] published = [.. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.ReferredToCommittee), .. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.NotReferred)];
        var rows =
            from instance in db.WorkflowInstances.AsNoTracking()
            join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
            where instance.SubjectType == ApplicationWorkflow.SubjectType && application.CampaignId == campaignId && submitted.Contains(instance.State)
            select new { instance, application };
        if (unitId is { } unit)
        {
            rows = rows.Where(r => r.application.UnitId == unit);
        }

        return await rows
            .Select(r => new CommitteeCase(
                r.instance.Id,
                r.application.Id,
                r.application.ApplicantUserId,
                r.application.ApplicantName,
                r.application.UnitId,
                r.application.Level,
                r.instance.DefinitionId,
                r.instance.DefinitionVersion,
                r.instance.State,
                db.PublicityFeedback.Where(f => f.ApplicationId == r.application.Id && f.SubmittedAt != null).Select(f => (FeedbackOutcome?)f.Outcome).FirstOrDefault(),
                db.Supplements.Any(s => s.ApplicationId == r.application.Id && s.Decision == SupplementDecision.Passed),
                db.WorkflowJournal.Where(j => j.InstanceId == r.instance.Id && decided.Contains(j.ToState)).OrderByDescending(j => j.Id).Select(j => j.Reason).FirstOrDefault(),
                db.WorkflowJournal.Where(j => j.InstanceId == r.instance.Id && published.Contains(j.ToState)).OrderBy(j => j.Id).Select(j => j.ToState).FirstOrDefault(),
                db.WorkflowJournal.Where(j => j.InstanceId == r.instance.Id && published.Contains(j.ToState)).OrderBy(j => j.Id).Select(j => j.Reason).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What the case's state means, turned into the facts the rules read.</summary>
    public static CommitteeListFacts FactsOf(CommitteeCase c, WorkflowDefinition definition)
    {
        bool Means(string capability) => definition.Has(c.State, capability);
        var preliminary =
            Means(StateCapabilities.SupplementAwaitingReview) ? PreliminaryStanding.SupplementAwaitingReview
            : Means(StateCapabilities.PreliminaryPassed) ? (c.PassedOnSupplement ? PreliminaryStanding.PassedOnSupplement : PreliminaryStanding.Passed)
            : Means(StateCapabilities.PreliminaryFailed) ? PreliminaryStanding.Failed
            : PreliminaryStanding.Undecided;
        var feedback =
            Means(StateCapabilities.ObjectionUpheld) ? FeedbackStanding.ObjectionUpheld
            : Means(StateCapabilities.FeedbackMissing) ? FeedbackStanding.Missing
            : Means(StateCapabilities.FeedbackSubmitted) ? (c.Feedback == FeedbackOutcome.ObjectionDismissed ? FeedbackStanding.ObjectionDismissed : FeedbackStanding.NoObjection)
            : FeedbackStanding.Awaiting;
        var spotCheck =
            Means(StateCapabilities.SpotCheckPending) ? SpotCheckStanding.Pending
            : Means(StateCapabilities.SpotCheckPassed) ? SpotCheckStanding.Passed
            : Means(StateCapabilities.SpotCheckMismatch) ? SpotCheckStanding.Mismatch
            : Means(StateCapabilities.SpotCheckOverdue) ? SpotCheckStanding.NotChecked
            : SpotCheckStanding.NotDrawn;
        var office =
            Means(StateCapabilities.RemovedFromCommitteeList) ? OfficeListDecision.Removed
            : Means(StateCapabilities.KeptOnCommitteeList) ? OfficeListDecision.Kept
            : OfficeListDecision.None;
        return new CommitteeListFacts(Means(StateCapabilities.CommitteeEligible), preliminary, feedback, spotCheck, office, office == OfficeListDecision.None ? null : c.OfficeReason);
    }

    public static CommitteeListVerdict VerdictOf(CommitteeCase c, WorkflowDefinition definition) => CommitteeListRules.Decide(FactsOf(c, definition));

    public static IReadOnlyList<CompiledCase> Compile(IReadOnlyList<CommitteeCase> cases, IWorkflowDefinitions definitions) =>
        cases
            .Select(c => (Case: c, Definition: definitions.Get(c.DefinitionId, c.DefinitionVersion)))
            .Select(x => new CompiledCase(x.Case, x.Definition, VerdictOf(x.Case, x.Definition)))
            .ToList();

    public static IReadOnlyList<CommitteeListRow> Rows(
        IReadOnlyList<CommitteeCase> cases, IWorkflowDefinitions definitions, IReadOnlyDictionary<Guid, UnitCard> cards, bool mayChange)
    {
        return cases
            .Select(c =>
            {
                var definition = definitions.Get(c.DefinitionId, c.DefinitionVersion);
                var unitName = cards.GetValueOrDefault(c.UnitId)?.Name ?? string.Empty;
                if (c.PublishedState is { } state)
                {
                    var on = definition.Has(state, StateCapabilities.ReferredToCommittee);
                    return new CommitteeListRow(c.ApplicationId, c.ApplicantName, c.UnitId, unitName, c.Level, on, c.PublishedReason ?? string.Empty, false, true, false, false, false);
                }

                var verdict = VerdictOf(c, definition);
                bool May(string operation) => mayChange && definition.TransitionFor(operation, c.State) is not null;
                return new CommitteeListRow(
                    c.ApplicationId, c.ApplicantName, c.UnitId, unitName, c.Level, verdict.OnList, verdict.Reason, verdict.Blocked, false,
                    May(WorkflowOperations.RemoveFromCommitteeList),
                    May(WorkflowOperations.KeepOnCommitteeList),
                    May(WorkflowOperations.RevertCommitteeListDecision));
            })
            .OrderByDescending(r => r.Level)
            .ThenByDescending(r => r.OnList)
            .ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ThenBy(r => r.ApplicantName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The published list as the public reads it: the cases the publication sent to the committee
    /// (a journal row into a referred state), ordered by level (highest first), unit and name.
    /// </summary>
    public static IReadOnlyList<PublicityLine> PublicLines(IReadOnlyList<CommitteeCase> cases, IWorkflowDefinitions definitions, IReadOnlyDictionary<Guid, UnitCard> cards) =>
        cases
            .Where(c => c.PublishedState is { } state && definitions.Get(c.DefinitionId, c.DefinitionVersion).Has(state, StateCapabilities.ReferredToCommittee))
            .Select(c => (c.ApplicantName, Unit: cards.GetValueOrDefault(c.UnitId)?.Name ?? string.Empty, c.Level))
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.ApplicantName, StringComparer.Ordinal)
            .Select((r, i) => new PublicityLine(i + 1, r.ApplicantName, r.Unit, r.Level, Passed: true))
            .ToList();

    /// <summary>A campaign's published committee list, read from the journal (the public page, the Excel file).</summary>
    public static async Task<IReadOnlyList<PublicityLine>> PublishedLinesAsync(IApplicationDbContext db, IWorkflowDefinitions definitions, IUnitDirectory units, Guid campaignId, CancellationToken cancellationToken)
    {
        var cases = await OfCampaignAsync(db, definitions, campaignId, null, cancellationToken);
        var cards = await units.FindAllAsync([.. cases.Select(c => c.UnitId).Distinct()], cancellationToken);
        return PublicLines(cases, definitions, cards);
    }
}
