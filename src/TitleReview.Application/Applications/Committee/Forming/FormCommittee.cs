using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Forming;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Forming;

/// <summary>One expert's place in the form: no role leaves them off the committee; no level group reviews every level.</summary>
public sealed record CommitteeSeatInput(Guid ExpertId, CommitteeRole? Role, TitleLevel? LevelGroup);

/// <summary>
/// The office forms the year's committee, or re-forms it as a whole, from active experts: a name,
/// one chair, deputies and members, each optionally in one level's group. Refused once the year's
/// defense and vote window has closed. Journaled on the campaign, naming every seat.
/// </summary>
public sealed record FormCommittee(int Year, string? Name, IReadOnlyList<CommitteeSeatInput> Seats, Guid? ExpectedToken, WorkflowActor Actor)
{
    public const int MaxNameLength = ReviewCommittee.MaxNameLength;

    /// <summary>The campaign journal's trigger for a formed or re-formed committee (not a workflow trigger).</summary>
    public const string JournalTrigger = "formCommittee";

    public static string DefaultName(int year) => $"{year}年度贵州省政工专业职务任职资格评审委员会";
}

public sealed record CommitteeFormed(Guid CommitteeId, string Name, int Members, bool Reformed);

internal sealed class FormCommitteeHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<FormCommittee, CommitteeFormed>
{
    private const string Conflict = "评审委员会刚刚已被他人调整，您的修改未保存。请刷新页面查看最新组成后再改。";

    public async Task<CommitteeFormed> HandleAsync(FormCommittee request, CancellationToken cancellationToken = default)
    {
        ExpertProfiles.RequireOffice(request.Actor);
        var seats = (request.Seats ?? []).Where(s => s.Role is not null).ToList();
        var nameRule = new CommitteeHasANameRule(request.Name);
        new Validation()
            .Require(!nameRule.IsBroken(), nameof(request.Name), nameRule.Message)
            .Require(seats.All(s => Enum.IsDefined(s.Role!.Value) && (s.LevelGroup is null || Enum.IsDefined(s.LevelGroup.Value))), nameof(request.Seats), "请为每位成员选择职务和评审等级分组。")
            .ThrowIfInvalid();

        var campaign = await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度评审工作");
        var now = clock.GetUtcNow();
        Require(new CommitteeFormedBeforeTheReviewEndsRule(campaign.Year, CommitteeYears.DefenseClosesAt(campaign), now));

        var ids = seats.Select(s => s.ExpertId).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        new Validation().Require(ids.All(experts.ContainsKey), nameof(request.Seats), "评审委员会成员须从评审专家库中选择。").ThrowIfInvalid();

        var members = seats.Select(s => new CommitteeMember(s.ExpertId, s.Role!.Value, s.LevelGroup)).ToList();
        var inactive = experts.Values.Where(e => !e.IsActive).Select(e => e.Id).ToList();
        var committee = await db.ReviewCommittees.FirstOrDefaultAsync(c => c.CampaignId == campaign.Id, cancellationToken);
        if (committee is not null && request.ExpectedToken is { } token && token != committee.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException(Conflict);
        }

        var reformed = committee is not null;
        if (committee is null)
        {
            committee = ReviewCommittee.Form(campaign.Id, request.Name!, members, inactive, now, request.Actor.Name);
            db.ReviewCommittees.Add(committee);
        }
        else
        {
            committee.Reform(request.Name!, members, inactive, now, request.Actor.Name);
        }

        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id, cancellationToken);
        instance.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id, instance.State, FormCommittee.JournalTrigger, instance.State, request.Actor, Describe(committee, experts, reformed), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(Conflict, ex);
        }

        return new CommitteeFormed(committee.Id, committee.Name, committee.Members.Count, reformed);
    }

    /// <summary>The journal's line: every seat by role, with its level group, so a later re-forming shows what changed.</summary>
    private static string Describe(ReviewCommittee committee, IReadOnlyDictionary<Guid, Expert> experts, bool reformed)
    {
        string Seat(CommitteeMember m) => m.LevelGroup is { } level ? $"{experts[m.ExpertId].Name}（{TitleLevels.DisplayName(level)}组）" : experts[m.ExpertId].Name;
        var roles = Enum.GetValues<CommitteeRole>()
            .Select(role => (role, names: committee.Members.Where(m => m.Role == role).Select(Seat).ToList()))
            .Where(x => x.names.Count > 0)
            .Select(x => $"{CommitteeRoleNames.Describe(x.role)} {string.Join("、", x.names)}");
        return $"{(reformed ? "调整" : "组建")}“{committee.Name}”：{string.Join("；", roles)}（共 {committee.Members.Count} 人）";
    }

    private static void Require(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
