using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Tests.Calendars;

/// <summary>The calendar's rules on a small invented year; the real files are tested in Application.Tests.</summary>
public class WorkingDayCalendarTests
{
    // An invented 2030: a three-day holiday Wed 2 Oct – Fri 4 Oct 2030, made up on Sat 5 Oct.
    private static readonly WorkingDayCalendar Calendar = new(
    [
        CalendarYear.Create(
            2030,
            "test data",
            [new DateOnly(2030, 10, 2), new DateOnly(2030, 10, 3), new DateOnly(2030, 10, 4)],
            [new DateOnly(2030, 10, 5)]),
    ]);

    [TestCase("2030-10-01", true, TestName = "IsWorkingDay_WhenOrdinaryTuesday_True")]
    [TestCase("2030-10-02", false, TestName = "IsWorkingDay_WhenHolidayOnWeekday_False")]
    [TestCase("2030-10-05", true, TestName = "IsWorkingDay_WhenMovedWorkingSaturday_True")]
    [TestCase("2030-10-06", false, TestName = "IsWorkingDay_WhenOrdinarySunday_False")]
    public void IsWorkingDay(string day, bool expected)
    {
        Calendar.IsWorkingDay(DateOnly.Parse(day)).Should().Be(expected);
    }

    [Test]
    public void AddWorkingDays_AcrossHoliday_SkipsDaysOffAndCountsMovedWorkingDay()
    {
        // Tue 1 Oct + 1 → Sat 5 Oct (moved working day); + 2 → Mon 7 Oct.
        Calendar.AddWorkingDays(new DateOnly(2030, 10, 1), 1).Should().Be(new DateOnly(2030, 10, 5));
        Calendar.AddWorkingDays(new DateOnly(2030, 10, 1), 2).Should().Be(new DateOnly(2030, 10, 7));
    }

    [Test]
    public void AddWorkingDays_WhenZero_ReturnsStart()
    {
        Calendar.AddWorkingDays(new DateOnly(2030, 10, 2), 0).Should().Be(new DateOnly(2030, 10, 2));
    }

    [Test]
    public void SubtractWorkingDays_AcrossHoliday_SkipsDaysOffAndCountsMovedWorkingDay()
    {
        // Back from Tue 8 Oct 2030: Mon 7 (1), Sat 5 (2, moved working day), Tue 1 (3).
        Calendar.SubtractWorkingDays(new DateOnly(2030, 10, 8), 2).Should().Be(new DateOnly(2030, 10, 5));
        Calendar.SubtractWorkingDays(new DateOnly(2030, 10, 8), 3).Should().Be(new DateOnly(2030, 10, 1));
    }

    [Test]
    public void EndOfPeriod_WhenStartIsWorkingDay_CountsStartDay()
    {
        // Mon 7 Oct 2030: five working days are Mon–Fri, ending Fri 11 Oct.
        Calendar.EndOfPeriod(new DateOnly(2030, 10, 7), 5).Should().Be(new DateOnly(2030, 10, 11));
    }

    [Test]
    public void EndOfPeriod_WhenStartIsDayOff_StartsCountingAtNextWorkingDay()
    {
        // Wed 2 Oct is a holiday: the period runs Sat 5, Mon 7, Tue 8 → ends Tue 8 Oct.
        Calendar.EndOfPeriod(new DateOnly(2030, 10, 2), 3).Should().Be(new DateOnly(2030, 10, 8));
    }

    [Test]
    public void IsWorkingDay_WhenYearHasNoData_ThrowsNamingTheYear()
    {
        var act = () => Calendar.IsWorkingDay(new DateOnly(2031, 1, 6));

        act.Should().Throw<CalendarYearMissingException>()
            .Where(e => e.Year == 2031 && e.Message.Contains("2031 年") && e.Message.Contains("2031.json"));
    }

    [Test]
    public void AddWorkingDays_WhenCountRunsIntoYearWithoutData_Throws()
    {
        var act = () => Calendar.AddWorkingDays(new DateOnly(2030, 12, 30), 3);

        act.Should().Throw<CalendarYearMissingException>().Where(e => e.Year == 2031);
    }

    [Test]
    public void Create_WhenMovedWorkingDayIsWeekday_Refused()
    {
        var act = () => CalendarYear.Create(2030, "x", [], [new DateOnly(2030, 10, 8)]);

        act.Should().Throw<DomainException>().WithMessage("*调休上班日必须是周末*2030-10-08*");
    }

    [Test]
    public void Create_WhenDateBelongsToAnotherYear_Refused()
    {
        var act = () => CalendarYear.Create(2030, "x", [new DateOnly(2029, 12, 31)], []);

        act.Should().Throw<DomainException>().WithMessage("*不属于该年*2029-12-31*");
    }

    [Test]
    public void Create_WhenDayIsBothOffAndWorking_Refused()
    {
        var saturday = new DateOnly(2030, 10, 5);
        var act = () => CalendarYear.Create(2030, "x", [saturday], [saturday]);

        act.Should().Throw<DomainException>().WithMessage("*既是休息日又是调休上班日*");
    }
}
