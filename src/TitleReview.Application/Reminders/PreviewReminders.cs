using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Domain.Notifications;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Reminders;

/// <summary>The office (or the inspector) sees who would be reminded if the reminders were sent now.</summary>
public sealed record PreviewReminders(WorkflowActor Actor);

/// <param name="Contact">Where the messages go, masked (手机 139****0202); empty when only the centre reaches the person.</param>
public sealed record ReminderPreviewRow(
    int Year,
    string StageName,
    DateTimeOffset ClosesAt,
    string LeadName,
    string AudienceName,
    string RecipientName,
    string Contact,
    string Title,
    bool AlreadySent);

public sealed record ReminderPreview(DateTimeOffset At, IReadOnlyList<ReminderPreviewRow> Rows)
{
    public int ToSend => Rows.Count(r => !r.AlreadySent);
}

internal sealed class PreviewRemindersHandler(ReminderPlanner planner, IApplicationDbContext db, TimeProvider clock) : IHandler<PreviewReminders, ReminderPreview>
{
    public async Task<ReminderPreview> HandleAsync(PreviewReminders request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var due = await planner.DueAsync(now, cancellationToken);
        var sent = await SendRemindersHandler.AlreadySentAsync(db, due, cancellationToken);
        var rows = due
            .OrderBy(d => d.ClosesAt).ThenBy(d => d.StageKey, StringComparer.Ordinal).ThenBy(d => d.Audience).ThenBy(d => d.Recipient.Name, StringComparer.Ordinal)
            .Select(d => new ReminderPreviewRow(
                d.Year,
                d.StageName,
                d.ClosesAt,
                ReminderSchedule.Describe(d.Lead),
                d.Audience == ReminderAudience.Applicant ? "申报人" : "单位审核人",
                d.Recipient.Name ?? string.Empty,
                Contact(d),
                d.Title,
                sent.Contains(d.Key)))
            .ToList();
        return new ReminderPreview(now, rows);
    }

    private static string Contact(DueReminder reminder)
    {
        var where = new List<string>();
        if (MobileNumber.Validate(reminder.Recipient.Mobile) is { IsValid: true } mobile)
        {
            where.Add($"手机 {MobileNumber.Mask(mobile.Normalized)}");
        }

        if (EmailAddress.Validate(reminder.Recipient.Email) is { IsValid: true } email)
        {
            where.Add($"邮箱 {EmailAddress.Mask(email.Normalized)}");
        }

        return string.Join("，", where);
    }
}
