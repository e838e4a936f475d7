using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The 2023 defense, told through the defense's commands: on Fri Nov 24 the office schedules one
/// session on Mon Dec 4 09:00 (ten days' notice) with 赵强 at 09:00 before a panel of expert1–3,
/// and publishes it; on Dec 4 赵强 attends, the three experts score him and the panel concludes 合格.
/// Needs the committee formed (the experts' step) and the experts' pledges.
/// </summary>
internal static class DemoDefense
{
    public const string Place = "贵阳市南明区广顺路1号省委办公业务大楼1023室";

    private static readonly (string Expert, int Score, string Opinion)[] Scores =
    [
        ("expert1", 86, "答辩思路清晰，对企业思想政治工作的理解较深，回答问题准确。"),
        ("expert2", 82, "工作业绩突出，论文与实际工作结合紧密，个别问题阐述不够充分。"),
        ("expert3", 88, "理论基础扎实，答辩表达流畅，具备高级政工师的专业水平。"),
    ];

    /// <summary>Nov 24: one session on Dec 4 at 9:00 with 赵强 and a panel of three, published at once.</summary>
    internal static async Task PublishAsync(DemoStory story, Guid zhao, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 11, 24, 10, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        var panel = await story.ReadAsync(db => (
                from expert in db.Experts.AsNoTracking()
                join user in db.Users.AsNoTracking() on expert.UserId equals user.Id
                where user.UserName == "expert1" || user.UserName == "expert2" || user.UserName == "expert3"
                orderby user.UserName
                select expert.Id)
            .ToListAsync(cancellationToken));
        var session = await story.SendAsync<SaveDefenseSession, Guid>(
            new SaveDefenseSession(DemoCampaigns.HistoryYear, null, At(2023, 12, 4, 9, 0), Place, panel, office), cancellationToken);
        await story.SendAsync<AssignDefenseSlot, bool>(new AssignDefenseSlot(DemoCampaigns.HistoryYear, session, zhao, new TimeOnly(9, 0), office), cancellationToken);
        await story.AtAsync(At(2023, 11, 24, 10, 30), cancellationToken);
        await story.SendAsync<PublishDefenseSchedule, DefenseSchedulePublished>(new PublishDefenseSchedule(DemoCampaigns.HistoryYear, office), cancellationToken);
    }

    /// <summary>Dec 4: 赵强 attends, the panel scores him, the office records the conclusion.</summary>
    internal static async Task HoldAsync(DemoStory story, Guid zhao, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 12, 4, 9, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        await story.SendAsync<RecordDefenseAttendance, FireResult>(new RecordDefenseAttendance(zhao, DefenseAttendance.Present, null, office), cancellationToken);
        var minute = 40;
        foreach (var (expert, score, opinion) in Scores)
        {
            await story.AtAsync(At(2023, 12, 4, 9, minute++), cancellationToken);
            await story.SendAsync<SaveDefenseScore, bool>(new SaveDefenseScore(zhao, score, opinion, await story.ActorAsync(expert)), cancellationToken);
        }

        await story.AtAsync(At(2023, 12, 4, 9, 50), cancellationToken);
        await story.SendAsync<RecordDefenseConclusion, bool>(
            new RecordDefenseConclusion(zhao, true, "答辩小组评议：答辩合格。平均分85.3分。", office), cancellationToken);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
