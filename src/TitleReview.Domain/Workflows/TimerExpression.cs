using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TitleReview.Domain.Workflows;

/// <summary>What a timer is anchored on: a stage's window of the campaign, or a mark of the instance.</summary>
public enum TimerAnchorKind
{
    Open,
    Close,
    Mark,
}

public enum TimerUnit
{
    /// <summary>Calendar days (<c>d</c>).</summary>
    Days,

    /// <summary>Working days of the holiday calendar (<c>wd</c>).</summary>
    WorkingDays,
}

/// <summary>
/// A timer's <c>at</c> (ADR 15): an anchor — <c>open:&lt;stage&gt;</c>, <c>close:&lt;stage&gt;</c>
/// or <c>mark:&lt;name&gt;</c> — alone, or with an offset before it:
/// <c>&lt;n&gt;wd after</c>, <c>&lt;n&gt;d after</c>, <c>&lt;n&gt;wd before</c>, <c>&lt;n&gt;d before</c>.
/// <see cref="TimerSchedule"/> turns it into an instant.
/// </summary>
public sealed partial record TimerExpression
{
    /// <summary>A year: the longest offset a definition may ask for.</summary>
    public const int MaxCount = 365;

    public const string Example = "5wd after open:unitPublicity";

    private TimerExpression(TimerAnchorKind anchorKind, string anchorName, int? count, TimerUnit unit, bool before)
    {
        AnchorKind = anchorKind;
        AnchorName = anchorName;
        Count = count;
        Unit = unit;
        Before = before;
    }

    public TimerAnchorKind AnchorKind { get; }

    /// <summary>The stage key (open/close) or the mark's name.</summary>
    public string AnchorName { get; }

    /// <summary>How many days or working days from the anchor; null for the anchor itself.</summary>
    public int? Count { get; }

    public TimerUnit Unit { get; }

    public bool Before { get; }

    public string? StageKey => AnchorKind == TimerAnchorKind.Mark ? null : AnchorName;

    public string? MarkName => AnchorKind == TimerAnchorKind.Mark ? AnchorName : null;

    public static TimerExpression Parse(string text) =>
        TryParse(text, out var expression, out var problem) ? expression : throw new FormatException(problem);

    public static bool TryParse(string? text, [NotNullWhen(true)] out TimerExpression? expression) =>
        TryParse(text, out expression, out _);

    /// <param name="problem">Why the text is not an expression, in words a definition's author can act on.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TimerExpression? expression, out string problem)
    {
        expression = null;
        var match = Grammar().Match(text ?? string.Empty);
        if (!match.Success)
        {
            problem = $"'{text}' is not a timer expression: write open:<stage>, close:<stage> or mark:<name>, optionally preceded by '<n>wd after', '<n>d after', '<n>wd before' or '<n>d before' (e.g. '{Example}').";
            return false;
        }

        int? count = null;
        if (match.Groups["count"].Success)
        {
            if (!int.TryParse(match.Groups["count"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxCount)
            {
                problem = $"'{text}': the number of days must be between 1 and {MaxCount}.";
                return false;
            }

            count = n;
        }

        // The keywords are the kinds' names in lower case (open, close, mark).
        var kind = Enum.Parse<TimerAnchorKind>(match.Groups["kind"].ValueSpan, ignoreCase: true);
        var unit = match.Groups["unit"].Value == "wd" ? TimerUnit.WorkingDays : TimerUnit.Days;
        expression = new TimerExpression(kind, match.Groups["name"].Value, count, unit, match.Groups["direction"].Value == "before");
        problem = string.Empty;
        return true;
    }

    /// <summary>The expression as written in a definition and stored with the timer.</summary>
    public override string ToString()
    {
        var anchor = $"{AnchorKind.ToString().ToLowerInvariant()}:{AnchorName}";
        return Count is { } n
            ? $"{n.ToString(CultureInfo.InvariantCulture)}{(Unit == TimerUnit.WorkingDays ? "wd" : "d")} {(Before ? "before" : "after")} {anchor}"
            : anchor;
    }

    /// <summary>The expression for staff, e.g. "“单位公示”开始后第 5 个工作日结束时".</summary>
    public string Describe(Func<string, string> stageName, Func<string, string> markName)
    {
        ArgumentNullException.ThrowIfNull(stageName);
        ArgumentNullException.ThrowIfNull(markName);
        var anchor = AnchorKind switch
        {
            TimerAnchorKind.Open => $"“{stageName(AnchorName)}”开始",
            TimerAnchorKind.Close => $"“{stageName(AnchorName)}”结束",
            _ => $"“{markName(AnchorName)}”",
        };
        return (Count, Unit, Before) switch
        {
            (null, _, _) => anchor + "时",
            ({ } n, TimerUnit.WorkingDays, false) => $"{anchor}后第 {n} 个工作日结束时",
            ({ } n, TimerUnit.WorkingDays, true) => $"{anchor}前第 {n} 个工作日开始时",
            ({ } n, _, false) => $"{anchor}后 {n} 天",
            ({ } n, _, true) => $"{anchor}前 {n} 天",
        };
    }

    [GeneratedRegex("^(?:(?<count>[0-9]+)(?<unit>wd|d) (?<direction>after|before) )?(?<kind>open|close|mark):(?<name>[A-Za-z][A-Za-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
