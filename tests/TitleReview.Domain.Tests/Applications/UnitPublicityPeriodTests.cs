using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicity;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications;

/// <summary>The unit publicity starts when the auditor starts it and its result waits for its end.</summary>
public class UnitPublicityPeriodTests
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

    [Test]
    public void StartedAt_OnAWorkingDay_CountsThatDayAndEndsOnTheFifthWorkingDay()
    {
        var period = UnitPublicityPeriod.StartedAt(Beijing(2030, 9, 30, 16, 0, 0), Calendar);

        // Mon 30 Sep, Tue 1 Oct, Sat 5 Oct (moved working day), Mon 7 Oct, Tue 8 Oct.
        period.Should().Be(new UnitPublicityPeriod(new DateOnly(2030, 9, 30), new DateOnly(2030, 10, 8)));
        period.EndsAt.Should().Be(Beijing(2030, 10, 9, 0, 0, 0));
    }

    [Test]
    public void StartedAt_LateInTheUtcEvening_StartsOnTheBeijingDay()
    {
        var period = UnitPublicityPeriod.StartedAt(new DateTimeOffset(2030, 9, 29, 16, 30, 0, TimeSpan.Zero), Calendar);

        period.FirstDay.Should().Be(new DateOnly(2030, 9, 30), "00:30 on 30 September in Beijing");
    }

    [Test]
    public void StartedAt_OnAHoliday_CountsFiveWorkingDaysAfterIt()
    {
        var period = UnitPublicityPeriod.StartedAt(Beijing(2030, 10, 3, 9, 0, 0), Calendar);

        period.Should().Be(new UnitPublicityPeriod(new DateOnly(2030, 10, 3), new DateOnly(2030, 10, 10)));
    }

    [Test]
    public void ResultRule_OnTheLastSecondOfTheLastDay_IsBroken()
    {
        var rule = new PublicityResultOnlyAfterThePeriodRule(new DateOnly(2030, 10, 8), Beijing(2030, 10, 8, 23, 59, 59));

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("单位公示期至 2030年10月8日 结束，结束后才能记录公示结果。");
    }

    [Test]
    public void ResultRule_AtMidnightAfterTheLastDay_IsKept()
    {
        new PublicityResultOnlyAfterThePeriodRule(new DateOnly(2030, 10, 8), Beijing(2030, 10, 9, 0, 0, 0)).IsBroken().Should().BeFalse();
    }

    [Test]
    public void ResultRule_WithoutAPublicity_IsBroken()
    {
        var rule = new PublicityResultOnlyAfterThePeriodRule(null, Beijing(2030, 10, 9, 0, 0, 0));

        rule.IsBroken().Should().BeTrue();
        rule.Message.Should().Be("尚未开始单位公示，不能记录公示结果。");
    }

    [Test]
    public void RecordPublicity_SecondsAfterStarting_ThrowsTheBrokenRule()
    {
        var application = TitleApplication.Start(Guid.NewGuid(), Guid.NewGuid(), "u1", "李华", Guid.NewGuid(), TitleLevel.Intermediate, Beijing(2030, 9, 1, 9, 0, 0));
        application.StartPublicity(Beijing(2030, 9, 30, 9, 0, 0), Calendar);

        var act = () => application.RecordPublicity(PublicityOutcome.NoObjection, null, Beijing(2030, 9, 30, 9, 0, 5));

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<PublicityResultOnlyAfterThePeriodRule>();
        application.PublicityOutcome.Should().BeNull();
    }

    [Test]
    public void RecordPublicity_AfterTheEnd_RecordsTheOutcome()
    {
        var application = TitleApplication.Start(Guid.NewGuid(), Guid.NewGuid(), "u1", "李华", Guid.NewGuid(), TitleLevel.Intermediate, Beijing(2030, 9, 1, 9, 0, 0));
        application.StartPublicity(Beijing(2030, 9, 30, 9, 0, 0), Calendar);

        application.RecordPublicity(PublicityOutcome.NoObjection, null, Beijing(2030, 10, 9, 8, 0, 0));

        application.PublicityOutcome.Should().Be(PublicityOutcome.NoObjection);
    }

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute, int second) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, second));
}
