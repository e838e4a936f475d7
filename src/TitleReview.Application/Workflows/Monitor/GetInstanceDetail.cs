using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

public sealed record GetInstanceDetail(Guid InstanceId, WorkflowActor Actor);

public sealed record JournalRow(long Id, string? FromState, string? FromName, string Trigger, string TriggerName, string ToState, string ToName, string Actor, string ActorName, string? Reason, DateTimeOffset OccurredAt);

/// <param name="DueDescription">The expression for staff, e.g. "“单位公示”开始后第 5 个工作日结束时".</param>
public sealed record TimerRow(Guid Id, string State, string Trigger, string TriggerName, string DueExpression, DateTimeOffset DueAt, BookmarkStatus Status, DateTimeOffset? CompletedAt, string DueDescription);

/// <summary>A mark the definition declares, with its instant once set.</summary>
public sealed record MarkRow(string Name, string DisplayName, DateTimeOffset? At, DateTimeOffset? SetAt);

public sealed record IncidentRow(Guid Id, string Trigger, string Message, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset? ResolvedAt, string? ResolvedBy);

public sealed record InstanceDetailDto(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string DefinitionTitle,
    string SubjectType,
    Guid SubjectId,
    string SubjectTitle,
    Guid? CampaignId,
    int? Year,
    string? UnitName,
    string State,
    string StateName,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int IncidentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StateEnteredAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReopenedUntil,
    Guid ConcurrencyToken,
    IReadOnlyList<JournalRow> Journal,
    IReadOnlyList<TimerRow> Timers,
    IReadOnlyList<IncidentRow> Incidents,
    IReadOnlyList<PermittedTrigger> PermittedTriggers,
    IReadOnlyList<MarkRow> Marks);

internal sealed class GetInstanceDetailHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine, IDecisionSecrecy secrecy)
    : IHandler<GetInstanceDetail, InstanceDetailDto>
{
    public async Task<InstanceDetailDto> HandleAsync(GetInstanceDetail request, CancellationToken cancellationToken = default)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstanceId, cancellationToken);
        if (instance is null || !WorkflowAccess.CanSee(instance, request.Actor))
        {
            throw new NotFoundException("该流程实例");
        }

        var definition = definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        var year = instance.CampaignId is { } campaignId
            ? await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (int?)c.Year).FirstOrDefaultAsync(cancellationToken)
            : null;
        var unitName = instance.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var journal = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id)
            .OrderBy(j => j.Id)
            .ToListAsync(cancellationToken);
        var (state, stateName) = (instance.State, definition.StateDisplayName(instance.State));
        if (instance.CampaignId is { } campaign
            && definition.Has(instance.State, StateCapabilities.CommitteeDecided)
            && await secrecy.HidesDecisionAsync(campaign, request.Actor, cancellationToken))
        {
            // Before the results publicity an outsider reads the case as it stood before the vote.
            // (Every transition is journaled, so the decision's row is there.)
            var decision = journal.FindIndex(j => definition.Has(j.ToState, StateCapabilities.CommitteeDecided));
            state = journal[decision].FromState ?? string.Empty;
            stateName = IDecisionSecrecy.AwaitingResults;
            journal = journal[..decision];
        }

        var timers = await db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instance.Id)
            .OrderBy(b => b.DueAt)
            .ToListAsync(cancellationToken);
        var incidents = await db.WorkflowIncidents.AsNoTracking()
            .Where(x => x.InstanceId == instance.Id)
            .OrderByDescending(x => x.OccurredAt)
            .ToListAsync(cancellationToken);
        var permitted = await engine.PermittedTriggersAsync(instance.Id, request.Actor, cancellationToken);
        var marks = await db.WorkflowMarks.AsNoTracking()
            .Where(m => m.InstanceId == instance.Id)
            .ToListAsync(cancellationToken);
        var stageNames = instance.CampaignId is { } id
            ? await db.Campaigns.Where(c => c.Id == id).SelectMany(c => c.Stages).ToDictionaryAsync(s => s.Key, s => s.Name, cancellationToken)
            : [];
        string StageName(string key) => stageNames.TryGetValue(key, out var name) ? name : key;
        string Describe(string expression) =>
            TimerExpression.TryParse(expression, out var parsed) ? parsed.Describe(StageName, definition.MarkDisplayName) : expression;

        return new InstanceDetailDto(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            definition.Title,
            instance.SubjectType,
            instance.SubjectId,
            instance.SubjectTitle,
            instance.CampaignId,
            year,
            unitName,
            state,
            stateName,
            instance.Status,
            instance.SubStatus,
            instance.IncidentCount,
            instance.CreatedAt,
            instance.UpdatedAt,
            instance.StateEnteredAt,
            instance.FinishedAt,
            instance.ReopenedUntil,
            instance.ConcurrencyToken,
            journal.Select(j => new JournalRow(
                j.Id,
                j.FromState,
                j.FromState is null ? null : definition.StateDisplayName(j.FromState),
                j.Trigger,
                JournalText.TriggerName(definition, j.Trigger),
                j.ToState,
                definition.StateDisplayName(j.ToState),
                j.Actor,
                j.ActorName,
                j.Reason,
                j.OccurredAt)).ToList(),
            timers.Select(t => new TimerRow(t.Id, t.State, t.Trigger, definition.TriggerDisplayName(t.Trigger), t.DueExpression, t.DueAt, t.Status, t.CompletedAt, Describe(t.DueExpression))).ToList(),
            incidents.Select(x => new IncidentRow(x.Id, x.Trigger, x.Message, x.OccurredAt, x.Attempts, x.ResolvedAt, x.ResolvedBy)).ToList(),
            permitted,
            definition.Marks.Select(m => m.Name)
                .Concat(marks.Select(m => m.Name).Where(name => !definition.HasMark(name)))
                .Select(name => marks.FirstOrDefault(m => m.Name == name) is { } set
                    ? new MarkRow(name, definition.MarkDisplayName(name), set.At, set.SetAt)
                    : new MarkRow(name, definition.MarkDisplayName(name), null, null))
                .ToList());
    }
}

public static class JournalText
{
    public const string StartTrigger = "start";
    public const string EditTimelineTrigger = "editTimeline";
    public const string SetMarkTrigger = "setMark";
    public const string MigrateTrigger = "migrate";

    public static string TriggerName(Domain.Workflows.Definitions.WorkflowDefinition definition, string trigger) => trigger switch
    {
        StartTrigger => "创建",
        EditTimelineTrigger => "修改时间安排",
        SetMarkTrigger => "设定时间标记",
        MigrateTrigger => "迁移到新版本",
        "editRules" => "修改申报条件",
        "replaceAuditor" => "更换审核人",
        "recordOpinions" => "填写评审表意见",
        _ => definition.TriggerDisplayName(trigger),
    };

    public static string Describe(WorkflowStatus status, WorkflowSubStatus subStatus) => (status, subStatus) switch
    {
        (WorkflowStatus.Running, WorkflowSubStatus.Faulted) => "运行中（有异常）",
        (WorkflowStatus.Running, _) => "运行中（等待）",
        (WorkflowStatus.Finished, WorkflowSubStatus.Cancelled) => "已结束（已取消）",
        _ => "已结束",
    };

    public static string Describe(BookmarkStatus status) => status switch
    {
        BookmarkStatus.Pending => "待触发",
        BookmarkStatus.Fired => "已触发",
        BookmarkStatus.Cancelled => "已取消",
        _ => "失败",
    };
}
