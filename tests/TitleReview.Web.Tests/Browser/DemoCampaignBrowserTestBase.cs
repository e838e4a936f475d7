using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using TitleReview.Web.Tests.Performance;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Browser stories on the current demo campaign under a fake clock: the demo is seeded on Monday
/// 15 June 2026 and places each window a number of days after it (<see cref="DemoDay"/>); what a
/// story does not show in the browser it arranges through the real use cases.
/// </summary>
public abstract class DemoCampaignBrowserTestBase : BrowserTestBase
{
    protected const string Other = "申报人001";

    protected static readonly DateTimeOffset Monday15June2026 = BeijingTime.FromBeijing(new DateTime(2026, 6, 15, 10, 0, 0));

    protected FakeTimeProvider Clock { get; } = new(Monday15June2026);

    protected override TitleReviewFactory CreateFactory() =>
        new(kestrel: true, clock: Clock, settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });

    /// <summary>9:00 Beijing time, <paramref name="days"/> days after the demo was seeded.</summary>
    protected static DateTimeOffset DemoDay(int days) => BeijingTime.StartOfDay(BeijingTime.DateOf(Monday15June2026).AddDays(days)).AddHours(9);

    /// <summary>
    /// The demo's 赵强 goes to the office through the auditor's use cases (the browser part of the
    /// review is other tests' business): every scan opened and item ticked, approved, publicised for
    /// five working days, no objection, submitted.
    /// </summary>
    protected async Task<Guid> SubmitZhaoToTheOfficeAsync()
    {
        var zhao = await ReadAsync(db => (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2026 && a.ApplicantName == "赵强" select a.Id).SingleAsync());
        var auditor = await ActorAsync("auditor2", "Auditor", DemoAccounts.ProvincialTransport.Id);
        var dossier = await SendAsync<GetDossier, DossierView>(new GetDossier(zhao, auditor));
        foreach (var scan in dossier.Attachments.Values)
        {
            await using var opened = (await SendAsync<OpenAttachment, OpenedAttachment>(new OpenAttachment(scan.Id, auditor))).Content;
        }

        foreach (var item in dossier.Mandatory)
        {
            await SendAsync<VerifyItem, Guid>(new VerifyItem(zhao, item.Key, true, auditor));
        }

        await SendAsync<ApproveDossier, FireResult>(new ApproveDossier(zhao, auditor));
        await SendAsync<StartUnitPublicity, PublicityStarted>(new StartUnitPublicity([zhao], auditor));
        Clock.SetUtcNow(BeijingTime.FromBeijing(new DateTime(2026, 6, 23, 9, 0, 0)));
        await SendAsync<RecordUnitPublicity, FireResult>(new RecordUnitPublicity(zhao, PublicityOutcome.NoObjection, null, auditor));
        await SendAsync<SubmitToOffice, int>(new SubmitToOffice([zhao], auditor));
        return zhao;
    }

    protected async Task<WorkflowActor> ActorAsync(string userName, string role, Guid? unitId)
    {
        var user = await ReadAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        return new WorkflowActor(user.Id, user.DisplayName, [role], unitId);
    }

    protected async Task<TResult> SendAsync<TCommand, TResult>(TCommand command)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command);
    }

    protected async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// 赵强 goes to the office through the auditor's use cases, a second applicant is copied from him,
    /// and in the delivery window the office checks both envelopes in complete (the counter is other tests' business).
    /// </summary>
    protected async Task<(Guid Zhao, Guid Other)> TwoCheckedInDossiersAsync()
    {
        var zhao = await SubmitZhaoToTheOfficeAsync();
        await MoreRows.AddApplicationsLikeAsync(Factory, zhao, 1);
        var other = await ReadAsync(async db =>
        {
            var snapshot = await db.DossierSnapshots.AsNoTracking().Where(s => s.ApplicationId == zhao).OrderByDescending(s => s.TakenAt).FirstAsync();
            var copy = await db.TitleApplications.Where(a => a.UnitId == DemoAccounts.ProvincialTransport.Id && a.ApplicantName == Other).Select(a => a.Id).SingleAsync();
            db.DossierSnapshots.Add(new DossierSnapshot { Id = Guid.NewGuid(), ApplicationId = copy, TakenAt = snapshot.TakenAt, Content = snapshot.Content });
            await db.SaveChangesAsync();
            return copy;
        });

        Clock.SetUtcNow(DemoDay(33));
        var office = await ActorAsync("office", "Office", null);
        await SendAsync<OpenPaperDelivery, Guid>(new OpenPaperDelivery(2026, DemoAccounts.ProvincialTransport.Id, office));
        foreach (var id in new[] { zhao, other })
        {
            var counter = await SendAsync<GetPaperCounter, PaperCounterView>(new GetPaperCounter(2026, null, DemoAccounts.ProvincialTransport.Id, id, office));
            var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
            (await SendAsync<CheckInEnvelope, EnvelopeCheckedIn>(new CheckInEnvelope(2026, DemoAccounts.ProvincialTransport.Id, id, items, office))).Complete.Should().BeTrue();
        }

        return (zhao, other);
    }

    /// <summary>
    /// The two dossiers of <see cref="TwoCheckedInDossiersAsync"/> taken through the preliminary
    /// review by the use cases: both passed on day 49, published for Aug 4–10, and on day 70 the
    /// unit's auditor feeds back no objection for both, so both may be drawn and referred.
    /// </summary>
    protected async Task<(Guid Zhao, Guid Other)> TwoClearedDossiersAsync()
    {
        var (zhao, other) = await TwoCheckedInDossiersAsync();
        Clock.SetUtcNow(DemoDay(49));
        var office = await ActorAsync("office", "Office", null);
        foreach (var id in new[] { zhao, other })
        {
            await SendAsync<PassPreliminary, PreliminaryDecided>(new PassPreliminary(id, null, null, office));
        }

        await SendAsync<PublishPreliminaryResults, PreliminaryResultsPublished>(new PublishPreliminaryResults(2026, new DateOnly(2026, 8, 4), null, null, office));

        Clock.SetUtcNow(DemoDay(70));
        var auditor = await ActorAsync("auditor2", "Auditor", DemoAccounts.ProvincialTransport.Id);
        foreach (var id in new[] { zhao, other })
        {
            await SendAsync<RecordFeedback, Guid>(new RecordFeedback(id, FeedbackOutcome.NoObjection, null, null, auditor));
        }

        (await SendAsync<SubmitUnitFeedback, int>(new SubmitUnitFeedback(2026, auditor))).Should().Be(2);
        return (zhao, other);
    }

    /// <summary>
    /// The two dossiers of <see cref="TwoClearedDossiersAsync"/> on the published committee list:
    /// no draw was announced, so on day 87 the office publishes the list (from day 88) and both go to the committee.
    /// </summary>
    protected async Task<(Guid Zhao, Guid Other)> TwoOnCommitteeListAsync()
    {
        var (zhao, other) = await TwoClearedDossiersAsync();
        Clock.SetUtcNow(DemoDay(87));
        var office = await ActorAsync("office", "Office", null);
        await SendAsync<PublishCommitteeList, CommitteeListPublished>(new PublishCommitteeList(2026, BeijingTime.DateOf(DemoDay(88)), null, null, office));
        return (zhao, other);
    }
}
