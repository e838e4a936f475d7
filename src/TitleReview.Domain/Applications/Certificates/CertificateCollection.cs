using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Certificates;

/// <summary>
/// 领取: a unit collects its certificates and the returned paper materials at the office (notice
/// 三, 5). The office records who collected, for which unit, when, whether the returned materials
/// were received, and a note; the certificates collected point here.
/// </summary>
public sealed class CertificateCollection : Entity
{
    public const int MaxCollectorLength = 50;
    public const int MaxNoteLength = 500;

    private CertificateCollection()
    {
        UnitName = string.Empty;
        CollectorName = string.Empty;
        RecordedBy = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>Who came to collect (领取人).</summary>
    public string CollectorName { get; private set; }

    public DateOnly CollectedOn { get; private set; }

    /// <summary>Whether the unit received its returned paper materials with the certificates.</summary>
    public bool MaterialsReturned { get; private set; }

    public string? Note { get; private set; }

    public int Certificates { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    public static CertificateCollection Record(
        Guid campaignId, Guid unitId, string unitName, string collectorName, DateOnly collectedOn, bool materialsReturned, string? note, IReadOnlyList<Certificate> certificates, DateTimeOffset now, string by, string byName)
    {
        var ready = certificates.Where(c => c.IsValid && c.UnitId == unitId && c.CollectionId is null).ToList();
        CheckRule(new CollectionHasCertificatesRule(ready.Count));

        var collection = new CertificateCollection
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            UnitId = unitId,
            UnitName = unitName.Trim(),
            CollectorName = collectorName.Trim(),
            CollectedOn = collectedOn,
            MaterialsReturned = materialsReturned,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Certificates = ready.Count,
            RecordedAt = now,
            RecordedBy = by,
            RecordedByName = byName,
        };
        foreach (var certificate in ready)
        {
            certificate.Collect(collection.Id);
        }

        return collection;
    }
}
