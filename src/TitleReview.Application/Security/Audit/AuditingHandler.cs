using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Security.Audit;

/// <summary>
/// Wraps every use case (ADR 0053): a command writes one audit row after it ran, with its outcome
/// (成功, 被拒绝：reason, 出错) and a summary of what it changed; an opening of a dossier or a scan by
/// anyone but the applicant writes one; a query writes nothing. Use cases called by another write
/// no row of their own: the outermost's covers them.
/// </summary>
internal sealed class AuditingHandler<TRequest, TResult>(
    IHandler<TRequest, TResult> inner,
    AuditScope scope,
    IAuditTrail trail,
    TimeProvider clock,
    ILogger<AuditingHandler<TRequest, TResult>> logger) : IHandler<TRequest, TResult>
    where TRequest : notnull
{
    private static readonly AuditKind Kind = AuditCatalogue.KindOf(typeof(TRequest));

    public async Task<TResult> HandleAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        if (Kind == AuditKind.Read || (Kind == AuditKind.Opening && scope.InCommand))
        {
            return await inner.HandleAsync(request, cancellationToken);
        }

        if (Kind == AuditKind.Opening)
        {
            // An opening made of another (the expert's reading opens the dossier) writes one row: its own.
            scope.InCommand = true;
            TResult opened;
            try
            {
                opened = await inner.HandleAsync(request, cancellationToken);
            }
            finally
            {
                scope.InCommand = false;
            }

            await RecordOpeningAsync(request, cancellationToken);
            return opened;
        }

        if (scope.InCommand)
        {
            return await inner.HandleAsync(request, cancellationToken);
        }

        scope.InCommand = true;
        scope.ClearChanges();
        try
        {
            var result = await inner.HandleAsync(request, cancellationToken);
            await AppendAsync(request, result, AuditEntry.OutcomeSucceeded, succeeded: true, cancellationToken);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await AppendAsync(request, default, Outcome(ex), succeeded: false, CancellationToken.None);
            throw;
        }
        finally
        {
            scope.InCommand = false;
        }
    }

    private static string Outcome(Exception ex) => ex switch
    {
        ValidationException invalid => AuditEntry.OutcomeRefusedPrefix + string.Join("；", invalid.Errors.Values.SelectMany(m => m).Take(3)),
        ForbiddenAccessException or NotFoundException or ConcurrencyConflictException or DomainException => AuditEntry.OutcomeRefusedPrefix + ex.Message,
        _ => AuditEntry.OutcomeError,
    };

    private async Task AppendAsync(TRequest request, TResult? result, string outcome, bool succeeded, CancellationToken cancellationToken)
    {
        var actor = ActorOf(request);
        var (kind, id, applicationId) = SubjectOf(request, result);
        var facts = Who(actor) with
        {
            OccurredAt = clock.GetUtcNow(),
            Action = AuditAction.UseCase,
            Operation = typeof(TRequest).Name,
            OperationName = AuditCatalogue.DisplayName(typeof(TRequest)) ?? typeof(TRequest).Name,
            SubjectKind = kind,
            SubjectId = id,
            Unit = Shape.UnitName?.GetValue(request) as string,
            Succeeded = succeeded,
            Outcome = outcome,
            Detail = Summary(request, succeeded),
        };
        await SafeAppendAsync(new AuditAppend(facts, actor?.UnitId ?? scope.UnitId, applicationId), cancellationToken);
    }

    private async Task RecordOpeningAsync(TRequest request, CancellationToken cancellationToken)
    {
        var actor = ActorOf(request);
        var roles = actor?.Roles ?? scope.Roles;
        if (roles.Count == 0 || (roles.Contains(Roles.Applicant) && roles.Count == 1))
        {
            // The applicant opens their own dossier (the only one they can): no row.
            return;
        }

        var (kind, id, applicationId) = SubjectOf(request, default);
        if (!scope.FirstOpening($"{typeof(TRequest).Name}:{id}"))
        {
            return;
        }

        var facts = Who(actor) with
        {
            OccurredAt = clock.GetUtcNow(),
            Action = AuditAction.RecordOpened,
            Operation = typeof(TRequest).Name,
            OperationName = AuditCatalogue.DisplayName(typeof(TRequest)) ?? typeof(TRequest).Name,
            SubjectKind = kind,
            SubjectId = id,
        };
        await SafeAppendAsync(new AuditAppend(facts, actor?.UnitId ?? scope.UnitId, applicationId), cancellationToken);
    }

    /// <summary>A row that cannot be written must not turn a done deed into an error page; it is logged loudly instead.</summary>
    private async Task SafeAppendAsync(AuditAppend row, CancellationToken cancellationToken)
    {
        try
        {
            await trail.AppendAsync(row, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The audit row for {Operation} could not be written", row.Facts.Operation);
        }
    }

    private AuditFacts Who(WorkflowActor? actor)
    {
        if (actor is not null && actor.IsSystem)
        {
            return new AuditFacts { Actor = AuditEntry.SystemActor, ActorName = actor.Name, Role = AuditEntry.SystemActor };
        }

        var sameUser = actor is null || string.Equals(actor.Id, scope.UserId, StringComparison.Ordinal);
        var userName = sameUser ? scope.UserName : null;

        // No account: a job (no request) is the system; a request without sign-in (a unit's
        // registration, a public page) is an anonymous visitor, known by its address.
        var nobody = scope.RemoteAddress is null ? AuditEntry.SystemActor : AuditEntry.AnonymousActor;
        return new AuditFacts
        {
            Actor = userName ?? actor?.Name ?? nobody,
            UserId = actor?.Id ?? scope.UserId,
            ActorName = actor?.Name ?? scope.DisplayName,
            Role = AuditScope.RoleName(actor?.Roles ?? scope.Roles) ?? (userName is null && actor is null ? nobody : null),
            RemoteAddress = scope.RemoteAddress,
            UserAgent = scope.UserAgent,
        };
    }

    private string? Summary(TRequest request, bool succeeded)
    {
        var parts = new List<string>();
        if (succeeded && scope.Changes.Count > 0)
        {
            parts.Add("改动：" + string.Join("、", scope.Changes
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Take(6)
                .Select(c => AuditSummaries.Describe(c.Key, c.Value.Added, c.Value.Modified, c.Value.Deleted))));
        }

        foreach (var property in Shape.Reasons)
        {
            if (property.GetValue(request) is string { Length: > 0 } reason)
            {
                parts.Add("理由：" + (reason.Length > 100 ? reason[..100] + "…" : reason));
            }
        }

        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    private static WorkflowActor? ActorOf(TRequest request) =>
        Shape.Actor?.GetValue(request) as WorkflowActor;

    private static (string? Kind, string? Id, Guid? ApplicationId) SubjectOf(TRequest request, TResult? result)
    {
        foreach (var (property, kind) in Shape.Subjects)
        {
            var value = property.GetValue(request);
            if (value is Guid id && id != Guid.Empty)
            {
                return (kind, id.ToString(), property.Name == "ApplicationId" ? id : null);
            }

            if (value is int year && property.Name == "Year")
            {
                return (kind, year.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            }
        }

        return result is Guid created && created != Guid.Empty ? ("新建记录", created.ToString(), null) : (null, null, null);
    }

    /// <summary>The request type's audited properties, found once per type.</summary>
    private static class Shape
    {
        private static readonly PropertyInfo[] Properties = typeof(TRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        public static readonly PropertyInfo? Actor = Properties.FirstOrDefault(p => p.PropertyType == typeof(WorkflowActor));

        /// <summary>A unit named in the request (a registration, before the unit has an account).</summary>
        public static readonly PropertyInfo? UnitName = Properties.FirstOrDefault(p => p.Name == "UnitName" && p.PropertyType == typeof(string));

        public static readonly PropertyInfo[] Reasons = [.. Properties.Where(p => p.PropertyType == typeof(string) && p.Name is "Reason" or "ChangeReason")];

        public static readonly (PropertyInfo Property, string Kind)[] Subjects =
        [
            .. AuditSummaries.SubjectKinds
                .Select(k => (Property: Properties.FirstOrDefault(p => p.Name == k.Key && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?) || p.PropertyType == typeof(int))), Kind: k.Value))
                .Where(k => k.Property is not null)
                .Select(k => (k.Property!, k.Kind)),
        ];
    }
}

/// <summary>Chinese words for the summaries: what a request's ids stand for, and the entities a save wrote.</summary>
internal static class AuditSummaries
{
    /// <summary>In order of preference: the first the request has is its subject.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> SubjectKinds =
    [
        new("ApplicationId", "申报"),
        new("CaseId", "诚信案件"),
        new("RegistrationId", "单位注册"),
        new("UnitPaymentId", "单位缴费"),
        new("StatementRowId", "银行流水"),
        new("SessionId", "会议场次"),
        new("ExpertId", "评审专家"),
        new("UnitId", "单位"),
        new("InstanceId", "流程实例"),
        new("EntryId", "负面清单"),
        new("ReasonId", "初审不通过原因"),
        new("AttachmentId", "扫描件"),
        new("FileId", "补充材料文件"),
        new("EvidenceId", "诚信案件证据"),
        new("TransferId", "转账凭证"),
        new("MessageId", "消息"),
        new("CampaignId", "评审年度"),
        new("Id", "批量操作"),
        new("Year", "评审年度"),
    ];

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["TitleApplication"] = "申报",
        ["WorkflowInstance"] = "流程实例",
        ["WorkflowJournalEntry"] = "流程日志",
        ["WorkflowBookmark"] = "流程定时",
        ["WorkflowMark"] = "流程标记",
        ["DossierItem"] = "申报材料条目",
        ["DossierAttachment"] = "扫描件",
        ["DossierVerification"] = "核验记录",
        ["DossierSnapshot"] = "材料快照",
        ["SectionReturn"] = "退回意见",
        ["GeneratedDocument"] = "文书",
        ["UnitRegistration"] = "单位注册",
        ["Unit"] = "单位",
        ["Campaign"] = "评审年度",
        ["CampaignStage"] = "评审阶段",
        ["PreliminaryDecision"] = "初审结论",
        ["UnitPayment"] = "单位缴费",
        ["PaymentTransfer"] = "转账",
        ["StatementRow"] = "银行流水",
        ["Certificate"] = "证书",
        ["IntegrityCase"] = "诚信案件",
        ["IntegrityRecordEntry"] = "诚信记录",
        ["NegativeListEntry"] = "负面清单",
        ["VotingSession"] = "表决会议",
        ["ExpertOpinion"] = "专家意见",
        ["Expert"] = "评审专家",
        ["ReviewCommittee"] = "评审委员会",
        ["OutboundMessage"] = "待发消息",
        ["InboxMessage"] = "站内消息",
        ["Supplement"] = "补充材料",
        ["SupplementFile"] = "补充材料文件",
        ["PublicityFeedback"] = "公示反馈",
        ["AppUser"] = "账号",
        ["AccountActivation"] = "激活链接",
    };

    public static string Describe(string entity, int added, int modified, int deleted)
    {
        var name = Entities.GetValueOrDefault(entity, entity);
        var counts = new List<string>();
        if (added > 0)
        {
            counts.Add($"新增 {added}");
        }

        if (modified > 0)
        {
            counts.Add($"修改 {modified}");
        }

        if (deleted > 0)
        {
            counts.Add($"删除 {deleted}");
        }

        return $"{name}（{string.Join("，", counts)}）";
    }
}
