using System.Globalization;
using TitleReview.Application.Campaigns;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// The campaigns of the data set, all from one shipped timeline (workflows/timelines/): the past
/// years keep its days and change the year; the current year is moved day by day so that its
/// filing window (applicant filing and unit review) opened <see cref="FilingDaysBehind"/> days
/// before today, which leaves room for dossiers submitted, approved, publicised and sent on,
/// and stays open for at least <see cref="DaysAheadRequired"/> days more.
/// </summary>
internal static class CampaignTimelines
{
    public const int FilingDaysBehind = 21;
    public const int DaysAheadRequired = 7;
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The template moved to <paramref name="year"/>, day for day.</summary>
    public static TimelineDocument ForYear(TimelineDocument template, int year) =>
        Shift(template, year, day => day.AddYears(year - template.Year));

    /// <summary>The template moved so that its filing stage opened <see cref="FilingDaysBehind"/> days before <paramref name="today"/> (Beijing).</summary>
    public static TimelineDocument ShiftedToNow(TimelineDocument template, DateOnly today)
    {
        var filing = template.Stages.Single(s => s.Key == StageKeys.Filing);
        var days = today.AddDays(-FilingDaysBehind).DayNumber - Date(filing.Opens).DayNumber;
        var shifted = Shift(template, today.Year, day => day.AddDays(days));
        var closes = Date(shifted.Stages.Single(s => s.Key == StageKeys.Filing).Closes);
        if (closes.DayNumber - today.DayNumber < DaysAheadRequired)
        {
            throw new InvalidOperationException(
                $"The template's filing stage is too short: shifted to open {FilingDaysBehind} days ago, it closes on {closes:yyyy-MM-dd}, less than {DaysAheadRequired} days from {today:yyyy-MM-dd}.");
        }

        return shifted;
    }

    /// <summary>The first and last day (Beijing) of a stage of a timeline.</summary>
    public static (DateOnly Opens, DateOnly Closes) Window(TimelineDocument timeline, string stageKey)
    {
        var stage = timeline.Stages.Single(s => s.Key == stageKey);
        return (Date(stage.Opens), Date(stage.Closes));
    }

    private static TimelineDocument Shift(TimelineDocument template, int year, Func<DateOnly, DateOnly> move) => new()
    {
        Year = year,
        Name = template.Name?.Replace(template.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        Source = $"基准测试数据：由 {template.Year} 年度时间安排推算",
        TenureCutoff = new DateOnly(year, 12, 31).ToString(DateFormat, CultureInfo.InvariantCulture),
        Stages = template.Stages.Select(s => new TimelineStage
        {
            Key = s.Key,
            Name = s.Name,
            Opens = move(Date(s.Opens)).ToString(DateFormat, CultureInfo.InvariantCulture),
            Closes = move(Date(s.Closes)).ToString(DateFormat, CultureInfo.InvariantCulture),
            Note = s.Note,
        }).ToList(),
    };

    private static DateOnly Date(string? text) =>
        DateOnly.ParseExact(text ?? throw new InvalidOperationException("The template timeline gives every stage its days (opens, closes)."), DateFormat, CultureInfo.InvariantCulture);
}
