using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee;

public enum ConflictKind
{
    /// <summary>本人所在单位 (also recused automatically when the organisation is the unit).</summary>
    OwnUnit = 1,

    /// <summary>近亲属.</summary>
    Relative = 2,

    /// <summary>其他可能影响公正评审的关系.</summary>
    OtherRelation = 3,
}

public static class ConflictKindNames
{
    public static string Describe(ConflictKind kind) => kind switch
    {
        ConflictKind.OwnUnit => "本人所在单位",
        ConflictKind.Relative => "近亲属关系",
        ConflictKind.OtherRelation => "其他可能影响公正评审的关系",
        _ => string.Empty,
    };
}

/// <summary>A conflict the expert declared with one candidate's application.</summary>
public sealed record DeclaredConflict(Guid ApplicationId, ConflictKind Kind, string Note, DateTimeOffset DeclaredAt);

/// <summary>
/// An expert's confidentiality pledge (保密承诺) and conflict declaration (回避申报) for one campaign.
/// The pledge is accepted once, before the expert sees any dossier; declared conflicts are only ever
/// added, so a recusal cannot be taken back.
/// </summary>
public sealed class ExpertDeclaration : Entity
{
    public const int MaxNoteLength = 200;

    /// <summary>The pledge's version the expert accepts: the page shows this text.</summary>
    public const string PledgeText =
        "本人承诺：严格遵守评审纪律，对申报材料、评审意见、表决情况及评审结果严格保密，不复制、不外传、不泄露；"
        + "与申报人存在本人所在单位、近亲属或其他可能影响公正评审的关系时主动申报并回避；"
        + "独立、公正地提出评审意见和表决，不受任何单位和个人干预。";

    private readonly List<DeclaredConflict> _conflicts = [];

    private ExpertDeclaration()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public Guid CampaignId { get; private set; }

    public DateTimeOffset PledgedAt { get; private set; }

    public IReadOnlyList<DeclaredConflict> Conflicts => _conflicts;

    public Guid ConcurrencyToken { get; private set; }

    /// <param name="candidates">The campaign's applications the expert may declare a conflict with.</param>
    public static ExpertDeclaration Pledge(Guid expertId, Guid campaignId, bool pledgeAccepted, IReadOnlyList<DeclaredConflict> conflicts, IReadOnlyCollection<Guid> candidates, DateTimeOffset now)
    {
        CheckRule(new PledgeMustBeAcceptedRule(pledgeAccepted));
        var declaration = new ExpertDeclaration { Id = Guid.NewGuid(), ExpertId = expertId, CampaignId = campaignId, PledgedAt = now };
        declaration.Declare(conflicts, candidates);
        return declaration;
    }

    /// <summary>Adds conflicts (the ones already declared stay).</summary>
    public void Declare(IReadOnlyList<DeclaredConflict> conflicts, IReadOnlyCollection<Guid> candidates)
    {
        CheckRule(new ConflictNamesACandidateRule(conflicts, candidates));
        CheckRule(new ConflictNoteWithinLengthRule(conflicts));
        foreach (var conflict in conflicts.Where(c => !_conflicts.Any(d => d.ApplicationId == c.ApplicationId && d.Kind == c.Kind)))
        {
            _conflicts.Add(conflict with { Note = conflict.Note.Trim() });
        }

        ConcurrencyToken = Guid.NewGuid();
    }

    public bool HasConflictWith(Guid applicationId) => _conflicts.Any(c => c.ApplicationId == applicationId);
}

/// <summary>An expert sees no dossier before accepting the confidentiality pledge.</summary>
public sealed class PledgeMustBeAcceptedRule(bool accepted) : IBusinessRule
{
    public bool IsBroken() => !accepted;

    public string Message => "请阅读并勾选同意保密承诺后再继续。";
}

/// <summary>A declared conflict names a candidate of the campaign.</summary>
public sealed class ConflictNamesACandidateRule(IReadOnlyList<DeclaredConflict> conflicts, IReadOnlyCollection<Guid> candidates) : IBusinessRule
{
    public bool IsBroken() => conflicts.Any(c => !candidates.Contains(c.ApplicationId) || !Enum.IsDefined(c.Kind));

    public string Message => "申报回避的人员须为本年度送评人员，并选择关系类型。";
}

public sealed class ConflictNoteWithinLengthRule(IReadOnlyList<DeclaredConflict> conflicts) : IBusinessRule
{
    public bool IsBroken() => conflicts.Any(c => (c.Note?.Trim().Length ?? 0) > ExpertDeclaration.MaxNoteLength);

    public string Message => $"回避说明不超过{ExpertDeclaration.MaxNoteLength}字。";
}
