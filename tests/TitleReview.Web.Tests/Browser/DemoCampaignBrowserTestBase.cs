using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Browser;

/// <summary>
/// Browser stories on the current demo campaign under a fake clock: the demo is seeded on Monday
/// 15 June 2026 and places each window a number of days after it (<see cref="DemoDay"/>); what a
/// story does not show in the browser it arranges through the real use cases.
/// </summary>
public abstract class DemoCampaignBrowserTestBase : BrowserTestBase
{
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
}
