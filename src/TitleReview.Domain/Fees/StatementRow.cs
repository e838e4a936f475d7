using TitleReview.Domain.Common;

namespace TitleReview.Domain.Fees;

/// <summary>What became of a bank statement row.</summary>
public enum StatementRowDecision
{
    /// <summary>Not matched to one unit: waits for the office's decision.</summary>
    Pending = 1,

    /// <summary>Counted for a unit's payment (matched on import, or assigned by the office).</summary>
    Counted = 2,

    /// <summary>Set aside by the office with a note (not a review fee, a refund, …).</summary>
    Ignored = 3,
}

/// <summary>
/// One row of an imported bank statement (银行流水), kept with its fingerprint so that the same
/// row imported again is recognised and its money never counted twice.
/// </summary>
public sealed class StatementRow : Entity
{
    public const int MaxPayerLength = 200;
    public const int MaxRemarkLength = 500;

    private StatementRow()
    {
        Fingerprint = string.Empty;
        Payer = string.Empty;
        ImportedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary><see cref="StatementLine.Fingerprint"/>: unique in a campaign.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>The row's number in the file it was first imported from, for the office's messages.</summary>
    public int LineNumber { get; private set; }

    public DateOnly Date { get; private set; }

    public string Payer { get; private set; }

    public decimal Amount { get; private set; }

    public string? Remark { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public StatementRowDecision Decision { get; private set; }

    /// <summary>The unit payment the row's money was counted for.</summary>
    public Guid? UnitPaymentId { get; private set; }

    public string? DecisionNote { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static StatementRow Import(Guid campaignId, StatementLine line, string fingerprint, string importedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CampaignId = campaignId,
        Fingerprint = fingerprint,
        LineNumber = line.LineNumber,
        Date = line.Date,
        Payer = line.Payer.Trim(),
        Amount = line.Amount,
        Remark = string.IsNullOrWhiteSpace(line.Remark) ? null : line.Remark.Trim(),
        ImportedAt = now,
        ImportedBy = importedBy,
        Decision = StatementRowDecision.Pending,
    };

    internal void CountFor(Guid unitPaymentId, string? note, DateTimeOffset now)
    {
        CheckRule(new StatementRowUsedOnceRule(this));
        Decision = StatementRowDecision.Counted;
        UnitPaymentId = unitPaymentId;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedAt = now;
    }

    /// <summary>The office sets the row aside: its money is no unit's review fee.</summary>
    public void Ignore(string? note, DateTimeOffset now)
    {
        CheckRule(new StatementRowUsedOnceRule(this));
        CheckRule(new IgnoredRowHasANoteRule(note));
        Decision = StatementRowDecision.Ignored;
        DecisionNote = note!.Trim();
        DecidedAt = now;
    }
}

/// <summary>A row set aside says why, so the money can be traced later.</summary>
public sealed class IgnoredRowHasANoteRule(string? note) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(note);

    public string Message => "忽略银行流水时请填写说明（例如：非评审费款项、已退回）。";
}
