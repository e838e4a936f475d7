using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Committee;

/// <summary>
/// The committee's stage (issue 16) on the 2023 timeline: the list was published in early November,
/// the defense and the review run Dec 4–8, the results Dec 11–22. Cases are filed and approved
/// through the use cases, then put where the published list leaves them (the earlier stages have
/// their own tests); the committee is seated from the demo experts.
/// </summary>
public abstract class CommitteeTestBase : WorkflowTestBase
{
    /// <summary>The demo experts seated by <see cref="SeatCommitteeAsync"/>: expert1 chairs, expert2 is deputy, the rest are members.</summary>
    protected static readonly string[] ExpertUserNames = ["expert1", "expert2", "expert3", "expert4", "expert5", "expert6"];

    /// <summary>expert4's organisation is 黔南能源集团 (a registered unit): they are recused from its candidates.</summary>
    protected const string QiannanExpert = "expert4";

    protected Dictionary<string, Guid> Experts { get; } = [];

    /// <summary>
    /// Files, submits and approves the applicant's application (Aug 10, 2023), then puts the case on
    /// the published committee list: state OnCommitteeList, no timers. Returns the application id.
    /// </summary>
    protected async Task<Guid> OnCommitteeListAsync(string applicant, string auditor, TitleLevel level)
    {
        var now = Clock.GetUtcNow();
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var instance = await StartApplicationAsync(applicant, level);
        await FireAsync(instance, "submit", applicant);
        await FireAsync(instance, "approve", auditor);
        if (now > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(now);
        }

        return await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var latest = sp.GetRequiredService<IWorkflowDefinitions>().Latest("application").Version;
            await db.WorkflowBookmarks.Where(b => b.InstanceId == instance).ExecuteDeleteAsync();
            await db.WorkflowInstances.Where(i => i.Id == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, "OnCommitteeList").SetProperty(i => i.DefinitionVersion, latest));
            return await db.WorkflowInstances.Where(i => i.Id == instance).Select(i => i.SubjectId).SingleAsync();
        });
    }

    /// <summary>
    /// Gives the six demo experts profiles (expert4 from 黔南能源集团) and seats them on the
    /// campaign's committee; <paramref name="levelGroups"/> puts named experts in one level's group.
    /// </summary>
    protected async Task SeatCommitteeAsync(IReadOnlyDictionary<string, TitleLevel>? levelGroups = null)
    {
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = await db.Users.Where(u => ExpertUserNames.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u);
            var members = new List<CommitteeMember>();
            foreach (var (userName, index) in ExpertUserNames.Select((n, i) => (n, i)))
            {
                var user = users[userName];
                var expert = userName == QiannanExpert
                    ? Expert.Create(user.Id, user.DisplayName, DemoAccounts.QiannanEnergy.Name, DemoAccounts.QiannanEnergy.Id, "高级政工师", "企业思想政治工作")
                    : Expert.Create(user.Id, user.DisplayName, "贵州示范大学", null, "教授", "思想政治教育");
                db.Experts.Add(expert);
                Experts[userName] = expert.Id;
                var role = index switch { 0 => CommitteeRole.Chair, 1 => CommitteeRole.DeputyChair, _ => CommitteeRole.Member };
                members.Add(new CommitteeMember(expert.Id, role, levelGroups is not null && levelGroups.TryGetValue(userName, out var level) ? level : null));
            }

            db.ReviewCommittees.Add(ReviewCommittee.Form(CampaignId, "2023年度贵州省政工专业职务任职资格评审委员会", members, [], Clock.GetUtcNow(), "office"));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The expert accepts the campaign's pledge, declaring conflicts with the given applications.</summary>
    protected Task PledgeAsync(string expertUserName, params Guid[] conflictsWith) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var candidates = await db.TitleApplications.Where(a => a.CampaignId == CampaignId).Select(a => a.Id).ToListAsync();
        var conflicts = conflictsWith.Select(id => new DeclaredConflict(id, ConflictKind.Relative, "近亲属", Clock.GetUtcNow())).ToList();
        db.ExpertDeclarations.Add(ExpertDeclaration.Pledge(Experts[expertUserName], CampaignId, true, conflicts, candidates, Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });
}
