using System.Security.Cryptography;

namespace TitleReview.Domain.Applications.Documents;

/// <summary>
/// A generated paper: its number and a short code printed on it, so that anyone holding the
/// paper can check it against the system. A newer approval supersedes it.
/// </summary>
public sealed class GeneratedDocument
{
    /// <summary>No 0/O, 1/I/L: the code is read off paper and typed by hand.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int CodeLength = 8;

    private GeneratedDocument()
    {
        Number = string.Empty;
        VerificationCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string Number { get; private set; }

    public string VerificationCode { get; private set; }

    /// <summary>The approval snapshot the paper was generated from.</summary>
    public Guid SnapshotId { get; private set; }

    public DateTimeOffset GeneratedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    public static GeneratedDocument Issue(Guid applicationId, DocumentKind kind, string number, Guid snapshotId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        Kind = kind,
        Number = number,
        VerificationCode = NewCode(),
        SnapshotId = snapshotId,
        GeneratedAt = now,
    };

    public void Supersede(DateTimeOffset now) => SupersededAt ??= now;

    public static string NewCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });

    public static string NormalizeCode(string? code) =>
        new((code ?? string.Empty).Trim().ToUpperInvariant().Where(c => c != '-' && c != ' ').ToArray());
}

/// <summary>The dossier as it stood when the unit approved it; documents are printed from this.</summary>
public sealed class DossierSnapshot
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    /// <summary>The serialized dossier (JSON).</summary>
    public string Content { get; set; } = string.Empty;
}
