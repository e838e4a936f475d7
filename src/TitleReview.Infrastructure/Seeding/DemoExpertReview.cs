using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The 2023 history's expert review (issue 16): on Nov 20 each expert accepts the pledge (杨晓梅,
/// expert5, declares she once worked with 赵强); from Nov 27 to Dec 1 the chair, the deputy chair
/// and 马志远 read 李华's and 赵强's dossiers and write their opinions. Runs after the committee is
/// formed (Nov 13) and the defense published (Nov 24).
/// </summary>
internal static class DemoExpertReview
{
    private static readonly (string Expert, string Candidate, int Month, int Day, int Hour, string Text, OpinionRecommendation Recommendation)[] Readings =
    [
        ("expert1", "李华", 11, 27, 9, "工作业绩扎实，企业思想政治工作成效明显，论文与工作材料符合要求，同意推荐。", OpinionRecommendation.Recommend),
        ("expert1", "赵强", 11, 27, 15, "长期从事交通系统思想政治工作，成果突出，材料完整规范，同意推荐。", OpinionRecommendation.Recommend),
        ("expert2", "李华", 11, 28, 10, "任职期间业绩较好，继续教育学时达标，同意推荐。", OpinionRecommendation.Recommend),
        ("expert2", "赵强", 11, 29, 14, "业绩与论文符合高级政工师条件，答辩后再作最终判断。", OpinionRecommendation.Undecided),
        ("expert3", "李华", 11, 30, 9, "材料齐全，工作材料字数充足，同意推荐。", OpinionRecommendation.Recommend),
        ("expert3", "赵强", 12, 1, 16, "研究成果与实际工作结合紧密，同意推荐。", OpinionRecommendation.Recommend),
    ];

    /// <summary>Nov 20: every expert accepts the pledge; 杨晓梅 declares a conflict with 赵强.</summary>
    internal static async Task PledgeAsync(DemoStory story, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(story, cancellationToken);
        await story.AtAsync(At(11, 20, 9, 0), cancellationToken);
        foreach (var expert in new[] { "expert1", "expert2", "expert3", "expert4", "expert6" })
        {
            await story.SendAsync<AcceptPledge, Guid>(new AcceptPledge(DemoCampaigns.HistoryYear, true, [], await story.ActorAsync(expert)), cancellationToken);
        }

        await story.SendAsync<AcceptPledge, Guid>(
            new AcceptPledge(DemoCampaigns.HistoryYear, true, [new ConflictInput(candidates["赵强"], ConflictKind.OtherRelation, "曾为同一单位同事")], await story.ActorAsync("expert5")),
            cancellationToken);
    }

    /// <summary>Nov 27 – Dec 1: three experts read 李华's and 赵强's dossiers and write their opinions.</summary>
    internal static async Task ReadAsync(DemoStory story, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(story, cancellationToken);
        foreach (var (expert, candidate, month, day, hour, text, recommendation) in Readings)
        {
            await story.AtAsync(At(month, day, hour, 0), cancellationToken);
            var actor = await story.ActorAsync(expert);
            await story.SendAsync<OpenAssignedDossier, AssignedDossierOpened>(new OpenAssignedDossier(candidates[candidate], actor), cancellationToken);
            await story.AtAsync(story.Now.AddMinutes(40), cancellationToken);
            await story.SendAsync<WriteOpinion, Guid>(new WriteOpinion(candidates[candidate], text, recommendation, actor), cancellationToken);
        }
    }

    private static Task<Dictionary<string, Guid>> CandidatesAsync(DemoStory story, CancellationToken cancellationToken) =>
        story.ReadAsync(db => db.TitleApplications
            .Where(a => db.Campaigns.Any(c => c.Id == a.CampaignId && c.Year == DemoCampaigns.HistoryYear))
            .ToDictionaryAsync(a => a.ApplicantName, a => a.Id, cancellationToken));

    private static DateTimeOffset At(int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(DemoCampaigns.HistoryYear, month, day, hour, minute, 0));
}
