using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// 学历: the applicant states it, the unit verifies it against the originals (nothing uploaded,
/// the notice 二(二)2). It holds back the auditor's approval, never the applicant's submission:
/// the auditor ticks it only after the dossier arrives.
/// </summary>
public sealed class EducationVerifiedRule(EligibilityFacts facts) : EligibilityRule
{
    public override string Condition => "学历核实";

    public override DossierSection Section => DossierSection.PersonalInfo;

    public override EligibilityGate Gate => EligibilityGate.Approval;

    public override bool IsBroken() => facts.Education is null || !facts.EducationVerified;

    public override string Detail =>
        facts.Education is not { } education ? "申报人尚未填写学历"
        : facts.EducationVerified ? $"{education}；单位已核实"
        : $"{education}；待单位核实";
}
