using TitleReview.Domain.Notifications;
using TitleReview.Domain.Tests.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Notifications;

/// <summary>
/// Which deadline reminder is due when, for the 2023 filing window (Aug 1 – Aug 31, closed from
/// Sep 1 00:00 Beijing time): three days before from Aug 29 00:00, one day before from Aug 31 00:00.
/// </summary>
public class ReminderScheduleTests
{
    private static readonly DateTimeOffset Opens = Beijing(2023, 8, 1, 0, 0, 0);
    private static readonly DateTimeOffset Closes = Beijing(2023, 9, 1, 0, 0, 0);

    [Test]
    public void DueAt_FromThreeDaysBeforeTheCloseUntilOneDayBefore_IsTheThreeDayReminder()
    {
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 8, 29, 0, 0, 0)).Should().Be(ReminderLead.ThreeDays);
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 8, 30, 23, 59, 59)).Should().Be(ReminderLead.ThreeDays);
    }

    [Test]
    public void DueAt_TheLastDayBeforeTheClose_IsTheOneDayReminder()
    {
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 8, 31, 0, 0, 0)).Should().Be(ReminderLead.OneDay);
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 8, 31, 23, 59, 59)).Should().Be(ReminderLead.OneDay);
    }

    [Test]
    public void DueAt_BeforeTheThreeDaySlot_FromTheCloseOn_OrBeforeTheWindowOpens_IsNone()
    {
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 8, 28, 23, 59, 59)).Should().BeNull();
        ReminderSchedule.DueAt(Opens, Closes, Closes).Should().BeNull();
        ReminderSchedule.DueAt(Opens, Closes, Beijing(2023, 9, 5, 9, 0, 0)).Should().BeNull();

        // A two-day window (paper delivery moved short): nothing is due before it opens.
        var shortOpens = Beijing(2023, 8, 30, 0, 0, 0);
        ReminderSchedule.DueAt(shortOpens, Closes, Beijing(2023, 8, 29, 12, 0, 0)).Should().BeNull();
        ReminderSchedule.DueAt(shortOpens, Closes, Beijing(2023, 8, 30, 12, 0, 0)).Should().Be(ReminderLead.ThreeDays);
    }

    [Test]
    public void DueAt_CountsCalendarDays_SoAWeekendBeforeTheCloseIsNotSkipped()
    {
        // Paper delivery closes at Sep 9 00:00 (after Friday Sep 8): its three-day slot starts on Wednesday Sep 6;
        // a window closing as Sunday Sep 17 begins sends its one-day reminder on Saturday Sep 16.
        ReminderSchedule.DueAt(Beijing(2023, 9, 4, 0, 0, 0), Beijing(2023, 9, 9, 0, 0, 0), Beijing(2023, 9, 6, 0, 0, 0)).Should().Be(ReminderLead.ThreeDays);
        ReminderSchedule.DueAt(Beijing(2023, 9, 11, 0, 0, 0), Beijing(2023, 9, 17, 0, 0, 0), Beijing(2023, 9, 16, 8, 0, 0)).Should().Be(ReminderLead.OneDay);
    }

    [Test]
    public void Record_OutsideItsSlot_BreaksReminderIsDue_AndInItsSlotKeepsTheKey()
    {
        var notification = Guid.NewGuid();
        var campaign = Guid.NewGuid();

        var early = RuleAssert.Breaks<ReminderIsDueRule>(() => ReminderSent.Record("user-1", campaign, "filing", ReminderLead.OneDay, Opens, Closes, notification, Beijing(2023, 8, 29, 9, 0, 0)));
        RuleAssert.Breaks<ReminderIsDueRule>(() => ReminderSent.Record("user-1", campaign, "filing", ReminderLead.ThreeDays, Opens, Closes, notification, Closes));
        var sent = ReminderSent.Record("user-1", campaign, "filing", ReminderLead.ThreeDays, Opens, Closes, notification, Beijing(2023, 8, 29, 9, 0, 0));

        early.Message.Should().Be("现在不是发送“截止前1天提醒”的时间。");
        sent.Should().BeEquivalentTo(new { AccountId = "user-1", CampaignId = campaign, StageKey = "filing", Lead = ReminderLead.ThreeDays, ClosesAt = Closes, NotificationId = notification });
    }

    private static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute, int second) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, second));
}
