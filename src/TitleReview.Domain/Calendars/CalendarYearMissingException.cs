using TitleReview.Domain.Common;

namespace TitleReview.Domain.Calendars;

/// <summary>
/// Working days of a year whose holiday notice has not been loaded cannot be known: the
/// State Council moves weekends every year, so guessing would silently shift deadlines.
/// </summary>
public sealed class CalendarYearMissingException : DomainException
{
    public CalendarYearMissingException(int year)
        : base($"{year} 年的节假日安排尚未录入工作日历（workflows/calendars/{year}.json），无法计算工作日。请省政工职评办先录入国务院办公厅公布的 {year} 年节假日安排。")
    {
        Year = year;
    }

    public int Year { get; }
}
