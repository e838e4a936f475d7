using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Documents;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Notifications;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Reminders;

/// <summary>One reminder due to one person now: the window, its close, the lead and the text.</summary>
public sealed record DueReminder(
    string AccountId,
    MessageRecipient Recipient,
    Guid CampaignId,
    int Year,
    string StageKey,
    string StageName,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ReminderLead Lead,
    ReminderAudience Audience,
    string Title,
    string Body,
    string Link)
{
    public (string AccountId, Guid CampaignId, string StageKey, ReminderLead Lead) Key => (AccountId, CampaignId, StageKey, Lead);
}

/// <summary>
/// Works out who is to be reminded at an instant: for each campaign, each topic whose window has a
/// reminder due (<see cref="ReminderSchedule.DueAt"/>), the people its cases name, read by what
/// their states mean. A few commands per due topic, whatever the number of cases.
/// </summary>
internal sealed class ReminderPlanner(IApplicationDbContext db, IWorkflowDefinitions definitions, IPersonDirectory people)
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Stages)
            .Where(c => c.Stages.Any(s => s.OpensAt <= now && s.ClosesAt > now))
            .ToListAsync(cancellationToken);
        var due = new List<DueReminder>();
        foreach (var campaign in campaigns.OrderBy(c => c.Year))
        {
            foreach (var topic in ReminderTopics.All)
            {
                var stage = campaign.Stages.FirstOrDefault(s => s.Key == topic.StageKey);
                if (stage is null || ReminderSchedule.DueAt(stage.OpensAt, stage.ClosesAt, now) is not { } lead)
                {
                    continue;
                }

                due.AddRange(await ForTopicAsync(campaign, stage, topic, lead, cancellationToken));
            }
        }

        // One reminder per person and window, whichever topic named them first.
        return due.DistinctBy(d => d.Key).ToList();
    }

    private async Task<IEnumerable<DueReminder>> ForTopicAsync(Campaign campaign, CampaignStage stage, ReminderTopic topic, ReminderLead lead, CancellationToken cancellationToken)
    {
        var states = topic.States(definitions);
        var cases = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == topic.SubjectType && i.CampaignId == campaign.Id && states.Contains(i.State));
        if (topic.Audience == ReminderAudience.Applicant)
        {
            var owners = await cases.Where(i => i.OwnerUserId != null).Select(i => i.OwnerUserId!).Distinct().ToListAsync(cancellationToken);
            if (owners.Count == 0)
            {
                return [];
            }

            var recipients = await people.RecipientsAsync(owners, cancellationToken);
            return recipients.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => Reminder(campaign, stage, topic, lead, r.Key, r.Value, count: 1));
        }

        var units = await cases.Where(i => i.UnitId != null)
            .GroupBy(i => i.UnitId!.Value)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return [];
        }

        var auditors = await people.AuditorAccountsAsync(units.Select(u => u.UnitId).ToList(), cancellationToken);
        return units.SelectMany(u => auditors[u.UnitId].Select(a => Reminder(campaign, stage, topic, lead, a.AccountId, a.Recipient, u.Count)));
    }

    private static DueReminder Reminder(Campaign campaign, CampaignStage stage, ReminderTopic topic, ReminderLead lead, string accountId, MessageRecipient recipient, int count)
    {
        var left = lead == ReminderLead.ThreeDays ? "不足3天" : "不足1天";
        var title = $"截止提醒：{stage.Name}（{left}）";
        var body = $"{campaign.Year}年度“{stage.Name}”将于 {BeijingTime.Format(stage.LastSecond)}（北京时间）截止，距截止{left}。"
            + string.Format(CultureInfo.InvariantCulture, topic.Matter, count);
        return new DueReminder(accountId, recipient, campaign.Id, campaign.Year, stage.Key, stage.Name, stage.OpensAt, stage.ClosesAt, lead, topic.Audience, title, body, topic.Link);
    }
}
