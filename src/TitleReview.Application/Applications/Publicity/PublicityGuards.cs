using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicity;

namespace TitleReview.Application.Applications.Publicity;

/// <summary><c>PublicityScheduled</c>: the publicity's dates are set.</summary>
internal sealed class PublicityScheduledGuard : IWorkflowGuard
{
    public string Name => "PublicityScheduled";

    public string? ValidateArgument(string? argument, GuardArgumentContext context) => argument is null ? null : "takes no argument";

    public GuardResult Check(GuardContext context, string? argument) =>
        context.Facts.ContainsKey(DossierFacts.PublicityEndKey)
            ? GuardResult.Pass
            : GuardResult.Fail("请先选择单位公示的开始日期。");
}

/// <summary><c>PublicityEnded</c>: the 5 working days are over (<see cref="PublicityResultOnlyAfterThePeriodRule"/>).</summary>
internal sealed class PublicityEndedGuard : IWorkflowGuard
{
    public string Name => "PublicityEnded";

    public string? ValidateArgument(string? argument, GuardArgumentContext context) => argument is null ? null : "takes no argument";

    public GuardResult Check(GuardContext context, string? argument)
    {
        DateOnly? end = context.Facts.TryGetValue(DossierFacts.PublicityEndKey, out var value) ? (DateOnly)value : null;
        var rule = new PublicityResultOnlyAfterThePeriodRule(end, context.Now);
        return rule.IsBroken() ? GuardResult.Fail(rule.Message) : GuardResult.Pass;
    }
}

/// <summary><c>PublicityRecorded:NoObjection</c> / <c>:Objection</c>: that result is recorded.</summary>
internal sealed class PublicityRecordedGuard : IWorkflowGuard
{
    public string Name => "PublicityRecorded";

    public string? ValidateArgument(string? argument, GuardArgumentContext context) =>
        Enum.TryParse<PublicityOutcome>(argument, out _) ? null : $"unknown publicity outcome '{argument}'";

    public GuardResult Check(GuardContext context, string? argument)
    {
        var wanted = Enum.Parse<PublicityOutcome>(argument!);
        var recorded = context.Facts.TryGetValue(DossierFacts.PublicityOutcomeKey, out var value) ? (PublicityOutcome?)value : null;
        return recorded == wanted
            ? GuardResult.Pass
            : GuardResult.Fail(recorded is null
                ? "尚未记录单位公示结果，不能报送省政工职评办。只有公示无异议的材料才能报送。"
                : "单位公示结果与该操作不符：只有公示无异议的材料才能报送省政工职评办。");
    }
}
