using TitleReview.Domain.Applications;

namespace TitleReview.Domain.Fees;

/// <summary>One title level of a unit's bill: how many of its applicants were submitted at that level and the fee each.</summary>
/// <param name="Fee">The campaign's fee for the level; null while the office has not set it.</param>
public sealed record AmountDueLine(TitleLevel Level, int Applicants, decimal? Fee)
{
    public decimal? Subtotal => Fee * Applicants;
}

/// <summary>
/// 应缴评审费: what a unit owes, level by level. While a level it owes for has no fee set the
/// total is unknown (null), never a sum that silently leaves that level out.
/// </summary>
public sealed record AmountDue(IReadOnlyList<AmountDueLine> Lines)
{
    public static readonly AmountDue Nothing = new([]);

    public bool IsKnown => Lines.All(l => l.Fee is not null);

    public decimal? Total => IsKnown ? Lines.Sum(l => l.Subtotal!.Value) : null;

    public IReadOnlyList<TitleLevel> LevelsWithoutFee => Lines.Where(l => l.Fee is null).Select(l => l.Level).ToList();

    public int Applicants => Lines.Sum(l => l.Applicants);

    /// <summary>No applicant of the unit is before the office: nothing is owed, whatever the payment's state.</summary>
    public bool OwesNothing => Lines.Count == 0;
}

/// <summary>
/// The review fee a unit owes (the notice, 二(四)): the campaign's fee for the level of each of
/// its applications submitted to the office. Applications not submitted owe nothing.
/// </summary>
public static class AmountDueCalculator
{
    /// <param name="submittedLevels">The level of each of the unit's applications submitted to the office, one entry per application.</param>
    /// <param name="fees">The campaign's fee per level; a missing or null entry is a fee not set.</param>
    public static AmountDue For(IEnumerable<TitleLevel> submittedLevels, IReadOnlyDictionary<TitleLevel, decimal?> fees) =>
        new(submittedLevels
            .GroupBy(level => level)
            .OrderBy(g => g.Key)
            .Select(g => new AmountDueLine(g.Key, g.Count(), fees.GetValueOrDefault(g.Key)))
            .ToList());
}
