using System.Text.Json;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Units;

namespace TitleReview.Application.Applications.Documents;

/// <summary>What the generated papers print: the dossier and the people and unit around it, at approval.</summary>
public sealed record DossierSnapshotContent(
    string ApplicantName,
    string? IdNumber,
    string? Mobile,
    string UnitName,
    string UnitCreditCode,
    UnitNature UnitNature,
    string Region,
    int Year,
    string CampaignName,
    TitleLevel Level,
    string? CurrentTitle,
    DateOnly? CurrentTitleDate,
    string? CurrentPost,
    EvaluationType EvaluationType,
    bool FromCivilService,
    DateOnly TenureCutoff,
    string? TenureText,
    IReadOnlyList<SnapshotEducation> Education,
    IReadOnlyList<SnapshotWork> Work,
    IReadOnlyList<SnapshotAward> Awards,
    IReadOnlyList<SnapshotMaterial> Materials,
    IReadOnlyList<SnapshotPaper> Papers,
    IReadOnlyList<SnapshotBook> Books,
    DateTimeOffset ApprovedAt,
    string ApprovedBy)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static DossierSnapshotContent FromJson(string json) =>
        JsonSerializer.Deserialize<DossierSnapshotContent>(json, Options) ?? throw new InvalidOperationException("Empty dossier snapshot.");
}

public sealed record SnapshotEducation(int Year, int Hours, int ProfessionalHours);

public sealed record SnapshotWork(DateOnly From, DateOnly? To, string Unit, string Post);

public sealed record SnapshotAward(string Name, string Level, string Issuer, DateOnly Date);

public sealed record SnapshotMaterial(WorkMaterialKind Kind, string Title, DateOnly Date, int WordCount);

public sealed record SnapshotPaper(string Title, string Journal, string Issue, string IssnCn, DateOnly Date, int AuthorRank);

public sealed record SnapshotBook(string Title, string Publisher, string Isbn, DateOnly Date, string Role);

/// <summary>The applicant's contact details (kept by Identity in Infrastructure).</summary>
public interface IPersonDirectory
{
    Task<(string? Mobile, string? IdNumber)> GetContactAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Where each of the people can be reached (name, e-mail, mobile), by user id; people without an account are left out.</summary>
    Task<IReadOnlyDictionary<string, Notifications.MessageRecipient>> RecipientsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>The active auditors of each of the units, with where they can be reached.</summary>
    Task<ILookup<Guid, Notifications.MessageRecipient>> AuditorsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default);

    /// <summary>The active auditors' accounts of each of the units, by unit: account id and where they can be reached.</summary>
    Task<ILookup<Guid, (string AccountId, Notifications.MessageRecipient Recipient)>> AuditorAccountsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default);
}
