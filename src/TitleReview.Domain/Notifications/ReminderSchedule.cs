namespace TitleReview.Domain.Notifications;

/// <summary>How long before a window closes a reminder goes out.</summary>
public enum ReminderLead
{
    /// <summary>截止前3天.</summary>
    ThreeDays = 3,

    /// <summary>截止前1天.</summary>
    OneDay = 1,
}

/// <summary>
/// Which reminder is due at an instant, for a window <c>[opensAt, closesAt)</c>. "Three days
/// before" counts calendar days (72 hours before the close, as the issue reads; a window that
/// closes at 00:00 Beijing time gets its reminder from 00:00 three days earlier), not working days:
/// a deadline falls on its date whatever the calendar, and a weekend is when an applicant files.
/// </summary>
public static class ReminderSchedule
{
    public static readonly TimeSpan ThreeDaysBefore = TimeSpan.FromDays(3);
    public static readonly TimeSpan OneDayBefore = TimeSpan.FromDays(1);

    /// <summary>
    /// The three-day reminder is due from close − 3 days until close − 1 day, the one-day reminder
    /// from close − 1 day until the close; none before the window opens, none from the close on.
    /// A job that missed the three-day slot sends only the one-day reminder in its slot: the
    /// three-day one is never sent late, so nobody gets two reminders within a day.
    /// </summary>
    public static ReminderLead? DueAt(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (now < opensAt || now >= closesAt)
        {
            return null;
        }

        if (now >= closesAt - OneDayBefore)
        {
            return ReminderLead.OneDay;
        }

        return now >= closesAt - ThreeDaysBefore ? ReminderLead.ThreeDays : null;
    }

    public static string Describe(ReminderLead lead) => lead == ReminderLead.ThreeDays ? "截止前3天提醒" : "截止前1天提醒";
}
