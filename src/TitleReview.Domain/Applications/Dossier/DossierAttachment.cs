namespace TitleReview.Domain.Applications.Dossier;

/// <summary>A scan in a dossier: which slot it fills, and the stored file it points to.</summary>
public sealed class DossierAttachment
{
    private DossierAttachment()
    {
        SlotKey = string.Empty;
        OriginalName = string.Empty;
        SafeName = string.Empty;
        StorageKey = string.Empty;
        Sha256 = string.Empty;
        ContentType = string.Empty;
        UploadedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>A fixed slot (<see cref="AttachmentSlots"/>) or an entry's key.</summary>
    public string SlotKey { get; private set; }

    public string OriginalName { get; private set; }

    public string SafeName { get; private set; }

    public string StorageKey { get; private set; }

    public string Sha256 { get; private set; }

    public long Length { get; private set; }

    public string ContentType { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }

    public static DossierAttachment Create(Guid applicationId, string slotKey, string originalName, string safeName, string storageKey, string sha256, long length, string contentType, string uploadedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        SlotKey = slotKey,
        OriginalName = originalName,
        SafeName = safeName,
        StorageKey = storageKey,
        Sha256 = sha256,
        Length = length,
        ContentType = contentType,
        UploadedBy = uploadedBy,
        UploadedAt = now,
    };
}

/// <summary>The fixed scans the notice asks for, outside the per-entry ones.</summary>
public static class AttachmentSlots
{
    public const string Appointment = "personal.appointment";
    public const string Employment = "personal.employment";
    public const string Qualification = "personal.qualification";
    public const string EducationCertificate = "education.certificate";

    public static readonly IReadOnlyList<string> Fixed = [Appointment, Employment, Qualification, EducationCertificate];

    public static string Describe(string slot) => slot switch
    {
        Appointment => "现任思想政治工作岗位职务的任职文件",
        Employment => "现任专业职务的聘书",
        Qualification => "专业技术职务任职资格证书或任职文件",
        EducationCertificate => "贵州省专业技术人员继续教育登记证",
        _ => "附件",
    };

    public static DossierSection SectionOf(string slot) =>
        slot == EducationCertificate ? DossierSection.ContinuingEducation : DossierSection.PersonalInfo;

    /// <summary>
    /// The mandatory item (<see cref="DossierCheck.MandatoryItems"/>) a scan in this slot belongs
    /// to: the fixed personal scans to “personal”, the education certificate to “education”, an
    /// entry's scan to that entry.
    /// </summary>
    public static string ItemKeyOf(string slot) => Fixed.Contains(slot)
        ? SectionOf(slot) == DossierSection.ContinuingEducation ? DossierItemKeys.Education : DossierItemKeys.Personal
        : slot;
}

/// <summary>The mandatory items that are not entries: a whole section with its fixed scans, or the stated education.</summary>
public static class DossierItemKeys
{
    /// <summary>个人基本信息 with the appointment, employment and qualification scans.</summary>
    public const string Personal = "personal";

    /// <summary>继续教育学时, every year of it, with the education certificate.</summary>
    public const string Education = "education";

    /// <summary>学历已核实: the unit checked the stated education against the originals (nothing is uploaded).</summary>
    public const string Degree = "degree";
}

/// <summary>The auditor's tick against one mandatory item.</summary>
public sealed class DossierVerification
{
    private DossierVerification()
    {
        ItemKey = string.Empty;
        VerifiedBy = string.Empty;
    }

    public long Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string ItemKey { get; private set; }

    public string VerifiedBy { get; private set; }

    public DateTimeOffset VerifiedAt { get; private set; }

    internal static DossierVerification Record(Guid applicationId, string itemKey, string verifiedBy, DateTimeOffset now) =>
        new() { ApplicationId = applicationId, ItemKey = itemKey, VerifiedBy = verifiedBy, VerifiedAt = now };
}

/// <summary>The auditor's reason for returning one section, in one round of review.</summary>
public sealed class SectionReturn
{
    public const int MaxReasonLength = 500;

    private SectionReturn()
    {
        Reason = string.Empty;
        ReturnedBy = string.Empty;
    }

    public long Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int Round { get; private set; }

    public DossierSection Section { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset ReturnedAt { get; private set; }

    public string ReturnedBy { get; private set; }

    /// <summary>The reasons actually given: blank ones dropped, the rest trimmed.</summary>
    public static IReadOnlyDictionary<DossierSection, string> ReasonsGiven(IReadOnlyDictionary<DossierSection, string?> reasons) =>
        reasons.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key, r => r.Value!.Trim());

    internal static SectionReturn Record(Guid applicationId, int round, DossierSection section, string reason, string returnedBy, DateTimeOffset now) =>
        new() { ApplicationId = applicationId, Round = round, Section = section, Reason = reason, ReturnedBy = returnedBy, ReturnedAt = now };
}
