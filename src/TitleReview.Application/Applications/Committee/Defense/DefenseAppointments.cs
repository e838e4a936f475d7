using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Applications.Committee.Defense;

/// <summary>A candidate's published defense: when and where.</summary>
public sealed record DefenseAppointment(Guid ApplicationId, DateTimeOffset At, string Place)
{
    public string Text => $"{DefenseText.When(At)}，{Place}";
}

/// <summary>The published defense times and places, for the pages that show a candidate's own (the applicant's home, the auditor's list).</summary>
public interface IDefenseAppointments
{
    /// <summary>The published appointments among the applications; an application without one is left out.</summary>
    Task<IReadOnlyDictionary<Guid, DefenseAppointment>> PublishedAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default);
}

internal sealed class DefenseAppointments(IApplicationDbContext db) : IDefenseAppointments
{
    public async Task<IReadOnlyDictionary<Guid, DefenseAppointment>> PublishedAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default)
    {
        if (applicationIds.Count == 0)
        {
            return new Dictionary<Guid, DefenseAppointment>();
        }

        var schedules = await db.DefenseSchedules.AsNoTracking()
            .Where(s => s.PublishedAt != null && s.Slots.Any(x => applicationIds.Contains(x.ApplicationId)))
            .ToListAsync(cancellationToken);
        return schedules
            .SelectMany(s => s.Slots.Where(x => applicationIds.Contains(x.ApplicationId)).Select(x => new DefenseAppointment(x.ApplicationId, x.At, s.Session(x.SessionId)!.Place)))
            .ToDictionary(a => a.ApplicationId);
    }
}
