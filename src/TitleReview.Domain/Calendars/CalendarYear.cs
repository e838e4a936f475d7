using TitleReview.Domain.Common;

namespace TitleReview.Domain.Calendars;

/// <summary>
/// One year of the State Council's holiday notice: the days off (even on weekdays) and the
/// moved working days (even on weekends). Every other Saturday and Sunday is off.
/// </summary>
public sealed class CalendarYear
{
    private CalendarYear(int year, string source, IReadOnlySet<DateOnly> daysOff, IReadOnlySet<DateOnly> movedWorkingDays)
    {
        Year = year;
        Source = source;
        DaysOff = daysOff;
        MovedWorkingDays = movedWorkingDays;
    }

    public int Year { get; }

    /// <summary>The notice the data comes from, e.g. 国办发明电〔2022〕16号.</summary>
    public string Source { get; }

    public IReadOnlySet<DateOnly> DaysOff { get; }

    public IReadOnlySet<DateOnly> MovedWorkingDays { get; }

    public static CalendarYear Create(int year, string source, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> movedWorkingDays)
    {
        var off = daysOff.ToHashSet();
        var work = movedWorkingDays.ToHashSet();

        var outside = off.Concat(work).Where(d => d.Year != year).ToList();
        if (outside.Count > 0)
        {
            throw new DomainException($"{year} 年的工作日历包含不属于该年的日期：{string.Join("、", outside.Select(d => d.ToString("yyyy-MM-dd")))}");
        }

        var both = off.Intersect(work).ToList();
        if (both.Count > 0)
        {
            throw new DomainException($"{year} 年的工作日历中，以下日期既是休息日又是调休上班日：{string.Join("、", both.Select(d => d.ToString("yyyy-MM-dd")))}");
        }

        var weekdayWork = work.Where(d => !IsWeekend(d)).ToList();
        if (weekdayWork.Count > 0)
        {
            throw new DomainException($"{year} 年的工作日历中，调休上班日必须是周末：{string.Join("、", weekdayWork.Select(d => d.ToString("yyyy-MM-dd")))}");
        }

        return new CalendarYear(year, source, off, work);
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (MovedWorkingDays.Contains(day))
        {
            return true;
        }

        return !IsWeekend(day) && !DaysOff.Contains(day);
    }

    internal static bool IsWeekend(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
