using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Domain.Applications;

/// <summary>
/// The dossier (申报材料) of the application: its personal information, its entries with their
/// scans, the auditor's ticks and the sections returned. Each change renews
/// <see cref="ConcurrencyToken"/>, so a page showing an older dossier cannot save over it, and
/// withdraws the tick of the item whose content or scan changed, so the auditor looks again.
/// </summary>
public sealed partial class TitleApplication
{
    private readonly List<DossierItem> _entries = [];
    private readonly List<DossierAttachment> _attachments = [];
    private readonly List<DossierVerification> _verifications = [];
    private readonly List<SectionReturn> _returns = [];

    /// <summary>The entries of sections 2–5.</summary>
    public IReadOnlyCollection<DossierItem> Entries => _entries.AsReadOnly();

    /// <summary>The scans, at most one per slot.</summary>
    public IReadOnlyCollection<DossierAttachment> Attachments => _attachments.AsReadOnly();

    public IReadOnlyCollection<DossierVerification> Verifications => _verifications.AsReadOnly();

    /// <summary>Every section returned, in every round.</summary>
    public IReadOnlyCollection<SectionReturn> Returns => _returns.AsReadOnly();

    /// <summary>The round of the latest return; 0 before the first.</summary>
    public int LatestReturnRound => _returns.Count == 0 ? 0 : _returns.Max(r => r.Round);

    /// <summary>
    /// Section 1 as a whole. The personal tick is withdrawn; the education tick only when the
    /// stated education changed, since the unit verified exactly what was stated.
    /// </summary>
    public void UpdatePersonalInfo(
        string? currentTitle,
        CurrentTitleLevel? currentTitleLevel,
        DateOnly? currentTitleDate,
        string? currentPost,
        EvaluationType evaluationType,
        bool fromCivilService,
        StatedEducation? education)
    {
        if (education != Education)
        {
            WithdrawVerificationOf(DossierItemKeys.Degree);
        }

        CurrentTitle = string.IsNullOrWhiteSpace(currentTitle) ? null : currentTitle.Trim();
        CurrentTitleLevel = currentTitleLevel;
        CurrentTitleDate = currentTitleDate;
        EducationDegree = education?.Degree;
        EducationSchool = education?.School.Trim();
        GraduationYear = education?.GraduationYear;
        CurrentPost = string.IsNullOrWhiteSpace(currentPost) ? null : currentPost.Trim();
        EvaluationType = evaluationType;
        FromCivilService = evaluationType == EvaluationType.FirstEvaluation && fromCivilService;
        WithdrawVerificationOf(DossierItemKeys.Personal);
        Touch();
    }

    public void AddEntry(DossierItem entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureOwn(entry.ApplicationId, nameof(entry));
        if (entry is ContinuingEducationYear year)
        {
            CheckRule(new OneContinuingEducationEntryPerYearRule(_entries, year.Year));
        }

        _entries.Add(entry);
        if (entry.MandatoryItemKey != entry.Key)
        {
            WithdrawVerificationOf(entry.MandatoryItemKey);
        }

        Touch();
    }

    public DossierItem? FindEntry(Guid entryId) => _entries.FirstOrDefault(e => e.Id == entryId);

    /// <summary>Removes the entry with its scan; returns that scan, whose file goes once the change is saved.</summary>
    public DossierAttachment? RemoveEntry(DossierItem entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_entries.Remove(entry))
        {
            throw new ArgumentException("The entry is not in this dossier.", nameof(entry));
        }

        var scan = _attachments.FirstOrDefault(a => a.SlotKey == entry.Key);
        if (scan is not null)
        {
            _attachments.Remove(scan);
        }

        WithdrawVerificationOf(entry.MandatoryItemKey);
        Touch();
        return scan;
    }

    /// <summary>
    /// Puts the scan in its slot; returns the scan it replaced, whose file goes once the change is
    /// saved. The auditor's openings of the replaced scan go with it: the new file is opened afresh.
    /// </summary>
    public DossierAttachment? AttachScan(DossierAttachment scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        EnsureOwn(scan.ApplicationId, nameof(scan));
        CheckRule(new ScanSlotIsFixedOrAnEntryRule(scan.SlotKey, _entries));
        var replaced = _attachments.FirstOrDefault(a => a.SlotKey == scan.SlotKey);
        if (replaced is not null)
        {
            _attachments.Remove(replaced);
        }

        _attachments.Add(scan);
        WithdrawVerificationOf(AttachmentSlots.ItemKeyOf(scan.SlotKey));
        Touch();
        return replaced;
    }

    /// <summary>The bytes the dossier's scans hold, leaving out the one in <paramref name="slot"/> that a new upload would replace.</summary>
    public long ScanBytesOutside(string slot) => _attachments.Where(a => a.SlotKey != slot).Sum(a => a.Length);

    public IReadOnlyList<MandatoryItem> MandatoryItems() => DossierCheck.MandatoryItems(_entries);

    public bool IsVerified(string itemKey) => _verifications.Any(v => v.ItemKey == itemKey);

    /// <summary>The scans the auditor opens before ticking <paramref name="itemKey"/>.</summary>
    public IReadOnlyList<Guid> ScansOf(string itemKey) =>
        _attachments.Where(a => AttachmentSlots.ItemKeyOf(a.SlotKey) == itemKey).Select(a => a.Id).ToList();

    /// <summary>The auditor's tick: only on the checklist, and only after opening every scan of the item.</summary>
    public void VerifyItem(string itemKey, string verifiedBy, IReadOnlyCollection<Guid> scansOpenedByTheAuditor, DateTimeOffset now)
    {
        var mandatory = MandatoryItems();
        CheckRule(new OnlyMandatoryItemsAreVerifiedRule(itemKey, mandatory));
        if (IsVerified(itemKey))
        {
            return;
        }

        var item = mandatory.First(m => m.Key == itemKey);
        CheckRule(new ScansOpenedBeforeVerifyingRule(item.Description, ScansOf(itemKey), scansOpenedByTheAuditor));
        _verifications.Add(DossierVerification.Record(Id, itemKey, verifiedBy, now));
        Touch();
    }

    public void UnverifyItem(string itemKey)
    {
        CheckRule(new OnlyMandatoryItemsAreVerifiedRule(itemKey, MandatoryItems()));
        if (WithdrawVerificationOf(itemKey))
        {
            Touch();
        }
    }

    /// <summary>Returns the dossier with a reason per section, as the next round; returns that round.</summary>
    public int ReturnSections(IReadOnlyDictionary<DossierSection, string?> reasons, string returnedBy, DateTimeOffset now)
    {
        var given = SectionReturn.ReasonsGiven(reasons);
        CheckRule(new AtLeastOneReasonToReturnRule(given));
        foreach (var (section, reason) in given)
        {
            CheckRule(new ReturnReasonLengthRule(section, reason));
        }

        var round = LatestReturnRound + 1;
        foreach (var (section, reason) in given.OrderBy(r => r.Key))
        {
            _returns.Add(SectionReturn.Record(Id, round, section, reason, returnedBy, now));
        }

        Touch();
        return round;
    }

    /// <summary>The reasons of the latest round, in section order.</summary>
    public IReadOnlyList<SectionReturn> LatestReturn() =>
        _returns.Where(r => r.Round == LatestReturnRound).OrderBy(r => r.Section).ToList();

    private bool WithdrawVerificationOf(string itemKey) => _verifications.RemoveAll(v => v.ItemKey == itemKey) > 0;

    private void EnsureOwn(Guid applicationId, string parameter)
    {
        if (applicationId != Id)
        {
            throw new ArgumentException("It belongs to another application's dossier.", parameter);
        }
    }
}
