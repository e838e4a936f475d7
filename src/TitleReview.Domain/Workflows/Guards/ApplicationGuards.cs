using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicity;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Domain.Workflows.Guards;

/// <summary><c>DossierComplete</c>: nothing is missing (the notice: "the system restricts submission").</summary>
public sealed record DossierCompleteGuard : GuardSpec
{
    public const string Name = "DossierComplete";

    public override string Text => Name;

    public override string DisplayName(StageCatalogue stages) => "材料齐全";

    public override GuardResult Check(GuardContext context)
    {
        var missing = context.Facts.Application?.Missing ?? [];
        return missing.Count == 0
            ? GuardResult.Pass
            : GuardResult.Fail("材料不完整，不能提交。尚缺：" + string.Join(" ", missing.Select((m, i) => $"{i + 1}. {m}")));
    }
}

/// <summary><c>DossierVerified</c>: the auditor ticked every mandatory item.</summary>
public sealed record DossierVerifiedGuard : GuardSpec
{
    public const string Name = "DossierVerified";

    public override string Text => Name;

    public override string DisplayName(StageCatalogue stages) => "逐项核验完毕";

    public override GuardResult Check(GuardContext context)
    {
        var unverified = context.Facts.Application?.Unverified ?? [];
        return unverified.Count == 0
            ? GuardResult.Pass
            : GuardResult.Fail("尚有必须校验的项目未核验，不能审核通过：" + string.Join("；", unverified) + "。");
    }
}

/// <summary><c>PublicityScheduled</c>: the publicity's dates are set.</summary>
public sealed record PublicityScheduledGuard : GuardSpec
{
    public const string Name = "PublicityScheduled";

    public override string Text => Name;

    public override string DisplayName(StageCatalogue stages) => "已选定单位公示日期";

    public override GuardResult Check(GuardContext context) =>
        context.Facts.Application?.PublicityEnd is not null
            ? GuardResult.Pass
            : GuardResult.Fail("请先选择单位公示的开始日期。");
}

/// <summary><c>PublicityEnded</c>: the 5 working days are over (<see cref="PublicityResultOnlyAfterThePeriodRule"/>).</summary>
public sealed record PublicityEndedGuard : GuardSpec
{
    public const string Name = "PublicityEnded";

    public override string Text => Name;

    public override string DisplayName(StageCatalogue stages) => "单位公示期满";

    public override GuardResult Check(GuardContext context)
    {
        var rule = new PublicityResultOnlyAfterThePeriodRule(context.Facts.Application?.PublicityEnd, context.Now);
        return rule.IsBroken() ? GuardResult.Fail(rule.Message) : GuardResult.Pass;
    }
}

/// <summary><c>PublicityRecorded:NoObjection</c> / <c>:Objection</c>: that result is recorded.</summary>
public sealed record PublicityRecordedGuard(PublicityOutcome Outcome) : GuardSpec
{
    public const string Name = "PublicityRecorded";

    public override string Text => $"{Name}:{Outcome}";

    public override string DisplayName(StageCatalogue stages) =>
        Outcome == PublicityOutcome.NoObjection ? "单位公示无异议" : "单位公示有异议";

    public override GuardResult Check(GuardContext context)
    {
        var recorded = context.Facts.Application?.PublicityOutcome;
        return recorded == Outcome
            ? GuardResult.Pass
            : GuardResult.Fail(recorded is null
                ? "尚未记录单位公示结果，不能报送省政工职评办。只有公示无异议的材料才能报送。"
                : "单位公示结果与该操作不符：只有公示无异议的材料才能报送省政工职评办。");
    }
}
