namespace TitleReview.Domain.Applications;

/// <summary>
/// The share of a year's continuing-education hours that must be professional (专业科目), kept as
/// a fraction of whole numbers so that "exactly two thirds" compares exactly: 60 of 90 hours meet
/// 2/3, 59 do not, with no rounding in between.
/// </summary>
public readonly record struct ProfessionalShare(int Numerator, int Denominator)
{
    /// <summary>The largest denominator the office may set: a share finer than 1% is a typing mistake.</summary>
    public const int MaxDenominator = 100;

    /// <summary>The notice's "专业科目一般不少于三分之二".</summary>
    public static ProfessionalShare TwoThirds { get; } = new(2, 3);

    public bool IsMetBy(int professionalHours, int hours) => (long)professionalHours * Denominator >= (long)hours * Numerator;

    /// <summary>The fewest professional hours that meet the share for the year's hours (rounded up).</summary>
    public int MinimumOf(int hours) => (int)((((long)hours * Numerator) + Denominator - 1) / Denominator);

    /// <summary>As people read it: "三分之二" for 2/3, otherwise "n/d".</summary>
    public override string ToString() => this == TwoThirds ? "三分之二" : $"{Numerator}/{Denominator}";
}
