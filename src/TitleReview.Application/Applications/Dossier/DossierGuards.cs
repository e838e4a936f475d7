using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Application.Applications.Dossier;

/// <summary><c>DossierComplete</c>: nothing is missing (the notice: "the system restricts submission").</summary>
internal sealed class DossierCompleteGuard : IWorkflowGuard
{
    public string Name => "DossierComplete";

    public string? ValidateArgument(string? argument, GuardArgumentContext context) => argument is null ? null : "takes no argument";

    public GuardResult Check(GuardContext context, string? argument)
    {
        var missing = context.Facts.TryGetValue(DossierFacts.MissingKey, out var value) ? (IReadOnlyList<MissingItem>)value : [];
        return missing.Count == 0
            ? GuardResult.Pass
            : GuardResult.Fail("材料不完整，不能提交。尚缺：" + string.Join(" ", missing.Select((m, i) => $"{i + 1}. 【{DossierSections.DisplayName(m.Section)}】{m.Message}")));
    }
}

/// <summary><c>DossierVerified</c>: the auditor ticked every mandatory item.</summary>
internal sealed class DossierVerifiedGuard : IWorkflowGuard
{
    public string Name => "DossierVerified";

    public string? ValidateArgument(string? argument, GuardArgumentContext context) => argument is null ? null : "takes no argument";

    public GuardResult Check(GuardContext context, string? argument)
    {
        var unverified = context.Facts.TryGetValue(DossierFacts.UnverifiedKey, out var value) ? (IReadOnlyList<string>)value : [];
        return unverified.Count == 0
            ? GuardResult.Pass
            : GuardResult.Fail("尚有必须校验的项目未核验，不能审核通过：" + string.Join("；", unverified) + "。");
    }
}
