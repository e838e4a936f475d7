using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The demo's 2023 results (issue 16, item 5): on Monday Dec 11 the office publishes the committee's
/// results for Dec 11–15; on Dec 18 both units report that they publicised them on their notice
/// boards from Dec 12 to 18 and received no objection.
/// </summary>
internal static class DemoResults
{
    private const int Year = 2023;

    internal static async Task ResultsAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(12, 11, 9, 30), cancellationToken);
        await story.SendAsync<PublishCommitteeResults, CommitteeResultsPublished>(
            new PublishCommitteeResults(Year, new DateOnly(Year, 12, 11), 5, null, await story.ActorAsync("office")),
            cancellationToken);

        foreach (var (at, auditor) in new[] { (At(12, 18, 10, 0), "auditor1"), (At(12, 18, 15, 30), "auditor2") })
        {
            await story.AtAsync(at, cancellationToken);
            await story.SendAsync<SubmitResultsReport, Guid>(
                new SubmitResultsReport(Year, new DateOnly(Year, 12, 12), new DateOnly(Year, 12, 18), "本单位公示栏", [], await story.ActorAsync(auditor)),
                cancellationToken);
        }
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(Year, month, day, hour, minute, 0));
}
