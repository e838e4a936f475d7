using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Integrity;

/// <summary>What brought the case to the office.</summary>
public enum IntegrityCaseSource
{
    /// <summary>抽查复核: an original did not match its scan.</summary>
    SpotCheck = 1,

    /// <summary>公示异议: an objection raised during a publicity.</summary>
    PublicityObjection = 2,

    /// <summary>评审委员会发现: the committee found something while reviewing.</summary>
    CommitteeFinding = 3,

    /// <summary>省政工职评办立案: the office opened it itself (a report, a letter, a check of its own).</summary>
    OfficeByHand = 4,
}

public enum IntegrityCaseStatus
{
    /// <summary>待处理: no decision yet.</summary>
    Open = 1,

    /// <summary>已处理: the office decided it; the decision is final.</summary>
    Decided = 2,
}

/// <summary>The office's decision on a case.</summary>
public enum IntegrityOutcome
{
    /// <summary>不予认定: nothing found; a spot-check case goes back to the spot check passed.</summary>
    NoFinding = 1,

    /// <summary>一票否决: the application ends failed at the stage it reached.</summary>
    Veto = 2,

    /// <summary>撤销职称: the certificate issued on the application is revoked.</summary>
    Revocation = 3,
}

public enum IntegrityEvidenceKind
{
    /// <summary>A note the office wrote (a report received, what a call established).</summary>
    Note = 1,

    /// <summary>A scan (PDF, JPEG or PNG) kept in the file store.</summary>
    Scan = 2,
}

public static class IntegrityCaseNames
{
    /// <summary>The sources the office may open a case from by hand (a spot-check case opens from the originals check).</summary>
    public static readonly IReadOnlyList<IntegrityCaseSource> OpenedByHand =
        [IntegrityCaseSource.PublicityObjection, IntegrityCaseSource.CommitteeFinding, IntegrityCaseSource.OfficeByHand];

    public static readonly IReadOnlyList<IntegrityOutcome> Outcomes = [IntegrityOutcome.NoFinding, IntegrityOutcome.Veto, IntegrityOutcome.Revocation];

    public static string Describe(IntegrityCaseSource source) => source switch
    {
        IntegrityCaseSource.SpotCheck => "抽查复核：原件与扫描件不一致",
        IntegrityCaseSource.PublicityObjection => "公示期间异议",
        IntegrityCaseSource.CommitteeFinding => "评审委员会发现",
        IntegrityCaseSource.OfficeByHand => "省政工职评办立案（举报、来信等）",
        _ => string.Empty,
    };

    public static string Describe(IntegrityCaseStatus status) => status switch
    {
        IntegrityCaseStatus.Open => "待处理",
        IntegrityCaseStatus.Decided => "已处理",
        _ => string.Empty,
    };

    public static string Describe(IntegrityOutcome outcome) => outcome switch
    {
        IntegrityOutcome.NoFinding => "不予认定",
        IntegrityOutcome.Veto => "一票否决",
        IntegrityOutcome.Revocation => "撤销职称",
        _ => string.Empty,
    };
}

/// <summary>One finding of the case: the item and what was found.</summary>
public sealed record IntegrityFinding(string ItemName, string Finding);

/// <summary>
/// A piece of evidence added while the case was open: a note, or a scan in the file store (served
/// only after its SHA-256 is checked again).
/// </summary>
public sealed record IntegrityEvidence(
    Guid EvidenceId,
    IntegrityEvidenceKind Kind,
    string? Note,
    string? FileName,
    string? StorageKey,
    string? Sha256,
    string? ContentType,
    string? SafeName,
    long Length,
    DateTimeOffset AddedAt,
    string AddedByName);

/// <summary>A scan as the file store kept it, to add to a case.</summary>
public sealed record IntegrityScan(string FileName, string StorageKey, string Sha256, string ContentType, string SafeName, long Length);

/// <summary>
/// What the office decided: the outcome, its reasons, whether the finding goes into the person's
/// integrity record (诚信档案), and the last day of the ban it carries (none when null).
/// </summary>
public sealed record IntegrityDecision(IntegrityOutcome Outcome, string Reasons, bool RecordsFinding, DateOnly? BannedUntil)
{
    /// <summary>A serious case loses the right to apply for three years (notice 四).</summary>
    public const int DefaultBanYears = 3;

    /// <summary>The default ban's last day: three years from the decision's date, that date's eve.</summary>
    public static DateOnly DefaultBanEnd(DateOnly decidedOn) => decidedOn.AddYears(DefaultBanYears).AddDays(-1);
}

/// <summary>
/// An integrity case (诚信案件) against one application: opened from a source with its findings or
/// a first note, evidence added while open, and one final decision with reasons. While a spot-check
/// case is open the application cannot go to the committee (the workflow's state says so).
/// </summary>
public sealed class IntegrityCase : Entity
{
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 2000;
    public const int MaxReasonsLength = 1000;
    public const int MaxFileNameLength = 255;

    private readonly List<IntegrityFinding> _findings = [];
    private readonly List<IntegrityEvidence> _evidence = [];

    private IntegrityCase()
    {
        OpenedBy = string.Empty;
        OpenedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The unit concerned: the applicant's, unless the office named another.</summary>
    public Guid UnitId { get; private set; }

    public IntegrityCaseSource Source { get; private set; }

    public IReadOnlyList<IntegrityFinding> Findings => _findings;

    public IReadOnlyList<IntegrityEvidence> Evidence => _evidence;

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; }

    public string OpenedByName { get; private set; }

    public IntegrityCaseStatus Status { get; private set; }

    public IntegrityOutcome? Outcome { get; private set; }

    public string? DecisionReasons { get; private set; }

    /// <summary>Whether the finding went into the person's integrity record.</summary>
    public bool RecordsFinding { get; private set; }

    /// <summary>The last day (Beijing date) of the ban the decision recorded; null for none.</summary>
    public DateOnly? BannedUntil { get; private set; }

    /// <summary>The certificate a revocation revoked.</summary>
    public string? RevokedCertificateNumber { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecidedByName { get; private set; }

    /// <summary>Renewed on every change, so two offices adding to or deciding the same case never both win.</summary>
    public Guid ConcurrencyToken { get; private set; }

    public bool IsDecided => Status == IntegrityCaseStatus.Decided;

    /// <param name="alreadyOpen">Whether the application has an open case already.</param>
    public static IntegrityCase OpenFromSpotCheck(
        Guid applicationId, Guid campaignId, Guid unitId, IReadOnlyList<IntegrityFinding> findings, bool alreadyOpen, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new OneOpenIntegrityCasePerApplicationRule(alreadyOpen));
        CheckRule(new IntegrityCaseHasFindingsRule(findings));
        var opened = Opened(applicationId, campaignId, unitId, IntegrityCaseSource.SpotCheck, now, by, byName);
        opened._findings.AddRange(findings);
        return opened;
    }

    /// <summary>The office opens a case itself, on what it received, with the first note.</summary>
    public static IntegrityCase OpenByHand(
        Guid applicationId, Guid campaignId, Guid unitId, IntegrityCaseSource source, string firstNote, bool alreadyOpen, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new OneOpenIntegrityCasePerApplicationRule(alreadyOpen));
        CheckRule(new SpotCheckCasesOpenFromTheOriginalsCheckRule(source));
        CheckRule(new IntegrityNoteHasTextRule(firstNote));
        var opened = Opened(applicationId, campaignId, unitId, source, now, by, byName);
        opened._evidence.Add(NoteOf(firstNote, now, byName));
        return opened;
    }

    public IntegrityEvidence AddNote(string note, DateTimeOffset now, string byName)
    {
        CheckRule(new DecidedIntegrityCaseIsFinalRule(this));
        CheckRule(new IntegrityNoteHasTextRule(note));
        var added = NoteOf(note, now, byName);
        _evidence.Add(added);
        ConcurrencyToken = Guid.NewGuid();
        return added;
    }

    public IntegrityEvidence AddScan(IntegrityScan scan, DateTimeOffset now, string byName)
    {
        CheckRule(new DecidedIntegrityCaseIsFinalRule(this));
        var added = new IntegrityEvidence(
            Guid.NewGuid(), IntegrityEvidenceKind.Scan, null, scan.FileName, scan.StorageKey, scan.Sha256, scan.ContentType, scan.SafeName, scan.Length, now, byName);
        _evidence.Add(added);
        ConcurrencyToken = Guid.NewGuid();
        return added;
    }

    /// <summary>
    /// Decides the case, once. The caller has asked the workflow whether the application has ended
    /// and, for a revocation, staged the certificate's revocation and passes its number (null when
    /// there was no valid certificate to revoke).
    /// </summary>
    public void Decide(IntegrityDecision decision, bool applicationEnded, string? revokedCertificateNumber, DateOnly today, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new DecidedIntegrityCaseIsFinalRule(this));
        CheckRule(new IntegrityDecisionHasReasonsRule(decision.Reasons));
        CheckRule(new VetoOnlyOnAnApplicationNotYetEndedRule(decision.Outcome, applicationEnded));
        CheckRule(new RevocationNeedsAValidCertificateRule(decision.Outcome, revokedCertificateNumber));
        CheckRule(new NoFindingRecordsNothingRule(decision));
        CheckRule(new BanComesWithARecordedFindingRule(decision));
        CheckRule(new BanEndsAfterTheDecisionRule(decision.BannedUntil, today));
        Status = IntegrityCaseStatus.Decided;
        Outcome = decision.Outcome;
        DecisionReasons = decision.Reasons.Trim();
        RecordsFinding = decision.RecordsFinding;
        BannedUntil = decision.BannedUntil;
        RevokedCertificateNumber = decision.Outcome == IntegrityOutcome.Revocation ? revokedCertificateNumber : null;
        DecidedAt = now;
        DecidedBy = by;
        DecidedByName = byName;
        ConcurrencyToken = Guid.NewGuid();
    }

    private static IntegrityCase Opened(Guid applicationId, Guid campaignId, Guid unitId, IntegrityCaseSource source, DateTimeOffset now, string by, string byName) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        CampaignId = campaignId,
        UnitId = unitId,
        Source = source,
        OpenedAt = now,
        OpenedBy = by,
        OpenedByName = byName,
        Status = IntegrityCaseStatus.Open,
        ConcurrencyToken = Guid.NewGuid(),
    };

    private static IntegrityEvidence NoteOf(string note, DateTimeOffset now, string byName) =>
        new(Guid.NewGuid(), IntegrityEvidenceKind.Note, note.Trim(), null, null, null, null, null, 0, now, byName);
}

/// <summary>An application has at most one open case: later findings belong to it, not to a second one.</summary>
public sealed class OneOpenIntegrityCasePerApplicationRule(bool alreadyOpen) : IBusinessRule
{
    public bool IsBroken() => alreadyOpen;

    public string Message => "该申报人已有待处理的诚信案件，不能重复立案。";
}

/// <summary>A case is opened on what was found, never empty.</summary>
public sealed class IntegrityCaseHasFindingsRule(IReadOnlyList<IntegrityFinding> findings) : IBusinessRule
{
    public bool IsBroken() => findings.Count == 0 || findings.Any(f => string.IsNullOrWhiteSpace(f.Finding));

    public string Message => "诚信案件须记明所发现的问题。";
}

/// <summary>A spot-check case carries the originals check's findings, so only concluding that check opens one.</summary>
public sealed class SpotCheckCasesOpenFromTheOriginalsCheckRule(IntegrityCaseSource source) : IBusinessRule
{
    public bool IsBroken() => source == IntegrityCaseSource.SpotCheck || !Enum.IsDefined(source);

    public string Message => "抽查复核的诚信案件由原件复核完成时立案；手工立案请选择公示期间异议、评审委员会发现或省政工职评办立案。";
}

/// <summary>A note says something: a case is opened, and evidence added, on words, not on blanks.</summary>
public sealed class IntegrityNoteHasTextRule(string? note) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(note) || note.Trim().Length > IntegrityCase.MaxNoteLength;

    public string Message => $"请填写情况说明（不超过 {IntegrityCase.MaxNoteLength} 字）。";
}

/// <summary>A decided case is final: no second decision, no more evidence.</summary>
public sealed class DecidedIntegrityCaseIsFinalRule(IntegrityCase integrityCase) : IBusinessRule
{
    public bool IsBroken() => integrityCase.IsDecided;

    public string Message => "该诚信案件已作出处理决定，决定不能更改，也不能再补充证据。";
}

/// <summary>Every decision states its reasons: they go into the journal and the integrity record.</summary>
public sealed class IntegrityDecisionHasReasonsRule(string? reasons) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reasons) || reasons.Trim().Length > IntegrityCase.MaxReasonsLength;

    public string Message => $"请填写处理决定的理由（不超过 {IntegrityCase.MaxReasonsLength} 字）。";
}

/// <summary>A veto ends an application that is still under way; one that has ended cannot be vetoed (a passed title is revoked instead).</summary>
public sealed class VetoOnlyOnAnApplicationNotYetEndedRule(IntegrityOutcome outcome, bool applicationEnded) : IBusinessRule
{
    public bool IsBroken() => outcome == IntegrityOutcome.Veto && applicationEnded;

    public string Message => "该申报已经结束，不能再一票否决；已取得的职称请选择“撤销职称”。";
}

/// <summary>Only a valid certificate can be revoked.</summary>
public sealed class RevocationNeedsAValidCertificateRule(IntegrityOutcome outcome, string? revokedCertificateNumber) : IBusinessRule
{
    public bool IsBroken() => outcome == IntegrityOutcome.Revocation && string.IsNullOrWhiteSpace(revokedCertificateNumber);

    public string Message => "该申报人本次申报没有有效的职称证书，不能撤销职称。";
}

/// <summary>Nothing found is nothing to record: no finding in the integrity record, no ban.</summary>
public sealed class NoFindingRecordsNothingRule(IntegrityDecision decision) : IBusinessRule
{
    public bool IsBroken() => decision.Outcome == IntegrityOutcome.NoFinding && (decision.RecordsFinding || decision.BannedUntil is not null);

    public string Message => "不予认定的案件不记入诚信档案，也不禁止申报。";
}

/// <summary>A ban is part of a finding kept in the integrity record, never on its own.</summary>
public sealed class BanComesWithARecordedFindingRule(IntegrityDecision decision) : IBusinessRule
{
    public bool IsBroken() => decision.BannedUntil is not null && !decision.RecordsFinding;

    public string Message => "禁止申报须同时记入诚信档案。";
}

/// <summary>A ban ends after the day it is decided.</summary>
public sealed class BanEndsAfterTheDecisionRule(DateOnly? bannedUntil, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => bannedUntil is { } until && until <= today;

    public string Message => "禁止申报的截止日期须晚于决定之日。";
}
