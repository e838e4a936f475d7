using System.Globalization;
using System.Text.Json;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;

namespace TitleReview.Infrastructure.Calendars;

/// <summary>
/// Reads <c>workflows/calendars/&lt;year&gt;.json</c>: one file per year of the State Council's
/// holiday notice. A file that cannot be read stops start-up with a message naming it.
/// </summary>
public static class CalendarFileLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static WorkingDayCalendar LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DomainException($"找不到工作日历目录：{folder}");
        }

        var years = Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
        return new WorkingDayCalendar(years);
    }

    public static CalendarYear LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, name);
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or DomainException)
        {
            throw new DomainException($"工作日历文件 {name} 无效：{ex.Message}");
        }
    }

    public static CalendarYear Parse(Stream json, string fileName)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonOptions)
            ?? throw new DomainException("文件为空。");

        var expectedYear = Path.GetFileNameWithoutExtension(fileName);
        if (!string.Equals(expectedYear, file.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw new DomainException($"文件名应为 {file.Year}.json，与其中的年份 {file.Year} 一致。");
        }

        if (string.IsNullOrWhiteSpace(file.Source))
        {
            throw new DomainException("缺少 source：请注明所依据的国务院办公厅通知。");
        }

        var daysOff = new List<DateOnly>();
        var workingDays = new List<DateOnly>();
        foreach (var holiday in file.Holidays ?? [])
        {
            var from = ParseDate(holiday.From, holiday.Name);
            var to = ParseDate(holiday.To, holiday.Name);
            if (to < from)
            {
                throw new DomainException($"假期“{holiday.Name}”的结束日期早于开始日期。");
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                daysOff.Add(day);
            }

            workingDays.AddRange((holiday.WorkingDays ?? []).Select(d => ParseDate(d, holiday.Name)));
        }

        return CalendarYear.Create(file.Year, file.Source, daysOff, workingDays);
    }

    private static DateOnly ParseDate(string? value, string? holiday) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainException($"假期“{holiday}”中的日期“{value}”不是 yyyy-MM-dd 格式。");

    private sealed class CalendarFile
    {
        public int Year { get; set; }

        public string Source { get; set; } = string.Empty;

        public List<HolidayEntry>? Holidays { get; set; }
    }

    private sealed class HolidayEntry
    {
        public string? Name { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public List<string>? WorkingDays { get; set; }
    }
}
