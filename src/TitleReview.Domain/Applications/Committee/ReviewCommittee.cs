using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Committee;

public enum CommitteeRole
{
    /// <summary>主任委员 (chairs; confirms a re-vote).</summary>
    Chair = 1,

    /// <summary>副主任委员.</summary>
    DeputyChair = 2,

    /// <summary>委员.</summary>
    Member = 3,
}

public static class CommitteeRoleNames
{
    public static string Describe(CommitteeRole role) => role switch
    {
        CommitteeRole.Chair => "主任委员",
        CommitteeRole.DeputyChair => "副主任委员",
        CommitteeRole.Member => "委员",
        _ => string.Empty,
    };
}

/// <summary>
/// One seat on the committee. <see cref="LevelGroup"/> puts the member in the group that reviews
/// one level; null reviews every level.
/// </summary>
public sealed record CommitteeMember(Guid ExpertId, CommitteeRole Role, TitleLevel? LevelGroup)
{
    /// <summary>Whether the member reviews and votes on candidates of the level.</summary>
    public bool Reviews(TitleLevel level) => LevelGroup is null || LevelGroup == level;
}

/// <summary>
/// 评审委员会: the campaign's committee, formed by the office before the review. One per campaign;
/// its members are replaced as a whole while the office forms it.
/// </summary>
public sealed class ReviewCommittee : Entity
{
    public const int MaxNameLength = 100;

    private readonly List<CommitteeMember> _members = [];

    private ReviewCommittee()
    {
        Name = string.Empty;
        FormedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<CommitteeMember> Members => _members;

    public DateTimeOffset FormedAt { get; private set; }

    public string FormedBy { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public CommitteeMember? Chair => _members.FirstOrDefault(m => m.Role == CommitteeRole.Chair);

    public CommitteeMember? SeatOf(Guid expertId) => _members.FirstOrDefault(m => m.ExpertId == expertId);

    /// <summary>The members who review and vote on candidates of the level.</summary>
    public IReadOnlyList<CommitteeMember> MembersFor(TitleLevel level) => _members.Where(m => m.Reviews(level)).ToList();

    /// <param name="inactiveExperts">The experts among the members whose profiles are inactive.</param>
    public static ReviewCommittee Form(Guid campaignId, string name, IReadOnlyList<CommitteeMember> members, IReadOnlyCollection<Guid> inactiveExperts, DateTimeOffset now, string by)
    {
        var committee = new ReviewCommittee { Id = Guid.NewGuid(), CampaignId = campaignId };
        committee.Reform(name, members, inactiveExperts, now, by);
        return committee;
    }

    /// <summary>Replaces the committee's name and members as a whole.</summary>
    public void Reform(string name, IReadOnlyList<CommitteeMember> members, IReadOnlyCollection<Guid> inactiveExperts, DateTimeOffset now, string by)
    {
        CheckRule(new CommitteeHasANameRule(name));
        CheckRule(new CommitteeHasOneChairRule(members));
        CheckRule(new ExpertSitsOnceRule(members));
        CheckRule(new CommitteeMembersAreActiveRule(members, inactiveExperts));
        Name = name.Trim();
        _members.Clear();
        _members.AddRange(members);
        FormedAt = now;
        FormedBy = by;
        ConcurrencyToken = Guid.NewGuid();
    }
}

public sealed class CommitteeHasANameRule(string? name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(name) || name.Trim().Length > ReviewCommittee.MaxNameLength;

    public string Message => $"请填写评审委员会名称（{ReviewCommittee.MaxNameLength}字以内）。";
}

/// <summary>A committee has exactly one chair (主任委员).</summary>
public sealed class CommitteeHasOneChairRule(IReadOnlyList<CommitteeMember> members) : IBusinessRule
{
    public bool IsBroken() => members.Count(m => m.Role == CommitteeRole.Chair) != 1;

    public string Message => "评审委员会须有且仅有一名主任委员。";
}

/// <summary>An expert holds one seat on the committee.</summary>
public sealed class ExpertSitsOnceRule(IReadOnlyList<CommitteeMember> members) : IBusinessRule
{
    public bool IsBroken() => members.Select(m => m.ExpertId).Distinct().Count() != members.Count;

    public string Message => "同一专家在评审委员会中只能担任一个席位。";
}

/// <summary>Only active experts join a committee.</summary>
public sealed class CommitteeMembersAreActiveRule(IReadOnlyList<CommitteeMember> members, IReadOnlyCollection<Guid> inactiveExperts) : IBusinessRule
{
    public bool IsBroken() => members.Any(m => inactiveExperts.Contains(m.ExpertId));

    public string Message => "已停用的专家不能列入评审委员会。";
}
