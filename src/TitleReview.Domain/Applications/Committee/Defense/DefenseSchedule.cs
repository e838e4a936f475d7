using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee.Defense;

/// <summary>The campaign's defense window (the stage <c>defense</c>), <c>[OpensAt, ClosesAt)</c>.</summary>
public sealed record DefenseWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>A candidate as the schedule checks them: a senior on the published committee list or not.</summary>
public sealed record DefenseCandidate(Guid ApplicationId, string Name, TitleLevel Level, bool OnCommitteeList);

/// <summary>A recusal between a committee member and a candidate, named for the office's message.</summary>
public sealed record PanelRecusal(Guid ExpertId, string ExpertName, Guid ApplicationId, string CandidateName);

/// <summary>The experts who may sit on a defense panel: the committee's members who review seniors.</summary>
public sealed record PanelPool(IReadOnlyCollection<Guid> SeniorReviewers, IReadOnlyList<PanelRecusal> Recusals);

/// <summary>
/// 答辩安排: a campaign's defense sessions (date, time, place, panel), the senior candidates'
/// slots, and the one publication that announces them. Before publication the office edits it
/// freely; once published it is frozen (ADR 0046): what the candidates were told stands, and
/// the panel's conclusions are recorded against it.
/// </summary>
public sealed class DefenseSchedule : Entity
{
    /// <summary>A panel smaller than this cannot reach a two-thirds view with one dissent (三人以上, the usual 答辩小组).</summary>
    public const int MinPanelSize = 3;

    public const int MaxPlaceLength = 200;

    private readonly List<DefenseSession> _sessions = [];
    private readonly List<DefenseSlot> _slots = [];

    private DefenseSchedule()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public IReadOnlyList<DefenseSession> Sessions => _sessions.OrderBy(s => s.StartsAt).ToList();

    public IReadOnlyList<DefenseSlot> Slots => _slots.OrderBy(s => s.At).ToList();

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedByName { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public Guid ConcurrencyToken { get; private set; }

    public static DefenseSchedule For(Guid campaignId) => new() { Id = Guid.NewGuid(), CampaignId = campaignId, ConcurrencyToken = Guid.NewGuid() };

    public IReadOnlyList<DefenseSlot> SlotsOf(Guid sessionId) => Slots.Where(s => s.SessionId == sessionId).ToList();

    public DefenseSlot? SlotOf(Guid applicationId) => _slots.FirstOrDefault(s => s.ApplicationId == applicationId);

    public DefenseSession? Session(Guid sessionId) => _sessions.FirstOrDefault(s => s.Id == sessionId);

    /// <summary>Adds a session, or changes one when <paramref name="sessionId"/> names it; its slots keep their order of times relative to the start.</summary>
    public Guid SaveSession(Guid? sessionId, DateTimeOffset startsAt, string place, IReadOnlyList<Guid> panel, DefenseWindow window, PanelPool pool)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(pool);
        CheckRule(new DefenseScheduleFrozenAfterPublicationRule(PublishedAt));
        CheckRule(new DefenseSessionInsideTheWindowRule(startsAt, window));
        CheckRule(new DefensePlaceGivenRule(place));
        CheckRule(new DefensePanelLargeEnoughRule(panel));
        CheckRule(new DefensePanelReviewsSeniorsRule(panel, pool.SeniorReviewers));
        var session = sessionId is { } id ? Session(id) ?? throw new ArgumentException("No such session.", nameof(sessionId)) : null;
        var candidates = session is null ? [] : SlotsOf(session.Id).Select(s => s.ApplicationId).ToList();
        CheckRule(new NoRecusedExpertOnThePanelRule(panel, candidates, pool.Recusals));
        if (session is null)
        {
            session = new DefenseSession(Guid.NewGuid(), startsAt, place.Trim(), panel);
            _sessions.Add(session);
        }
        else
        {
            var shift = startsAt - session.StartsAt;
            foreach (var slot in _slots.Where(s => s.SessionId == session.Id))
            {
                slot.MoveBy(shift);
            }

            session.Change(startsAt, place.Trim(), panel);
        }

        ConcurrencyToken = Guid.NewGuid();
        return session.Id;
    }

    public void RemoveSession(Guid sessionId)
    {
        CheckRule(new DefenseScheduleFrozenAfterPublicationRule(PublishedAt));
        _sessions.RemoveAll(s => s.Id == sessionId);
        _slots.RemoveAll(s => s.SessionId == sessionId);
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Puts a senior candidate on the list in a session's slot at <paramref name="at"/> (on the session's day, from its start).</summary>
    public void Assign(Guid sessionId, DefenseCandidate candidate, DateTimeOffset at, PanelPool pool)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pool);
        CheckRule(new DefenseScheduleFrozenAfterPublicationRule(PublishedAt));
        var session = Session(sessionId) ?? throw new ArgumentException("No such session.", nameof(sessionId));
        CheckRule(new OnlySeniorCandidatesOnTheListDefendRule(candidate));
        CheckRule(new CandidateInOneSlotRule(candidate.Name, _slots.Any(s => s.ApplicationId == candidate.ApplicationId)));
        CheckRule(new SlotWithinItsSessionRule(session.StartsAt, at));
        CheckRule(new NoRecusedExpertOnThePanelRule(session.Panel, [candidate.ApplicationId], pool.Recusals));
        _slots.Add(new DefenseSlot(sessionId, candidate.ApplicationId, at));
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Unassign(Guid applicationId)
    {
        CheckRule(new DefenseScheduleFrozenAfterPublicationRule(PublishedAt));
        _slots.RemoveAll(s => s.ApplicationId == applicationId);
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Announces the schedule: every senior on the list has a slot, every session a candidate, and the first session is at least the notice away.</summary>
    /// <param name="unscheduled">The names of the seniors on the list without a slot.</param>
    public void Publish(int noticeDays, IReadOnlyList<string> unscheduled, DateTimeOffset now, string byName)
    {
        ArgumentNullException.ThrowIfNull(unscheduled);
        CheckRule(new DefenseScheduleFrozenAfterPublicationRule(PublishedAt));
        CheckRule(new DefenseScheduleHasSessionsRule(_sessions.Count));
        CheckRule(new EverySessionHasACandidateRule(_sessions.Where(s => SlotsOf(s.Id).Count == 0).Select(s => s.StartsAt).ToList()));
        CheckRule(new EverySeniorCandidateScheduledRule(unscheduled));
        CheckRule(new DefenseNoticeGivenRule(_sessions.Min(s => s.StartsAt), now, noticeDays));
        PublishedAt = now;
        PublishedByName = byName;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>The panel's conclusion (答辩结论) on an attended candidate, once every panel member has scored them; recorded once.</summary>
    public void Conclude(Guid applicationId, bool? qualified, string? text, int scores, DateTimeOffset now, string byName)
    {
        var slot = SlotOf(applicationId) ?? throw new ArgumentException("No such slot.", nameof(applicationId));
        var session = Session(slot.SessionId)!;
        CheckRule(new DefenseConclusionOnceRule(slot.ConcludedAt));
        CheckRule(new DefenseConclusionAfterThePanelScoredRule(session.Panel.Count, scores));
        CheckRule(new DefenseConclusionStatedRule(qualified, text));
        slot.Conclude(qualified!.Value, text!.Trim(), now, byName);
        ConcurrencyToken = Guid.NewGuid();
    }
}

/// <summary>One defense session: when (UTC), where, and the panel's experts.</summary>
public sealed class DefenseSession
{
    private List<Guid> _panel = [];

    private DefenseSession()
    {
        Place = string.Empty;
    }

    internal DefenseSession(Guid id, DateTimeOffset startsAt, string place, IReadOnlyList<Guid> panel)
    {
        Id = id;
        StartsAt = startsAt.ToUniversalTime();
        Place = place;
        _panel = [.. panel.Distinct()];
    }

    public Guid Id { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string Place { get; private set; }

    public IReadOnlyList<Guid> Panel => _panel;

    internal void Change(DateTimeOffset startsAt, string place, IReadOnlyList<Guid> panel)
    {
        StartsAt = startsAt.ToUniversalTime();
        Place = place;
        _panel = [.. panel.Distinct()];
    }
}

/// <summary>A candidate's slot in a session, and the panel's conclusion once recorded.</summary>
public sealed class DefenseSlot
{
    public const int MaxConclusionLength = 1000;

    private DefenseSlot()
    {
    }

    internal DefenseSlot(Guid sessionId, Guid applicationId, DateTimeOffset at)
    {
        SessionId = sessionId;
        ApplicationId = applicationId;
        At = at.ToUniversalTime();
    }

    public Guid SessionId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>答辩结论: 合格 (true) or 不合格 (false); null until recorded.</summary>
    public bool? Qualified { get; private set; }

    public string? ConclusionText { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    public string? ConcludedByName { get; private set; }

    internal void MoveBy(TimeSpan shift) => At += shift;

    internal void Conclude(bool qualified, string text, DateTimeOffset now, string byName)
    {
        Qualified = qualified;
        ConclusionText = text;
        ConcludedAt = now;
        ConcludedByName = byName;
    }
}
