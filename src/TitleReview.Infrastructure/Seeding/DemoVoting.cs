using TitleReview.Application.Applications.Committee.Voting;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>The committee's vote in the 2023 history, told through the vote's own commands.</summary>
internal static class DemoVoting
{
    /// <summary>
    /// Wed Dec 6, 2023: at 9:00 the office opens the intermediate session (李华) and the senior
    /// session (赵强) with all six experts present; each expert casts their ballots from their own
    /// account (expert4, from 黔南能源, is recused from 李华; expert5 declared a conflict with 赵强):
    /// four approvals and one abstention each, so both pass; at 11:30 the office closes both.
    /// </summary>
    internal static async Task VoteAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 12, 6, 9, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        var desk = await story.SendAsync<GetVotingDesk, VotingDeskView>(new GetVotingDesk(DemoCampaigns.HistoryYear, office), cancellationToken);
        var sessions = new List<Guid>();
        foreach (var level in desk.Levels.Where(l => l.Level is TitleLevel.Intermediate or TitleLevel.Senior && l.Session is null && l.OpenRefusal is null))
        {
            sessions.Add(await story.SendAsync<OpenVotingSession, Guid>(
                new OpenVotingSession(DemoCampaigns.HistoryYear, level.Level, [.. level.Members.Select(m => m.ExpertId)], office), cancellationToken));
        }

        foreach (var (expert, minute) in new[] { ("expert1", 10), ("expert2", 12), ("expert3", 15), ("expert4", 18), ("expert5", 21), ("expert6", 25) })
        {
            await story.AtAsync(At(2023, 12, 6, 10, minute), cancellationToken);
            var actor = await story.ActorAsync(expert);
            var view = await story.SendAsync<GetExpertVoting, ExpertVotingView>(new GetExpertVoting(actor), cancellationToken);
            foreach (var session in view.Sessions.Where(s => s.MayVote))
            {
                var choice = expert == "expert6" ? BallotChoice.Abstain : BallotChoice.Agree;
                var ballots = session.Rows.Where(r => !r.Recused && !r.Voted).ToDictionary(r => r.ApplicationId, _ => (BallotChoice?)choice);
                await story.SendAsync<CastBallots, int>(new CastBallots(session.SessionId, ballots, actor), cancellationToken);
            }
        }

        await story.AtAsync(At(2023, 12, 6, 11, 30), cancellationToken);
        foreach (var session in sessions)
        {
            await story.SendAsync<CloseVotingSession, VotingSessionClosed>(new CloseVotingSession(session, office), cancellationToken);
        }
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
