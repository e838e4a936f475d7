using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications.Eligibility;

/// <summary>
/// 首评 needs no earlier qualification (the notice 二 5: from the civil service to an enterprise);
/// a regular application proves the current title with its qualification certificate's scan.
/// </summary>
public sealed class FirstEvaluationPathRule(EligibilityFacts facts) : EligibilityRule
{
    public override string Condition => "资格证书";

    public override DossierSection Section => DossierSection.PersonalInfo;

    public override bool IsBroken() => !facts.IsFirstEvaluation && !facts.HasQualificationCertificate;

    public override string Detail =>
        facts.IsFirstEvaluation ? "首评，不需要此前的资格证书"
        : facts.HasQualificationCertificate ? "正常申报，已上传现任职务资格证书扫描件"
        : $"正常申报须上传{AttachmentSlots.Describe(AttachmentSlots.Qualification)}扫描件（首评除外）";
}
