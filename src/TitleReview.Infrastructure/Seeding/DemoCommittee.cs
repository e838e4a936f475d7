using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.Forming;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The committee's office side in the demo: on Mon Nov 13, 2023 the office completes the six demo
/// experts' profiles and forms the 2023 committee, through the expert and committee pages' commands.
/// The people and organisations are invented, except 罗建国's unit, which is the demo's 黔南能源集团
/// (so he is recused from its candidates, 李华 among them).
/// </summary>
internal static class DemoCommittee
{
    /// <summary>The demo experts in seating order: the first chairs, the second is deputy, the rest are members.</summary>
    private static readonly DemoExpert[] Experts =
    [
        new("expert1", "黔中师范大学马克思主义学院", null, "教授", "思想政治教育"),
        new("expert2", "省直属机关思想政治工作研究会", null, "研究员", "思想政治工作理论与实务"),
        new("expert3", "黔岭交通建设集团有限公司", null, "高级政工师", "企业党建与思想政治工作"),
        new("expert4", DemoAccounts.QiannanEnergy.Name, DemoAccounts.QiannanEnergy.Id, "高级政工师", "企业思想政治工作"),
        new("expert5", "黔西南理工学院", null, "副教授", "管理心理学"),
        new("expert6", "黔东电力投资有限公司", null, "高级政工师", "职工思想教育与企业文化"),
    ];

    /// <summary>Nov 13, 2023, 09:30: the profiles, then the committee (expert1 chair, expert2 deputy chair, the rest members, no level groups).</summary>
    public static async Task SeedAsync(DemoStory story, int year, CancellationToken cancellationToken)
    {
        await story.AtAsync(BeijingTime.FromBeijing(new DateTime(2023, 11, 13, 9, 30, 0)), cancellationToken);
        var office = await story.ActorAsync("office");
        foreach (var expert in Experts)
        {
            var user = DemoAccounts.Users.Single(u => u.UserName == expert.UserName);
            var userId = await story.ReadAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == expert.UserName).Select(u => u.Id).SingleAsync(cancellationToken));
            await story.SendAsync<CompleteExpertProfile, ExpertSaved>(
                new CompleteExpertProfile(userId, new ExpertProfileInput(user.DisplayName, expert.UnitId, expert.Organisation, expert.Title, expert.Field, user.Mobile, null), office),
                cancellationToken);
        }

        await story.AtAsync(BeijingTime.FromBeijing(new DateTime(2023, 11, 13, 10, 0, 0)), cancellationToken);
        await FormCommitteeAsync(story, year, cancellationToken);
    }

    /// <summary>
    /// The office forms the year's committee from the demo experts as 2023's was formed, at the
    /// story's instant. Not called for the current campaign: its committee is the office's to form
    /// in the browser; call it from the current campaign's story to seat one there.
    /// </summary>
    public static async Task FormCommitteeAsync(DemoStory story, int year, CancellationToken cancellationToken)
    {
        var userNames = Experts.Select(e => e.UserName).ToList();
        var ids = await story.ReadAsync(db => (
                from expert in db.Experts.AsNoTracking()
                join user in db.Users.AsNoTracking() on expert.UserId equals user.Id
                where userNames.Contains(user.UserName!)
                select new { user.UserName, expert.Id })
            .ToDictionaryAsync(x => x.UserName!, x => x.Id, cancellationToken));
        var seats = userNames
            .Select((userName, index) => new CommitteeSeatInput(ids[userName], index switch { 0 => CommitteeRole.Chair, 1 => CommitteeRole.DeputyChair, _ => CommitteeRole.Member }, null))
            .ToList();
        await story.SendAsync<FormCommittee, CommitteeFormed>(
            new FormCommittee(year, FormCommittee.DefaultName(year), seats, null, await story.ActorAsync("office")), cancellationToken);
    }

    private sealed record DemoExpert(string UserName, string Organisation, Guid? UnitId, string Title, string Field);
}
