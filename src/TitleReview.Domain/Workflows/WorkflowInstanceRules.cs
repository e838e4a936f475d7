using TitleReview.Domain.Common;

namespace TitleReview.Domain.Workflows;

/// <summary>A finished case stays on the version it finished under: its history reads as that version said.</summary>
public sealed class FinishedInstanceKeepsItsVersionRule(WorkflowInstance instance) : IBusinessRule
{
    public bool IsBroken() => instance.IsFinished;

    public string Message => "已结束的流程实例保留其原版本，不迁移。";
}

/// <summary>A migration moves a case forward only: an older or the same version would undo or repeat one.</summary>
public sealed class MigrationLeadsToANewerVersionRule(WorkflowInstance instance, int version) : IBusinessRule
{
    public bool IsBroken() => version <= instance.DefinitionVersion;

    public string Message => $"只能迁移到更新的版本（当前为第 {instance.DefinitionVersion} 版）。";
}

/// <summary>An office exception reopens a case until a later instant: one ending now or before would reopen nothing.</summary>
public sealed class ReopeningEndsAfterNowRule(DateTimeOffset until, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => until <= now;

    public string Message => "重新开放的截止时间必须晚于当前时间。";
}
