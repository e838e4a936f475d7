namespace TitleReview.Domain.Calendars;

/// <summary>
/// Working days in mainland China, from the yearly holiday notices. A question about a year
/// without data throws <see cref="CalendarYearMissingException"/> rather than guessing.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly IReadOnlyDictionary<int, CalendarYear> _years;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year);
    }

    public IReadOnlyCollection<int> Years => _years.Keys.Order().ToList();

    public bool HasYear(int year) => _years.ContainsKey(year);

    public CalendarYear GetYear(int year) =>
        _years.TryGetValue(year, out var data) ? data : throw new CalendarYearMissingException(year);

    public bool IsWorkingDay(DateOnly day) => GetYear(day.Year).IsWorkingDay(day);

    /// <summary>
    /// The day on which <paramref name="workingDays"/> working days have passed after
    /// <paramref name="start"/> (the start day itself is not counted).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var day = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// The day on which <paramref name="workingDays"/> working days lie before
    /// <paramref name="start"/>: the n-th working day counting back (the start day itself is
    /// not counted).
    /// </summary>
    public DateOnly SubtractWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var day = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days that begins on
    /// <paramref name="start"/>, counting the start day when it is a working day (a publicity
    /// "for 5 working days" starting on a Monday ends on Friday).
    /// </summary>
    public DateOnly EndOfPeriod(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);

        return IsWorkingDay(start)
            ? AddWorkingDays(start, workingDays - 1)
            : AddWorkingDays(start, workingDays);
    }
}
