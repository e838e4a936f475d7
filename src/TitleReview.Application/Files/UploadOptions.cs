using TitleReview.Domain.Files;

namespace TitleReview.Application.Files;

/// <summary>Size limits for uploads, bound from the <c>Uploads</c> configuration section.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    public const long DefaultMaxFileBytes = 10 * FileSize.Megabyte;

    public const long DefaultMaxDossierBytes = 100 * FileSize.Megabyte;

    /// <summary>The most one file may hold.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The most all files of one dossier (an application's materials) may hold together.</summary>
    public long MaxDossierBytes { get; set; } = DefaultMaxDossierBytes;

    /// <summary>Both limits positive and one file allowed to be as large as the per-file limit.</summary>
    public bool IsValid => MaxFileBytes > 0 && MaxDossierBytes >= MaxFileBytes;

    /// <summary>
    /// The <c>maxBytes</c> to pass to <see cref="IFileStore.SaveAsync"/> for the next file of a
    /// dossier that already holds <paramref name="dossierBytesUsed"/>: the per-file limit, or
    /// what is left of the dossier's when that is less. Zero when the dossier is full; the
    /// caller then refuses with <see cref="UploadRejectedException.DossierFull"/> before reading.
    /// </summary>
    public long LimitForNextFile(long dossierBytesUsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dossierBytesUsed);
        return Math.Max(0, Math.Min(MaxFileBytes, MaxDossierBytes - dossierBytesUsed));
    }
}
