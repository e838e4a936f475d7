using TitleReview.Domain.Common;

namespace TitleReview.Domain.Notifications;

/// <summary>
/// That one deadline reminder went to one person: at most one per account, campaign, window and
/// lead (a unique key), written first in the same transaction as the notification and the
/// messages, so a second run of the job — or two instances running it at once — sends nothing new.
/// </summary>
public sealed class ReminderSent : Entity
{
    public const int MaxStageKeyLength = 64;

    private ReminderSent()
    {
        AccountId = string.Empty;
        StageKey = string.Empty;
    }

    public long Id { get; private set; }

    public string AccountId { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The window (the campaign stage) whose close the reminder announced.</summary>
    public string StageKey { get; private set; }

    public ReminderLead Lead { get; private set; }

    /// <summary>The close the reminder announced (the window may be moved later).</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>The notification the reminder left in the person's centre.</summary>
    public Guid NotificationId { get; private set; }

    /// <summary>Records the reminder; refused unless that lead is due at <paramref name="now"/> (<see cref="ReminderIsDueRule"/>).</summary>
    public static ReminderSent Record(string accountId, Guid campaignId, string stageKey, ReminderLead lead, DateTimeOffset opensAt, DateTimeOffset closesAt, Guid notificationId, DateTimeOffset now)
    {
        CheckRule(new NotificationHasARecipientRule(accountId));
        CheckRule(new ReminderIsDueRule(lead, opensAt, closesAt, now));
        return new ReminderSent
        {
            AccountId = accountId,
            CampaignId = campaignId,
            StageKey = stageKey,
            Lead = lead,
            ClosesAt = closesAt,
            SentAt = now,
            NotificationId = notificationId,
        };
    }
}

/// <summary>A reminder goes out only in its own slot before the close (<see cref="ReminderSchedule.DueAt"/>).</summary>
public sealed class ReminderIsDueRule(ReminderLead lead, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => ReminderSchedule.DueAt(opensAt, closesAt, now) != lead;

    public string Message => $"现在不是发送“{ReminderSchedule.Describe(lead)}”的时间。";
}
