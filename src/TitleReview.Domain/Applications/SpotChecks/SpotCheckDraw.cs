using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.SpotChecks;

public enum SpotCheckDrawStatus
{
    /// <summary>Defined by the office, still editable; nothing public.</summary>
    Defined = 1,

    /// <summary>The commitment is public; nothing can change.</summary>
    Committed = 2,

    /// <summary>Drawn, the seed revealed.</summary>
    Drawn = 3,
}

/// <summary>Why a candidate was chosen.</summary>
public enum SpotCheckChoice
{
    NotChosen = 0,
    InChosenUnit = 1,
    Across = 2,
}

public enum SpotCheckStepKind
{
    Defined = 1,
    Changed = 2,
    Committed = 3,
    Drawn = 4,
}

/// <summary>The campaign's spot check window, which the definition, the draw time and the draw are checked against.</summary>
public sealed record SpotCheckWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>Who acts, as the journal records them.</summary>
public sealed record SpotCheckActor(string Id, string Name);

/// <summary>
/// A campaign's spot check draw (抽查复核抽取), commit then reveal: the office defines it, publishes
/// the commitment (the seed's hash, the draw time, the frozen candidates and the public value's
/// source), and at the draw types the public value; the selection follows from the seed, that value
/// and the candidates by <see cref="SpotCheckAlgorithm"/>, and the seed is revealed. One per campaign.
/// </summary>
public sealed class SpotCheckDraw : Entity
{
    public const int MaxCount = 1000;
    public const int MaxPublicValueLength = 200;
    public const int MaxNameLength = 100;

    private readonly List<SpotCheckCandidate> _candidates = [];
    private readonly List<SpotCheckStep> _steps = [];

    private SpotCheckDraw()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public SpotCheckDrawStatus Status { get; private set; }

    public SpotCheckRules Rules
    {
        get => new(new DrawAmount(UnitsMode, UnitsValue), PersonsPerUnit, new DrawAmount(AcrossMode, AcrossValue), AcrossPerLevel, OriginalsDueOn);
        private set
        {
            (UnitsMode, UnitsValue, PersonsPerUnit) = (value.Units.Mode, value.Units.Value, value.PersonsPerUnit);
            (AcrossMode, AcrossValue, AcrossPerLevel, OriginalsDueOn) = (value.Across.Mode, value.Across.Value, value.AcrossPerLevel, value.OriginalsDueOn);
        }
    }

    public DrawMode UnitsMode { get; private set; }

    public int UnitsValue { get; private set; }

    public int? PersonsPerUnit { get; private set; }

    public DrawMode AcrossMode { get; private set; }

    public int AcrossValue { get; private set; }

    public bool AcrossPerLevel { get; private set; }

    public DateOnly OriginalsDueOn { get; private set; }

    /// <summary>The secret: never shown before <see cref="Status"/> is <see cref="SpotCheckDrawStatus.Drawn"/>.</summary>
    public string? Seed { get; private set; }

    public string? Commitment { get; private set; }

    public DateTimeOffset? DrawAt { get; private set; }

    public string? PublicValueSource { get; private set; }

    public string? CandidatesDigest { get; private set; }

    public DateTimeOffset? CommittedAt { get; private set; }

    public string? PublicValue { get; private set; }

    public DateTimeOffset? DrawnAt { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    /// <summary>Frozen at the commitment, in the published order.</summary>
    public IReadOnlyList<SpotCheckCandidate> Candidates => _candidates.OrderBy(c => c.Number, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SpotCheckStep> Steps => _steps.OrderBy(s => s.At).ThenBy(s => s.Kind).ToList();

    /// <summary>The units of the candidate list by registration number.</summary>
    public IReadOnlyList<DrawUnit> Units => _candidates
        .GroupBy(c => c.UnitNumber, StringComparer.Ordinal)
        .Select(g => new DrawUnit(g.Key, g.First().UnitName))
        .OrderBy(u => u.Number, StringComparer.Ordinal)
        .ToList();

    /// <summary>The published candidate list as the algorithm reads it.</summary>
    public IReadOnlyList<DrawCandidate> DrawCandidates => Candidates.Select(c => c.AsDrawCandidate()).ToList();

    public bool SeedIsPublic => Status == SpotCheckDrawStatus.Drawn;

    public static SpotCheckDraw Define(Guid campaignId, SpotCheckRules rules, SpotCheckWindow window, DateTimeOffset now, SpotCheckActor actor)
    {
        CheckDefinition(rules, window, now);
        var draw = new SpotCheckDraw
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Status = SpotCheckDrawStatus.Defined,
            Rules = rules,
            ConcurrencyToken = Guid.NewGuid(),
        };
        draw._steps.Add(new SpotCheckStep(SpotCheckStepKind.Defined, now, actor, "设定抽取规则：" + rules.Describe()));
        return draw;
    }

    public void Change(SpotCheckRules rules, SpotCheckWindow window, DateTimeOffset now, SpotCheckActor actor)
    {
        CheckRule(new SpotCheckFrozenAfterCommitmentRule(Status));
        CheckDefinition(rules, window, now);
        Rules = rules;
        ConcurrencyToken = Guid.NewGuid();
        _steps.Add(new SpotCheckStep(SpotCheckStepKind.Changed, now, actor, "修改抽取规则：" + rules.Describe()));
    }

    /// <summary>
    /// Publishes the commitment over <paramref name="seed"/>, freezing the definition and
    /// <paramref name="candidates"/> (in the order given; they are numbered here).
    /// </summary>
    public void Commit(string seed, DateTimeOffset drawAt, string publicValueSource, IReadOnlyList<CandidateToFreeze> candidates, SpotCheckWindow window, DateTimeOffset now, SpotCheckActor actor)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(window);
        if (!SpotCheckAlgorithm.IsWellFormedSeed(seed))
        {
            throw new ArgumentException("A seed is 64 lowercase hex characters.", nameof(seed));
        }

        CheckRule(new SpotCheckFrozenAfterCommitmentRule(Status));
        CheckRule(new SpotCheckWindowNotClosedRule(window.ClosesAt, now));
        CheckRule(new SpotCheckDrawTimeInTheFutureRule(drawAt, now));
        CheckRule(new SpotCheckDrawTimeInsideWindowRule(drawAt, window.OpensAt, window.ClosesAt));
        CheckRule(new PublicValueSourceNamedRule(publicValueSource));
        CheckRule(new OriginalsDueNotBeforeTheDrawRule(Rules.OriginalsDueOn, drawAt));
        CheckRule(new SpotCheckHasCandidatesRule(candidates.Count));

        for (var i = 0; i < candidates.Count; i++)
        {
            _candidates.Add(new SpotCheckCandidate(SpotCheckAlgorithm.CandidateNumber(i + 1, candidates.Count), candidates[i]));
        }

        Seed = seed;
        Commitment = SpotCheckAlgorithm.Commitment(seed);
        DrawAt = drawAt;
        PublicValueSource = publicValueSource.Trim();
        CandidatesDigest = SpotCheckAlgorithm.CandidatesDigest(Units, DrawCandidates);
        CommittedAt = now;
        Status = SpotCheckDrawStatus.Committed;
        ConcurrencyToken = Guid.NewGuid();
        _steps.Add(new SpotCheckStep(
            SpotCheckStepKind.Committed,
            now,
            actor,
            $"公布抽查承诺：承诺值 {Commitment}；抽取时间 {BeijingTime.Format(drawAt)}；公开数值来源 {PublicValueSource}；候选单位 {Units.Count} 个、申报人 {candidates.Count} 人，名单摘要 {CandidatesDigest}"));
    }

    /// <summary>Draws with the public value and reveals the seed; returns what was chosen.</summary>
    public DrawSelection Draw(string publicValue, SpotCheckWindow window, DateTimeOffset now, SpotCheckActor actor)
    {
        ArgumentNullException.ThrowIfNull(window);
        CheckRule(new OneSpotCheckDrawPerCampaignRule(Status, DrawnAt));
        CheckRule(new SpotCheckCommittedBeforeDrawRule(Status));
        CheckRule(new SpotCheckDrawNotBeforeScheduleRule(DrawAt!.Value, now));
        CheckRule(new SpotCheckWindowNotClosedRule(window.ClosesAt, now));
        CheckRule(new PublicValueGivenRule(publicValue));

        PublicValue = SpotCheckAlgorithm.NormalizePublicValue(publicValue);
        var selection = SpotCheckAlgorithm.Select(Seed!, PublicValue, Rules, Units, DrawCandidates);
        var inUnits = selection.PersonsInUnits.ToHashSet(StringComparer.Ordinal);
        var across = selection.PersonsAcross.ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in _candidates)
        {
            candidate.Choose(inUnits.Contains(candidate.Number) ? SpotCheckChoice.InChosenUnit
                : across.Contains(candidate.Number) ? SpotCheckChoice.Across
                : SpotCheckChoice.NotChosen);
        }

        DrawnAt = now;
        Status = SpotCheckDrawStatus.Drawn;
        ConcurrencyToken = Guid.NewGuid();
        _steps.Add(new SpotCheckStep(
            SpotCheckStepKind.Drawn,
            now,
            actor,
            $"抽取：公开数值 {PublicValue}；公开种子 {Seed}；抽中单位 {string.Join("、", selection.Units.DefaultIfEmpty("无"))}；抽中申报人 {string.Join("、", selection.Persons.DefaultIfEmpty("无"))}"));
        return selection;
    }

    /// <summary>The selection as recorded at the draw, in the algorithm's order within each part.</summary>
    public DrawSelection Selection() => Status == SpotCheckDrawStatus.Drawn
        ? SpotCheckAlgorithm.Select(Seed!, PublicValue!, Rules, Units, DrawCandidates)
        : new DrawSelection([], [], []);

    private static void CheckDefinition(SpotCheckRules rules, SpotCheckWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(window);
        CheckRule(new SpotCheckWindowNotClosedRule(window.ClosesAt, now));
        CheckRule(new DrawAmountIsSensibleRule(rules.Units, "抽取单位"));
        CheckRule(new PersonsPerUnitIsSensibleRule(rules.PersonsPerUnit));
        CheckRule(new DrawAmountIsSensibleRule(rules.Across, "抽取人员"));
        CheckRule(new SpotCheckChoosesSomeoneRule(rules));
        CheckRule(new OriginalsDueNotInThePastRule(rules.OriginalsDueOn, now));
    }
}

/// <summary>A candidate as the handler reads it, before it is numbered.</summary>
public sealed record CandidateToFreeze(Guid ApplicationId, string Name, string UnitNumber, string UnitName, TitleLevel Level);

public sealed class SpotCheckCandidate
{
    private SpotCheckCandidate()
    {
        Number = string.Empty;
        MaskedName = string.Empty;
        UnitNumber = string.Empty;
        UnitName = string.Empty;
    }

    internal SpotCheckCandidate(string number, CandidateToFreeze candidate)
    {
        Number = number;
        ApplicationId = candidate.ApplicationId;
        MaskedName = SpotCheckAlgorithm.MaskName(candidate.Name);
        UnitNumber = candidate.UnitNumber;
        UnitName = candidate.UnitName;
        Level = candidate.Level;
    }

    public long Id { get; private set; }

    /// <summary>The public candidate number, assigned at the commitment in the published order.</summary>
    public string Number { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string MaskedName { get; private set; }

    public string UnitNumber { get; private set; }

    public string UnitName { get; private set; }

    public TitleLevel Level { get; private set; }

    public SpotCheckChoice Choice { get; private set; }

    public bool Chosen => Choice != SpotCheckChoice.NotChosen;

    public DrawCandidate AsDrawCandidate() => new(Number, MaskedName, UnitNumber, Level);

    internal void Choose(SpotCheckChoice choice) => Choice = choice;
}

/// <summary>A journal row of the draw: when, who, what.</summary>
public sealed class SpotCheckStep
{
    private SpotCheckStep()
    {
        ActorId = string.Empty;
        ActorName = string.Empty;
        Text = string.Empty;
    }

    internal SpotCheckStep(SpotCheckStepKind kind, DateTimeOffset at, SpotCheckActor actor, string text)
    {
        Kind = kind;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Text = text;
    }

    public long Id { get; private set; }

    public SpotCheckStepKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public string Text { get; private set; }
}
