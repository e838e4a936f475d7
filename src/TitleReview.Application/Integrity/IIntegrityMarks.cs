namespace TitleReview.Application.Integrity;

/// <summary>A badge a list or a dossier shows beside a person or a unit: a ban in force, a unit on the negative list.</summary>
/// <param name="Kind"><see cref="IntegrityBadge.Ban"/> or <see cref="IntegrityBadge.NegativeList"/>.</param>
/// <param name="Text">The badge's words, e.g. 诚信限制申报至 2027年12月19日.</param>
/// <param name="Detail">What lies behind it (the finding, the reason), shown on hover.</param>
public sealed record IntegrityBadge(string Kind, string Text, string Detail)
{
    public const string Ban = "ban";
    public const string NegativeList = "negative-list";
}

/// <summary>The badges of each application of a list; none for an application without any.</summary>
public sealed class IntegrityMarkSet(IReadOnlyDictionary<Guid, IReadOnlyList<IntegrityBadge>> byApplication)
{
    public static readonly IntegrityMarkSet Empty = new(new Dictionary<Guid, IReadOnlyList<IntegrityBadge>>());

    public IReadOnlyList<IntegrityBadge> Of(Guid applicationId) => byApplication.GetValueOrDefault(applicationId) ?? [];
}

/// <summary>
/// "The office sees bans wherever it sees the person": marks the applicants of a list whose ID
/// number carries a ban in force today, and those whose unit is on the negative list today, in
/// one SQL command for the whole list.
/// </summary>
public interface IIntegrityMarks
{
    Task<IntegrityMarkSet> ForApplicationsAsync(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken = default);
}
