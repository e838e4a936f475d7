using TitleReview.Domain.Common;

namespace TitleReview.Domain.Workflows;

/// <summary>
/// One running case of a workflow definition (a campaign, a unit's registration, an
/// application), pinned to the definition version it started with.
/// </summary>
public sealed class WorkflowInstance : Entity
{
    public const int MaxStateLength = 64;

    private WorkflowInstance()
    {
        DefinitionId = string.Empty;
        SubjectType = string.Empty;
        SubjectTitle = string.Empty;
        State = string.Empty;
    }

    public Guid Id { get; private set; }

    public string DefinitionId { get; private set; }

    public int DefinitionVersion { get; private set; }

    /// <summary>What the case is about: <c>Campaign</c>, <c>Application</c>, <c>UnitRegistration</c>.</summary>
    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>How staff recognise the case in lists, e.g. "李华 · 政工师".</summary>
    public string SubjectTitle { get; private set; }

    public Guid? CampaignId { get; private set; }

    /// <summary>The unit the case belongs to, for the auditor's access and the monitor's filter.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The user the case belongs to (an applicant), for access checks.</summary>
    public string? OwnerUserId { get; private set; }

    /// <summary>The title level applied for, for the monitor's filter.</summary>
    public string? Level { get; private set; }

    public string State { get; private set; }

    public WorkflowStatus Status { get; private set; }

    public WorkflowSubStatus SubStatus { get; private set; }

    public int IncidentCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset StateEnteredAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>
    /// An office exception: the case may act in its closed window until this instant
    /// (recorded in the journal with its reason).
    /// </summary>
    public DateTimeOffset? ReopenedUntil { get; private set; }

    /// <summary>Renewed on every change: two people acting on one case at once cannot both win.</summary>
    public Guid ConcurrencyToken { get; private set; }

    public static WorkflowInstance Start(
        Guid id,
        string definitionId,
        int definitionVersion,
        string initialState,
        WorkflowSubject subject,
        DateTimeOffset now)
    {
        return new WorkflowInstance
        {
            Id = id,
            DefinitionId = definitionId,
            DefinitionVersion = definitionVersion,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            SubjectTitle = subject.Title,
            CampaignId = subject.CampaignId,
            UnitId = subject.UnitId,
            OwnerUserId = subject.OwnerUserId,
            Level = subject.Level,
            State = initialState,
            Status = WorkflowStatus.Running,
            SubStatus = WorkflowSubStatus.Waiting,
            CreatedAt = now,
            UpdatedAt = now,
            StateEnteredAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }

    public bool IsFinished => Status == WorkflowStatus.Finished;

    /// <summary>
    /// Moves to a state. A definition may lead out of a final state on purpose (the office
    /// reopening a closed case); the instance then runs again (<see cref="LeavingAFinalStateRunsAgain"/>).
    /// </summary>
    public void EnterState(string state, bool final, DateTimeOffset now)
    {
        LeavingAFinalStateRunsAgain();
        State = state;
        StateEnteredAt = now;
        if (final)
        {
            Status = WorkflowStatus.Finished;
            SubStatus = WorkflowSubStatus.Completed;
            FinishedAt = now;
        }

        Touch(now);
    }

    private void LeavingAFinalStateRunsAgain()
    {
        if (IsFinished)
        {
            Status = WorkflowStatus.Running;
            SubStatus = WorkflowSubStatus.Waiting;
            FinishedAt = null;
        }
    }

    /// <summary>
    /// Moves a running case onto a newer version of its definition, in the state the new
    /// version's migration maps its state onto. A state that keeps its name keeps its entry time.
    /// </summary>
    public void MigrateTo(int version, string state, bool final, DateTimeOffset now)
    {
        CheckRule(new FinishedInstanceKeepsItsVersionRule(this));
        CheckRule(new MigrationLeadsToANewerVersionRule(this, version));

        DefinitionVersion = version;
        if (state != State || final)
        {
            EnterState(state, final, now);
            return;
        }

        Touch(now);
    }

    /// <summary>Records that nothing moved but something about the case changed (a journal note).</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>A case whose unit becomes known later (a unit registration, at approval).</summary>
    public void AssignUnit(Guid unitId, DateTimeOffset now)
    {
        UnitId = unitId;
        Touch(now);
    }

    public void ReopenUntil(DateTimeOffset until, DateTimeOffset now)
    {
        CheckRule(new ReopeningEndsAfterNowRule(until, now));

        ReopenedUntil = until;
        Touch(now);
    }

    public void RecordIncident(DateTimeOffset now)
    {
        IncidentCount++;
        if (!IsFinished)
        {
            SubStatus = WorkflowSubStatus.Faulted;
        }

        Touch(now);
    }

    public void IncidentsResolved(DateTimeOffset now)
    {
        if (!IsFinished && SubStatus == WorkflowSubStatus.Faulted)
        {
            SubStatus = WorkflowSubStatus.Waiting;
        }

        Touch(now);
    }
}

/// <summary>What a new workflow instance is about, and the tags used for access and filters.</summary>
public sealed record WorkflowSubject(
    string Type,
    Guid Id,
    string Title,
    Guid? CampaignId = null,
    Guid? UnitId = null,
    string? OwnerUserId = null,
    string? Level = null);
