using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Supplements;

/// <summary>
/// What a failed applicant adds during the preliminary results' publicity (补充材料): files for
/// the reasons they failed and a note, submitted once; the office then passes them or keeps
/// them failed with a reason. After a keep-failed the applicant may open a new round.
/// </summary>
public sealed class Supplement : Entity
{
    public const int MaxNoteLength = 500;
    public const int MaxReasonLength = 500;
    public const int MaxFiles = 20;

    private readonly List<SupplementFile> _files = [];

    private Supplement()
    {
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>1 for the first supplement, 2 after the office kept the first one failed, and so on.</summary>
    public int Round { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public SupplementDecision? Decision { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    public IReadOnlyList<SupplementFile> Files => _files;

    public bool IsSubmitted => SubmittedAt is not null;

    public long Bytes => _files.Sum(f => f.Length);

    /// <summary>Opens a supplement for a failed applicant while the publicity runs.</summary>
    public static Supplement Open(Guid applicationId, int round, bool failed, PublicPublicity? publicity, DateTimeOffset now, string by)
    {
        CheckRule(new SupplementOnlyForFailedApplicantsRule(failed));
        CheckRule(new SupplementOnlyWhilePublicityRunsRule(publicity, now));
        return new Supplement
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            Round = round,
            CreatedAt = now,
            CreatedBy = by,
        };
    }

    public void AddFile(SupplementFile file, PublicPublicity? publicity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        CheckRule(new SupplementOnlyWhilePublicityRunsRule(publicity, now));
        CheckRule(new SubmittedSupplementIsFinalRule(this));
        CheckRule(new SupplementHasRoomForAnotherFileRule(_files.Count));
        _files.Add(file);
    }

    public SupplementFile RemoveFile(Guid fileId, PublicPublicity? publicity, DateTimeOffset now)
    {
        CheckRule(new SupplementOnlyWhilePublicityRunsRule(publicity, now));
        CheckRule(new SubmittedSupplementIsFinalRule(this));
        var file = _files.FirstOrDefault(f => f.Id == fileId) ?? throw new DomainException("该补充材料文件不存在或已删除。");
        _files.Remove(file);
        return file;
    }

    public void Submit(string note, PublicPublicity? publicity, DateTimeOffset now)
    {
        CheckRule(new SupplementOnlyWhilePublicityRunsRule(publicity, now));
        CheckRule(new SubmittedSupplementIsFinalRule(this));
        CheckRule(new SupplementHasFilesRule(_files.Count));
        Note = note.Trim();
        SubmittedAt = now;
    }

    public void Decide(SupplementDecision decision, string reason, DateTimeOffset now, string byName)
    {
        CheckRule(new SupplementDecidedOnceRule(this));
        Decision = decision;
        DecisionReason = reason.Trim();
        DecidedAt = now;
        DecidedByName = byName;
    }
}

public enum SupplementDecision
{
    /// <summary>改为通过.</summary>
    Passed = 1,

    /// <summary>维持不通过.</summary>
    KeptFailed = 2,
}

/// <summary>One file of a supplement, stored like a dossier scan (sniffed, size-limited, SHA-256).</summary>
public sealed class SupplementFile
{
    private SupplementFile()
    {
        OriginalName = string.Empty;
        SafeName = string.Empty;
        StorageKey = string.Empty;
        Sha256 = string.Empty;
        ContentType = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SupplementId { get; private set; }

    public string OriginalName { get; private set; }

    public string SafeName { get; private set; }

    public string StorageKey { get; private set; }

    public string Sha256 { get; private set; }

    public long Length { get; private set; }

    public string ContentType { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static SupplementFile Create(Guid supplementId, string originalName, string safeName, string storageKey, string sha256, long length, string contentType, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SupplementId = supplementId,
        OriginalName = originalName,
        SafeName = safeName,
        StorageKey = storageKey,
        Sha256 = sha256,
        Length = length,
        ContentType = contentType,
        UploadedAt = now,
    };
}

/// <summary>Only applicants who failed the preliminary review (and whose result is published) supplement.</summary>
public sealed class SupplementOnlyForFailedApplicantsRule(bool failed) : IBusinessRule
{
    public bool IsBroken() => !failed;

    public string Message => "初审通过的申报人无需补充材料。";
}

/// <summary>Supplements come in during the publicity of the preliminary results, never before or after it.</summary>
public sealed class SupplementOnlyWhilePublicityRunsRule(PublicPublicity? publicity, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => publicity is null || !publicity.IsRunningAt(now);

    public string Message => publicity switch
    {
        null => "初审结果尚未公示，公示期内才能上传补充材料。",
        _ when publicity.HasEndedAt(now) => $"公示期已于 {publicity.LastDay:yyyy年M月d日} 结束，不能再上传补充材料。",
        _ => $"初审结果公示期尚未开始（{publicity.PeriodText}），公示期内才能上传补充材料。",
    };
}

/// <summary>A submitted supplement is what the office reviews: it no longer changes.</summary>
public sealed class SubmittedSupplementIsFinalRule(Supplement supplement) : IBusinessRule
{
    public bool IsBroken() => supplement.IsSubmitted;

    public string Message => "补充材料已提交，等待省政工职评办审核，不能再修改。";
}

public sealed class SupplementHasFilesRule(int files) : IBusinessRule
{
    public bool IsBroken() => files == 0;

    public string Message => "请先上传至少一份补充材料文件，再提交。";
}

public sealed class SupplementHasRoomForAnotherFileRule(int files) : IBusinessRule
{
    public bool IsBroken() => files >= Supplement.MaxFiles;

    public string Message => $"每次补充材料最多上传 {Supplement.MaxFiles} 个文件。";
}

public sealed class SupplementDecidedOnceRule(Supplement supplement) : IBusinessRule
{
    public bool IsBroken() => !supplement.IsSubmitted || supplement.Decision is not null;

    public string Message => supplement.IsSubmitted ? "该补充材料已审核，不能重复审核。" : "补充材料尚未提交，不能审核。";
}
