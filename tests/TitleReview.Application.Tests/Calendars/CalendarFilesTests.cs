using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Calendars;

namespace TitleReview.Application.Tests.Calendars;

/// <summary>The working-day calendar as loaded from workflows/calendars, the State Council's data.</summary>
public class CalendarFilesTests
{
    private static readonly WorkingDayCalendar Calendar =
        CalendarFileLoader.LoadFolder(Path.Combine(ApplicationTestBase.WorkflowsFolder, "calendars"));

    [Test]
    public void Folder_HasEveryYearFrom2023To2026()
    {
        Calendar.Years.Should().Contain([2023, 2024, 2025, 2026]);
    }

    [Test]
    public void AddWorkingDays_From20230927_SkipsNationalDayAndCountsMovedWeekend()
    {
        // Thu 28 Sep (1); 29 Sep – 6 Oct off; Sat 7 Oct (2) and Sun 8 Oct (3) are moved working
        // days; Mon 9 Oct (4); Tue 10 Oct (5).
        Calendar.AddWorkingDays(new DateOnly(2023, 9, 27), 5).Should().Be(new DateOnly(2023, 10, 10));
    }

    [Test]
    public void EndOfPeriod_PublicityFrom20230927_EndsOnMonday9October()
    {
        Calendar.EndOfPeriod(new DateOnly(2023, 9, 27), 5).Should().Be(new DateOnly(2023, 10, 9));
    }

    [TestCase("2023-10-07", true, TestName = "IsWorkingDay_20231007_MovedWorkingSaturday")]
    [TestCase("2023-10-02", false, TestName = "IsWorkingDay_20231002_NationalDayMonday")]
    [TestCase("2023-01-02", false, TestName = "IsWorkingDay_20230102_NewYearMonday")]
    [TestCase("2023-01-29", true, TestName = "IsWorkingDay_20230129_SpringFestivalMovedSunday")]
    [TestCase("2024-02-18", true, TestName = "IsWorkingDay_20240218_SpringFestivalMovedSunday")]
    [TestCase("2025-10-08", false, TestName = "IsWorkingDay_20251008_NationalDayWednesday")]
    [TestCase("2026-01-04", true, TestName = "IsWorkingDay_20260104_NewYearMovedSunday")]
    public void IsWorkingDay(string day, bool expected)
    {
        Calendar.IsWorkingDay(DateOnly.Parse(day)).Should().Be(expected);
    }

    [Test]
    public void AddWorkingDays_AcrossSpringFestival2023_LandsOnMovedWorkingSaturday()
    {
        // Fri 20 Jan 2023, then 21–27 Jan off: the next working day is Sat 28 Jan.
        Calendar.AddWorkingDays(new DateOnly(2023, 1, 20), 1).Should().Be(new DateOnly(2023, 1, 28));
    }

    [Test]
    public void AddWorkingDays_AcrossNewYear_CrossesYearFiles()
    {
        // Fri 29 Dec 2023 → Mon 1 Jan 2024 is New Year's Day → Tue 2 Jan 2024.
        Calendar.AddWorkingDays(new DateOnly(2023, 12, 29), 1).Should().Be(new DateOnly(2024, 1, 2));
        // Wed 31 Dec 2025 → 1–3 Jan 2026 off → Sun 4 Jan 2026 is a moved working day.
        Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1).Should().Be(new DateOnly(2026, 1, 4));
    }

    [Test]
    public void AddWorkingDays_IntoAYearWithoutAFile_IsAClearError()
    {
        var act = () => Calendar.AddWorkingDays(new DateOnly(2026, 12, 30), 5);

        act.Should().Throw<CalendarYearMissingException>().WithMessage("*2027 年*2027.json*");
    }

    [Test]
    public void LoadFile_WhenFileNameDoesNotMatchYear_FailsNamingTheFile()
    {
        var path = WriteTemp("2031.json", """{ "year": 2030, "source": "x", "holidays": [] }""");

        var act = () => CalendarFileLoader.LoadFile(path);

        act.Should().Throw<DomainException>().WithMessage("*2031.json*2030*");
    }

    [Test]
    public void LoadFile_WhenDateIsMalformed_FailsNamingTheFileAndHoliday()
    {
        var path = WriteTemp("2030.json", """{ "year": 2030, "source": "x", "holidays": [ { "name": "国庆节", "from": "2030-10-01", "to": "2030/10/07" } ] }""");

        var act = () => CalendarFileLoader.LoadFile(path);

        act.Should().Throw<DomainException>().WithMessage("*2030.json*国庆节*2030/10/07*");
    }

    [Test]
    public void LoadFile_WhenJsonIsBroken_FailsNamingTheFile()
    {
        var path = WriteTemp("2030.json", "{ not json");

        var act = () => CalendarFileLoader.LoadFile(path);

        act.Should().Throw<DomainException>().WithMessage("*2030.json*");
    }

    private static string WriteTemp(string name, string content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "titlereview-cal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
