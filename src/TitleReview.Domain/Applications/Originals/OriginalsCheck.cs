using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Originals;

/// <summary>Where a chosen person's originals check stands, as the office and the unit read it.</summary>
public enum OriginalsStatus
{
    /// <summary>待核对: chosen, the originals not yet concluded.</summary>
    Pending = 1,

    /// <summary>一致: every original matches its scan.</summary>
    Matched = 2,

    /// <summary>不一致（待诚信处理）: a finding opened an integrity case.</summary>
    Mismatch = 3,

    /// <summary>逾期未核对: the spot check closed before the office concluded.</summary>
    Overdue = 4,
}

public static class OriginalsStatuses
{
    public static string DisplayName(OriginalsStatus status) => status switch
    {
        OriginalsStatus.Pending => "待核对",
        OriginalsStatus.Matched => "一致",
        OriginalsStatus.Mismatch => "不一致（待诚信处理）",
        _ => "逾期未核对",
    };
}

/// <summary>One item of the dossier as the office compared its original with the scan.</summary>
/// <param name="Key">The dossier's key of the item (a fixed attachment slot or an entry).</param>
/// <param name="Name">The item as the dossier describes it, kept as it read when recorded.</param>
/// <param name="Finding">What differs; only when the original does not match.</param>
public sealed record OriginalItemCheck(string Key, string Name, bool Matches, string? Finding, DateTimeOffset RecordedAt, string RecordedByName);

/// <summary>What the office records for one item: the item and whether its original matches the scan.</summary>
public sealed record OriginalItemEntry(string Key, string Name, bool Matches, string? Finding);

/// <summary>
/// The office's comparison of a chosen person's originals with the scans of their dossier
/// (原件复核, notice 三 3): recorded item by item, then concluded once every item is recorded.
/// </summary>
public sealed class OriginalsCheck : Entity
{
    public const int MaxFindingLength = 300;

    public const int MaxReasonLength = 500;

    public const int MaxNameLength = 100;

    public const int MaxItemNameLength = 300;

    private readonly List<OriginalItemCheck> _items = [];

    private OriginalsCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public IReadOnlyList<OriginalItemCheck> Items => _items;

    public DateTimeOffset? ConcludedAt { get; private set; }

    public string? ConcludedByName { get; private set; }

    /// <summary>Whether every original matched; null until concluded.</summary>
    public bool? Matched { get; private set; }

    /// <summary>Why the office concluded after the spot check closed; only then.</summary>
    public string? LateReason { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public bool IsConcluded => ConcludedAt is not null;

    /// <summary>The items whose original does not match, in the dossier's order.</summary>
    public IReadOnlyList<OriginalItemCheck> Mismatches => _items.Where(i => !i.Matches).ToList();

    /// <summary>The findings as the journal and the integrity case say them.</summary>
    public string FindingsText => string.Join("；", Mismatches.Select(i => $"{i.Name}：{i.Finding}"));

    /// <param name="awaitingCheck">Whether the case was chosen and waits for its originals (or waited past the close).</param>
    public static OriginalsCheck Start(Guid applicationId, Guid campaignId, Guid unitId, bool awaitingCheck, DateTimeOffset now)
    {
        CheckRule(new OriginalsOnlyForChosenCasesRule(awaitingCheck));
        return new OriginalsCheck
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            CampaignId = campaignId,
            UnitId = unitId,
            StartedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
        };
    }

    /// <summary>Records (or corrects) some items; the others keep what was recorded.</summary>
    /// <param name="dossierKeys">The keys of the dossier's items that have an original.</param>
    public void Record(IReadOnlyList<OriginalItemEntry> entries, IReadOnlyCollection<string> dossierKeys, bool awaitingCheck, DateTimeOffset now, string byName)
    {
        CheckRule(new OriginalsOnlyForChosenCasesRule(awaitingCheck));
        CheckRule(new ConcludedOriginalsCheckIsFinalRule(this));
        foreach (var entry in entries)
        {
            CheckRule(new OriginalItemBelongsToTheDossierRule(entry.Key, dossierKeys));
            CheckRule(new MismatchIsDescribedRule(entry.Matches, entry.Finding));
        }

        foreach (var entry in entries)
        {
            _items.RemoveAll(i => i.Key == entry.Key);
            _items.Add(new OriginalItemCheck(entry.Key, entry.Name.Trim(), entry.Matches, entry.Matches ? null : entry.Finding!.Trim(), now, byName));
        }

        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Concludes the check: every item of the dossier recorded, a late conclusion with its reason.</summary>
    /// <param name="overdue">Whether the spot check closed before this conclusion.</param>
    /// <returns>Whether every original matched.</returns>
    public bool Conclude(IReadOnlyCollection<string> dossierKeys, bool awaitingCheck, bool overdue, string? lateReason, DateTimeOffset now, string byName)
    {
        CheckRule(new OriginalsOnlyForChosenCasesRule(awaitingCheck));
        CheckRule(new ConcludedOriginalsCheckIsFinalRule(this));
        CheckRule(new EveryOriginalRecordedRule(_items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal), dossierKeys));
        CheckRule(new LateConclusionHasAReasonRule(overdue, lateReason));

        // An item recorded earlier that the dossier no longer lists is not part of the conclusion.
        _items.RemoveAll(i => !dossierKeys.Contains(i.Key));
        Matched = _items.All(i => i.Matches);
        LateReason = overdue ? lateReason!.Trim() : null;
        ConcludedAt = now;
        ConcludedByName = byName;
        ConcurrencyToken = Guid.NewGuid();
        return Matched.Value;
    }
}

/// <summary>Only the persons the draw chose bring their originals: no other case is checked.</summary>
public sealed class OriginalsOnlyForChosenCasesRule(bool awaitingCheck) : IBusinessRule
{
    public bool IsBroken() => !awaitingCheck;

    public string Message => "该申报人未被抽中抽查复核，或原件复核已经完成，不能记录原件核对情况。";
}

/// <summary>A concluded check is the office's record: it is not reopened.</summary>
public sealed class ConcludedOriginalsCheckIsFinalRule(OriginalsCheck check) : IBusinessRule
{
    public bool IsBroken() => check.IsConcluded;

    public string Message => "该申报人的原件复核已经完成，不能再修改。";
}

/// <summary>Only the dossier's own items are compared.</summary>
public sealed class OriginalItemBelongsToTheDossierRule(string key, IReadOnlyCollection<string> dossierKeys) : IBusinessRule
{
    public bool IsBroken() => !dossierKeys.Contains(key);

    public string Message => "所记录的项目不在该申报人的申报材料中，请刷新页面后重新核对。";
}

/// <summary>A mismatch says what differs: it becomes the finding of the integrity case.</summary>
public sealed class MismatchIsDescribedRule(bool matches, string? finding) : IBusinessRule
{
    public bool IsBroken() => !matches && string.IsNullOrWhiteSpace(finding);

    public string Message => "原件与扫描件不一致时，须填写不一致的情况。";
}

/// <summary>The conclusion speaks for the whole dossier, so every item is recorded first.</summary>
public sealed class EveryOriginalRecordedRule(IReadOnlySet<string> recorded, IReadOnlyCollection<string> dossierKeys) : IBusinessRule
{
    public int Missing => dossierKeys.Count(k => !recorded.Contains(k));

    public bool IsBroken() => Missing > 0;

    public string Message => $"还有 {Missing} 项原件未核对，请逐项记录后再完成复核。";
}

/// <summary>After the spot check closed, a conclusion says why it comes late (e.g. the originals were brought later).</summary>
public sealed class LateConclusionHasAReasonRule(bool overdue, string? reason) : IBusinessRule
{
    public bool IsBroken() => overdue && string.IsNullOrWhiteSpace(reason);

    public string Message => "抽查复核期已截止，逾期完成复核须填写原因（例如原件补交的时间和情况）。";
}
