using System.Security.Cryptography;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using IdNumbers = TitleReview.Domain.Common.IdNumber;

namespace TitleReview.Domain.Applications.Certificates;

public enum CertificateStatus
{
    Valid = 1,
    Revoked = 2,
}

public static class CertificateStatuses
{
    public static string DisplayName(CertificateStatus status) => status == CertificateStatus.Valid ? "有效" : "已撤销";
}

/// <summary>Who the certificate is for and what it certifies, as the office's records give them when it is issued.</summary>
public sealed record CertificateHolder(
    Guid ApplicationId,
    Guid CampaignId,
    int Year,
    TitleLevel Level,
    string ApplicantName,
    string IdNumber,
    Guid UnitId,
    string UnitName,
    string CommitteeName);

/// <summary>What issuing is checked against: the case's state, the results publicity's first day, the certificates already issued on the case, today.</summary>
public sealed record CertificateIssuing(bool CommitteePassed, DateOnly? ResultsFirstDay, bool HasValidCertificate, DateOnly Today);

/// <summary>
/// 职称证书: the record of one passed candidate's certificate (notice 三, 5). Its number comes from
/// the campaign's numbering for the level; its verification code, drawn from a CSPRNG and unrelated
/// to the number, is what the QR code and the public verification page read. A certificate is never
/// deleted: a title obtained with false material is revoked (notice 四), with the reason and who decided.
/// </summary>
public sealed class Certificate : Entity
{
    public const int VerificationCodeLength = 20;
    public const int MaxReasonLength = 500;

    /// <summary>Upper-case letters and digits without the look-alikes 0/O and 1/I: 32 symbols, so 20 of them hold 100 random bits and read aloud.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private Certificate()
    {
        Number = string.Empty;
        ApplicantName = string.Empty;
        IdNumber = string.Empty;
        UnitName = string.Empty;
        TitleName = string.Empty;
        CommitteeName = string.Empty;
        VerificationCode = string.Empty;
        IssuedBy = string.Empty;
        IssuedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public int Year { get; private set; }

    public TitleLevel Level { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The application while the certificate is valid, null once revoked: unique, so a case never holds two valid certificates.</summary>
    public Guid? ValidApplicationId { get; private set; }

    public string Number { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The date printed on the certificate (Beijing).</summary>
    public DateOnly IssuedOn { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedBy { get; private set; }

    public string IssuedByName { get; private set; }

    public string ApplicantName { get; private set; }

    /// <summary>The full ID number: printed on the certificate and exported for the national platform; every page shows <see cref="MaskedIdNumber"/>.</summary>
    public string IdNumber { get; private set; }

    public Guid UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>助理政工师 / 政工师 / 高级政工师.</summary>
    public string TitleName { get; private set; }

    public string CommitteeName { get; private set; }

    public string VerificationCode { get; private set; }

    public CertificateStatus Status { get; private set; }

    public string? RevokedReason { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevokedByName { get; private set; }

    /// <summary>The collection the unit collected it with; null while it waits at the office.</summary>
    public Guid? CollectionId { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public bool IsValid => Status == CertificateStatus.Valid;

    public string MaskedIdNumber => IdNumbers.Mask(IdNumber);

    /// <summary>Issues the certificate with the next number of <paramref name="numbering"/>, which the caller saves in the same transaction.</summary>
    public static Certificate Issue(CertificateHolder holder, CertificateIssuing issuing, CertificateNumbering numbering, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new CertificateOnlyForCommitteePassedRule(issuing.CommitteePassed));
        CheckRule(new CertificateAfterResultsPublicityBeganRule(issuing.ResultsFirstDay, issuing.Today));
        CheckRule(new OneValidCertificatePerApplicationRule(issuing.HasValidCertificate));
        CheckRule(new NumberingOfTheCertificatesLevelRule(numbering.CampaignId == holder.CampaignId && numbering.Level == holder.Level));
        var (number, sequence) = numbering.Take(now);
        return new Certificate
        {
            Id = Guid.NewGuid(),
            CampaignId = holder.CampaignId,
            Year = holder.Year,
            Level = holder.Level,
            ApplicationId = holder.ApplicationId,
            ValidApplicationId = holder.ApplicationId,
            Number = number,
            Sequence = sequence,
            IssuedOn = BeijingTime.DateOf(now),
            IssuedAt = now,
            IssuedBy = by,
            IssuedByName = byName,
            ApplicantName = holder.ApplicantName.Trim(),
            IdNumber = holder.IdNumber.Trim().ToUpperInvariant(),
            UnitId = holder.UnitId,
            UnitName = holder.UnitName.Trim(),
            TitleName = TitleLevels.DisplayName(holder.Level),
            CommitteeName = holder.CommitteeName.Trim(),
            VerificationCode = NewVerificationCode(),
            Status = CertificateStatus.Valid,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }

    /// <summary>A fresh code from the operating system's CSPRNG.</summary>
    public static string NewVerificationCode() => RandomNumberGenerator.GetString(CodeAlphabet, VerificationCodeLength);

    /// <summary>How a code typed by hand is compared: trimmed, upper case, without spaces or dashes.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Revokes the certificate (notice 四): the public verification says so from now on.</summary>
    public void Revoke(string reason, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new RevokedCertificateStaysRevokedRule(Status));
        CheckRule(new RevocationHasAReasonRule(reason));
        Status = CertificateStatus.Revoked;
        ValidApplicationId = null;
        RevokedReason = reason.Trim();
        RevokedAt = now;
        RevokedBy = by;
        RevokedByName = byName;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>The unit collected the certificate with the collection (领取).</summary>
    public void Collect(Guid collectionId)
    {
        CheckRule(new CollectedOnceRule(CollectionId));
        CollectionId = collectionId;
        ConcurrencyToken = Guid.NewGuid();
    }
}
