using System.Globalization;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Certificates;

/// <summary>How the office numbers a level's certificates: prefix + year + level code + the zero-padded sequence from <paramref name="StartNumber"/>.</summary>
public sealed record CertificateNumberingScheme(string Prefix, string LevelCode, int Digits, int StartNumber)
{
    public const int MaxPrefixLength = 20;
    public const int MaxLevelCodeLength = 10;
    public const int MinDigits = 3;
    public const int MaxDigits = 8;

    /// <summary>The number of a sequence in a year, e.g. 黔政工2023Z0001.</summary>
    public string Format(int year, int sequence) =>
        string.Concat(Prefix, year.ToString(CultureInfo.InvariantCulture), LevelCode, sequence.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}

/// <summary>
/// The counter row of one campaign's and one level's certificate numbers: the scheme and the next
/// sequence. Taking a number bumps the row's concurrency token, so two issuers who read the same
/// next number cannot both save: the second retries and takes the one after. The numbers form one
/// series without gaps because the row and the certificate are saved in one transaction.
/// </summary>
public sealed class CertificateNumbering : Entity
{
    private CertificateNumbering()
    {
        Prefix = string.Empty;
        LevelCode = string.Empty;
        UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public int Year { get; private set; }

    public TitleLevel Level { get; private set; }

    public string Prefix { get; private set; }

    public string LevelCode { get; private set; }

    public int Digits { get; private set; }

    public int StartNumber { get; private set; }

    public int NextSequence { get; private set; }

    public int Issued { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public CertificateNumberingScheme Scheme => new(Prefix, LevelCode, Digits, StartNumber);

    /// <summary>The number the next certificate will get.</summary>
    public string NextNumber => Scheme.Format(Year, NextSequence);

    public static CertificateNumbering Configure(Guid campaignId, int year, TitleLevel level, CertificateNumberingScheme scheme, DateTimeOffset now, string by)
    {
        var numbering = new CertificateNumbering { Id = Guid.NewGuid(), CampaignId = campaignId, Year = year, Level = level };
        numbering.Apply(scheme, now, by);
        return numbering;
    }

    /// <summary>Changes the scheme; refused once a number was issued.</summary>
    public void Change(CertificateNumberingScheme scheme, DateTimeOffset now, string by)
    {
        CheckRule(new NumberingFixedOnceIssuedRule(Issued, Level));
        Apply(scheme, now, by);
    }

    /// <summary>Takes the next number of the series.</summary>
    public (string Number, int Sequence) Take(DateTimeOffset now)
    {
        CheckRule(new NumberingHasRoomRule(NextSequence, Digits));
        var sequence = NextSequence;
        NextSequence++;
        Issued++;
        UpdatedAt = now;
        ConcurrencyToken = Guid.NewGuid();
        return (Scheme.Format(Year, sequence), sequence);
    }

    private void Apply(CertificateNumberingScheme scheme, DateTimeOffset now, string by)
    {
        Prefix = scheme.Prefix.Trim();
        LevelCode = scheme.LevelCode.Trim();
        Digits = scheme.Digits;
        StartNumber = scheme.StartNumber;
        NextSequence = scheme.StartNumber;
        UpdatedAt = now;
        UpdatedBy = by;
        ConcurrencyToken = Guid.NewGuid();
    }
}
