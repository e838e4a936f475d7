using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TitleReview.Domain.Fees;

/// <summary>A bank statement row as read from the file: date, payer, amount, remark.</summary>
/// <param name="LineNumber">The row's number in the file (the header is row 1).</param>
public sealed record StatementLine(int LineNumber, DateOnly Date, string Payer, decimal Amount, string? Remark)
{
    /// <summary>
    /// What identifies the row whichever file it comes in: its date, payer, amount and remark, and
    /// its <paramref name="occurrence"/> among identical rows of the same file (two equal transfers
    /// on one day are two payments; the same statement imported again yields the same fingerprints).
    /// </summary>
    public string Fingerprint(int occurrence)
    {
        var text = string.Join(
            '|',
            Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StatementMatcher.Normalize(Payer),
            Amount.ToString("0.00", CultureInfo.InvariantCulture),
            StatementMatcher.Normalize(Remark),
            occurrence.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The fingerprint of each line of a file, counting identical lines in file order.</summary>
    public static IReadOnlyList<string> Fingerprints(IReadOnlyList<StatementLine> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return lines.Select(line =>
        {
            var first = line.Fingerprint(0);
            var occurrence = seen.GetValueOrDefault(first);
            seen[first] = occurrence + 1;
            return occurrence == 0 ? first : line.Fingerprint(occurrence);
        }).ToList();
    }
}

/// <summary>
/// A unit payment a statement row may belong to: the names the unit's money may arrive under (the
/// unit's name and each paying account name it recorded) and the amounts it said it transferred
/// and has not been matched yet.
/// </summary>
public sealed record PaymentCandidate(Guid UnitPaymentId, string UnitName, IReadOnlyList<string> PayerNames, IReadOnlyList<decimal> OpenTransferAmounts);

public enum StatementMatchKind
{
    /// <summary>Exactly one unit's recorded transfer has the row's amount and payer.</summary>
    Matched = 1,

    /// <summary>Several units could be the payer: the office decides.</summary>
    Ambiguous = 2,

    /// <summary>No unit recorded such a transfer: the office decides.</summary>
    Unmatched = 3,
}

/// <param name="Candidates">The unit payments the row could belong to: one when matched, several when ambiguous.</param>
public sealed record StatementMatch(StatementLine Line, StatementMatchKind Kind, IReadOnlyList<Guid> Candidates);

/// <summary>
/// Matches bank statement rows to units (issue 13): a row belongs to a unit when the unit recorded
/// a transfer of exactly the row's amount and the row's payer is the paying account name it
/// recorded or the unit's own name. A row only one unit fits is matched; a row several fit is left
/// for the office, and so is a row none fits. Each recorded transfer is matched by one row at most,
/// so two equal rows never both count against one transfer.
/// </summary>
public static class StatementMatcher
{
    public static IReadOnlyList<StatementMatch> Match(IReadOnlyList<StatementLine> lines, IReadOnlyList<PaymentCandidate> candidates)
    {
        var open = candidates.ToDictionary(c => c.UnitPaymentId, c => c.OpenTransferAmounts.ToList());
        var names = candidates.ToDictionary(
            c => c.UnitPaymentId,
            c => c.PayerNames.Append(c.UnitName).Select(Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal));

        var matches = new List<StatementMatch>();
        foreach (var line in lines)
        {
            var payer = Normalize(line.Payer);
            var fits = candidates
                .Where(c => names[c.UnitPaymentId].Contains(payer) && open[c.UnitPaymentId].Contains(line.Amount))
                .Select(c => c.UnitPaymentId)
                .ToList();
            if (fits.Count == 1)
            {
                open[fits[0]].Remove(line.Amount);
                matches.Add(new StatementMatch(line, StatementMatchKind.Matched, fits));
            }
            else
            {
                matches.Add(new StatementMatch(line, fits.Count == 0 ? StatementMatchKind.Unmatched : StatementMatchKind.Ambiguous, fits));
            }
        }

        return matches;
    }

    /// <summary>Names and remarks compared as a cashier would: no spaces, full-width brackets as ASCII, case ignored.</summary>
    public static string Normalize(string? text) =>
        string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)))
            .Replace('（', '(')
            .Replace('）', ')')
            .ToUpperInvariant();
}
