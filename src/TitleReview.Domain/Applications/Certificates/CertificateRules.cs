using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Certificates;

/// <summary>Only a candidate the committee passed (a state meaning <c>committeePassed</c>) gets a certificate.</summary>
public sealed class CertificateOnlyForCommitteePassedRule(bool committeePassed) : IBusinessRule
{
    public bool IsBroken() => !committeePassed;

    public string Message => "只有评审通过的人员才能发放证书。";
}

/// <summary>The results are secret until the results publicity's first day: no certificate before it.</summary>
public sealed class CertificateAfterResultsPublicityBeganRule(DateOnly? resultsFirstDay, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => resultsFirstDay is not { } first || today < first;

    public string Message => resultsFirstDay is { } first
        ? $"评审结果公示自 {first:yyyy年M月d日} 开始，公示开始后才能发放证书。"
        : "评审结果尚未公示，公示开始后才能发放证书。";
}

/// <summary>A case holds at most one valid certificate.</summary>
public sealed class OneValidCertificatePerApplicationRule(bool hasValidCertificate) : IBusinessRule
{
    public bool IsBroken() => hasValidCertificate;

    public string Message => "该人员已有有效证书，不能重复发放。";
}

/// <summary>A number comes from the numbering of the certificate's own campaign and level.</summary>
public sealed class NumberingOfTheCertificatesLevelRule(bool matches) : IBusinessRule
{
    public bool IsBroken() => !matches;

    public string Message => "证书编号规则与证书的年度或等级不符。";
}

/// <summary>The office sets a level's numbering before its first certificate.</summary>
public sealed class CertificateNumberingConfiguredRule(bool configured, TitleLevel level) : IBusinessRule
{
    public bool IsBroken() => !configured;

    public string Message => $"请先设置{TitleLevels.DisplayName(level)}的证书编号规则。";
}

/// <summary>Once a number was issued the scheme is fixed, or the numbers would no longer form one series.</summary>
public sealed class NumberingFixedOnceIssuedRule(int issued, TitleLevel level) : IBusinessRule
{
    public bool IsBroken() => issued > 0;

    public string Message => $"{TitleLevels.DisplayName(level)}已发放 {issued} 本证书，编号规则不能再修改。";
}

/// <summary>A series has room for as many numbers as its digits allow.</summary>
public sealed class NumberingHasRoomRule(int nextSequence, int digits) : IBusinessRule
{
    public bool IsBroken() => nextSequence.ToString(System.Globalization.CultureInfo.InvariantCulture).Length > digits;

    public string Message => $"证书编号的 {digits} 位序号已用完，无法继续编号。";
}

public sealed class RevokedCertificateStaysRevokedRule(CertificateStatus status) : IBusinessRule
{
    public bool IsBroken() => status == CertificateStatus.Revoked;

    public string Message => "该证书已撤销。";
}

public sealed class RevocationHasAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Certificate.MaxReasonLength;

    public string Message => $"请填写撤销证书的理由（{Certificate.MaxReasonLength}字以内）。";
}

public sealed class CollectedOnceRule(Guid? collectionId) : IBusinessRule
{
    public bool IsBroken() => collectionId is not null;

    public string Message => "该证书已领取。";
}

/// <summary>A collection takes at least one of the unit's valid certificates not yet collected.</summary>
public sealed class CollectionHasCertificatesRule(int ready) : IBusinessRule
{
    public bool IsBroken() => ready == 0;

    public string Message => "该单位没有待领取的证书。";
}
