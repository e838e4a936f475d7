using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>When a timer falls due, in Beijing time, on the 2023 holiday calendar.</summary>
public class TimerScheduleTests
{
    // workflows/calendars/2023.json (国办发明电〔2022〕16号): the days off and the moved working days.
    private static readonly WorkingDayCalendar Calendar2023 = new(
    [
        CalendarYear.Create(
            2023,
            "国办发明电〔2022〕16号",
            [
                .. Days("2023-01-01", "2023-01-02"),
                .. Days("2023-01-21", "2023-01-27"),
                .. Days("2023-04-05", "2023-04-05"),
                .. Days("2023-04-29", "2023-05-03"),
                .. Days("2023-06-22", "2023-06-24"),
                .. Days("2023-09-29", "2023-10-06"),
            ],
            [Day("2023-01-28"), Day("2023-01-29"), Day("2023-04-23"), Day("2023-05-06"), Day("2023-06-25"), Day("2023-10-07"), Day("2023-10-08")]),
    ]);

    [Test]
    public void WorkingDaysAfter_AFridayStart_CountsTheFridayAndSkipsTheWeekend()
    {
        // Fri 2 Jun (1), Mon 5 (2), Tue 6 (3), Wed 7 (4), Thu 8 Jun (5): due at 24:00 on Thursday.
        var due = DueAt("5wd after mark:startedAt", Beijing(2023, 6, 2, 10, 0));

        due.Should().Be(Beijing(2023, 6, 9, 0, 0));
    }

    [Test]
    public void WorkingDaysAfter_StartsOnTheAnchorsBeijingDay()
    {
        // 16:30 UTC on Thursday 1 June is 00:30 on Friday 2 June in Beijing.
        var due = DueAt("5wd after mark:startedAt", new DateTimeOffset(2023, 6, 1, 16, 30, 0, TimeSpan.Zero));

        due.Should().Be(Beijing(2023, 6, 9, 0, 0));
    }

    [Test]
    public void WorkingDaysAfter_OverNationalDay_CountsTheMadeUpWeekend()
    {
        // Thu 28 Sep (1); 29 Sep – 6 Oct off; Sat 7 Oct (2) and Sun 8 Oct (3) are working days;
        // Mon 9 (4), Tue 10 Oct (5).
        var due = DueAt("5wd after mark:startedAt", Beijing(2023, 9, 28, 15, 0));

        due.Should().Be(Beijing(2023, 10, 11, 0, 0));
    }

    [Test]
    public void WorkingDaysAfter_AFridayThatIsAHoliday_StartsCountingAtTheNextWorkingDay()
    {
        // Fri 29 Sep is the Mid-Autumn Festival: Sat 7 (1), Sun 8 (2), Mon 9 (3), Tue 10 (4), Wed 11 Oct (5).
        var due = DueAt("5wd after mark:startedAt", Beijing(2023, 9, 29, 10, 0));

        due.Should().Be(Beijing(2023, 10, 12, 0, 0));
    }

    [Test]
    public void WorkingDaysBefore_IsTheStartOfTheNthWorkingDayBefore()
    {
        // Back from Mon 9 Oct: Sun 8 (1, made up), Sat 7 (2, made up), then over the holiday to Thu 28 Sep (3).
        var due = DueAt("3wd before mark:startedAt", Beijing(2023, 10, 9, 9, 0));

        due.Should().Be(Beijing(2023, 9, 28, 0, 0));
    }

    [Test]
    public void DaysBefore_IsTheAnchorMinusCalendarDays_ToTheSecond()
    {
        var due = DueAt("7d before mark:startedAt", Beijing(2023, 12, 6, 14, 30));

        due.Should().Be(Beijing(2023, 11, 29, 14, 30));
    }

    [Test]
    public void DaysAfter_IsTheAnchorPlusCalendarDays_EvenOverAHoliday()
    {
        var due = DueAt("3d after mark:startedAt", Beijing(2023, 9, 28, 14, 30));

        due.Should().Be(Beijing(2023, 10, 1, 14, 30));
    }

    [Test]
    public void MarkNotYetSet_IsNotDue()
    {
        var due = TimerSchedule.DueAt(TimerExpression.Parse("7d before mark:defenseAt"), null, NewInstance(), new Dictionary<string, DateTimeOffset>(), Calendar2023);

        due.Should().BeNull();
    }

    [Test]
    public void WorkingDaysAfter_AStageOpening_CountsFromTheTimeline()
    {
        // The unit publicity opens on Tue 1 Aug: Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 Aug.
        var due = TimerSchedule.DueAt(TimerExpression.Parse("5wd after open:unitPublicity"), Campaign2023(), NewInstance(), NoMarks, Calendar2023);

        due.Should().Be(Beijing(2023, 8, 8, 0, 0));
    }

    [Test]
    public void Close_WithAnOfficeException_IsPushedOut_AndSoIsWhatCountsFromIt()
    {
        var campaign = Campaign2023();
        var instance = NewInstance();
        Due("close:filing").Should().Be(Beijing(2023, 9, 1, 0, 0));
        Due("3wd after close:filing").Should().Be(Beijing(2023, 9, 6, 0, 0), "Fri 1, Mon 4, Tue 5 Sep");

        instance.ReopenUntil(Beijing(2023, 9, 5, 12, 0), Beijing(2023, 9, 2, 9, 0));

        Due("close:filing").Should().Be(Beijing(2023, 9, 5, 12, 0));
        Due("3wd after close:filing").Should().Be(Beijing(2023, 9, 8, 0, 0), "Tue 5, Wed 6, Thu 7 Sep");
        Due("open:filing").Should().Be(Beijing(2023, 8, 1, 0, 0), "an exception moves closings only");

        DateTimeOffset? Due(string at) => TimerSchedule.DueAt(TimerExpression.Parse(at), campaign, instance, NoMarks, Calendar2023);
    }

    [Test]
    public void Close_WithAnOfficeExceptionEndingBeforeTheClose_StaysAtTheClose()
    {
        var campaign = Campaign2023();
        var instance = NewInstance();
        instance.ReopenUntil(Beijing(2023, 8, 20, 12, 0), Beijing(2023, 8, 10, 9, 0));

        var due = TimerSchedule.DueAt(TimerExpression.Parse("close:filing"), campaign, instance, NoMarks, Calendar2023);

        due.Should().Be(Beijing(2023, 9, 1, 0, 0), "an exception only ever moves a closing out");
    }

    [Test]
    public void MarkAlreadySet_IsDueFromItAndAnotherMarkDoesNotCount()
    {
        var marks = new Dictionary<string, DateTimeOffset> { ["startedAt"] = Beijing(2023, 12, 6, 14, 30) };

        TimerSchedule.DueAt(TimerExpression.Parse("mark:startedAt"), null, NewInstance(), marks, Calendar2023).Should().Be(Beijing(2023, 12, 6, 14, 30));
        TimerSchedule.DueAt(TimerExpression.Parse("mark:defenseAt"), null, NewInstance(), marks, Calendar2023).Should().BeNull();
    }

    [Test]
    public void StageAnchor_WithoutACampaign_IsAnError()
    {
        var act = () => TimerSchedule.DueAt(TimerExpression.Parse("close:filing"), null, NewInstance(), NoMarks, Calendar2023);

        act.Should().Throw<InvalidOperationException>().WithMessage("*close:filing*no campaign*");
    }

    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoMarks = new Dictionary<string, DateTimeOffset>();

    private static DateTimeOffset? DueAt(string at, DateTimeOffset startedAt) =>
        TimerSchedule.DueAt(TimerExpression.Parse(at), null, NewInstance(), new Dictionary<string, DateTimeOffset> { ["startedAt"] = startedAt }, Calendar2023);

    private static WorkflowInstance NewInstance() =>
        WorkflowInstance.Start(Guid.NewGuid(), "test", 1, "Waiting", new WorkflowSubject(WorkflowSubjectTypes.CommitteeSession, Guid.NewGuid(), "测试"), Beijing(2023, 7, 1, 9, 0));

    /// <summary>The stages and windows of workflows/timelines/2023.json.</summary>
    private static Campaign Campaign2023()
    {
        (string Key, string Name, string Opens, string Closes)[] windows =
        [
            ("auditorRegistration", "报送审核人信息", "2023-07-17", "2023-07-21"),
            ("auditorConfirmation", "核准审核人信息", "2023-07-24", "2023-07-28"),
            ("filing", "申报人填报与单位审核", "2023-08-01", "2023-08-31"),
            ("unitPublicity", "单位公示及报送电子材料", "2023-08-01", "2023-09-08"),
            ("paperDelivery", "报送纸质申报材料", "2023-09-04", "2023-09-08"),
            ("payment", "缴纳评审费", "2023-09-11", "2023-09-15"),
            ("preliminaryReview", "初审及公示", "2023-09-20", "2023-10-27"),
            ("spotCheck", "抽查复核", "2023-10-23", "2023-10-31"),
            ("committeeReferral", "公示送评人员名单", "2023-11-01", "2023-11-10"),
            ("defense", "答辩及评审", "2023-12-04", "2023-12-08"),
            ("results", "公布评审结果", "2023-12-11", "2023-12-22"),
            ("certificates", "证件办理", "2023-12-25", "2024-01-31"),
        ];
        var catalogue = new StageCatalogue(windows.Select(w => new StageDefinition(w.Key, w.Name)));
        var stages = windows
            .Select(w => new StageWindow(w.Key, w.Name, BeijingTime.StartOfDay(Day(w.Opens)), BeijingTime.StartOfDay(Day(w.Closes).AddDays(1))))
            .ToList();
        return Campaign.Create(Guid.NewGuid(), 2023, "2023年度评审", new DateOnly(2023, 12, 31), stages, catalogue, Beijing(2023, 7, 1, 9, 0));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Days(string from, string to)
    {
        for (var day = Day(from); day <= Day(to); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
