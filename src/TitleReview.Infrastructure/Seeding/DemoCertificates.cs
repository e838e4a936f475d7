using TitleReview.Application.Applications.Certificates;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// The demo's 2023 certificates (issue 17, part 1): on Monday Dec 25 the office sets the numbering
/// of the two levels that passed (黔政工2023Z0001…, 黔政工2023G0001…) and issues both passed
/// candidates' certificates; on Thursday Dec 28 each unit collects its certificate with the returned
/// paper materials.
/// </summary>
internal static class DemoCertificates
{
    private const int Year = 2023;

    internal static async Task IssueAndCollectAsync(DemoStory story, CancellationToken cancellationToken)
    {
        var office = await story.ActorAsync("office");
        await story.AtAsync(At(12, 25, 9, 0), cancellationToken);
        foreach (var (level, code) in new[] { (TitleLevel.Intermediate, "Z"), (TitleLevel.Senior, "G") })
        {
            await story.SendAsync<ConfigureCertificateNumbering, string>(new ConfigureCertificateNumbering(Year, level, "黔政工", code, 4, 1, office), cancellationToken);
        }

        await story.AtAsync(At(12, 25, 9, 30), cancellationToken);
        await story.SendAsync<IssueCertificates, CertificatesIssued>(new IssueCertificates(Year, null, office), cancellationToken);

        foreach (var (at, unit, collector) in new[] { (At(12, 28, 10, 0), DemoAccounts.QiannanEnergy, "王敏"), (At(12, 28, 14, 30), DemoAccounts.ProvincialTransport, "刘洋") })
        {
            await story.AtAsync(at, cancellationToken);
            await story.SendAsync<RecordCertificateCollection, int>(
                new RecordCertificateCollection(Year, unit.Id, collector, new DateOnly(Year, 12, 28), true, null, office), cancellationToken);
        }
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(Year, month, day, hour, minute, 0));
}
