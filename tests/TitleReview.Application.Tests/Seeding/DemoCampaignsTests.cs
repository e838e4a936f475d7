using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Seeding;

/// <summary>The demo story, told through the real use cases on a replay clock, as start-up tells it in Development.</summary>
public class DemoCampaignsTests : ApplicationTestBase
{
    private static readonly DateTimeOffset Today = BeijingTime.FromBeijing(new DateTime(2026, 11, 27, 10, 0, 0));

    protected override DateTimeOffset ClockStart => Today;

    protected override IDictionary<string, string?> ExtraConfiguration => new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" };

    [Test]
    public async Task Seed_InDevelopment_GivesEveryDemoScanAPdfOfItsOwn()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var files = sp.GetRequiredService<IFileStore>();
            var scans = await db.DossierAttachments.AsNoTracking().ToListAsync();
            scans.Should().HaveCountGreaterThan(20, "both campaigns' dossiers carry their scans");
            scans.Select(s => s.Sha256).Should().OnlyHaveUniqueItems("no demo scan may be flagged as another applicant's file");
            foreach (var scan in scans)
            {
                await using var content = await files.OpenVerifiedAsync(scan.StorageKey, scan.Sha256);
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                var text = System.Text.Encoding.ASCII.GetString(copy.ToArray());
                text.Should().StartWith("%PDF-1.4").And.EndWith("%%EOF\n").And.Contain("/STSong-Light");
            }
        });
    }

    [Test]
    public async Task Seed_WhenTheHistoryIsReplayed_EachStepIsJournalledAtItsInstantByItsPerson()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var li = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var steps = await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == li.InstanceId)
                .OrderBy(j => j.Id)
                .Select(j => new { j.ActorName, j.OccurredAt })
                .ToListAsync();
            steps.Select(s => (s.ActorName, BeijingTime.Format(s.OccurredAt))).Should().ContainInOrder(
                ("李华", "2023-08-02 20:15:00"),
                ("李华", "2023-08-20 21:30:00"),
                ("王敏", "2023-08-22 10:12:00"),
                ("李华", "2023-08-26 22:03:00"),
                ("王敏", "2023-08-29 09:48:00"),
                ("王敏", "2023-08-30 09:00:00"),
                ("王敏", "2023-09-06 09:30:00"),
                ("王敏", "2023-09-07 10:00:00"));

            var zhang = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "张丽");
            (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == zhang.InstanceId).Select(j => j.ActorName).ToListAsync())
                .Should().Contain(WorkflowActor.Clock.Name, "张丽 never submitted and the clock closed her application with filing");

            var publicity = await db.TitleApplications.AsNoTracking().SingleAsync(a => a.Id == li.ApplicationId);
            publicity.PublicityOutcome.Should().Be(PublicityOutcome.NoObjection);
            BeijingTime.Format(publicity.PublicityRecordedAt!.Value).Should().Be("2023-09-06 09:30:00");
        });
    }

    [Test]
    public async Task Seed_WhenAuditorsReview_TheyTakeTheReviewPagesOwnSteps()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var auditor1 = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "auditor1");
            var li = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var scans = await db.DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == li.ApplicationId).Select(a => a.Id).ToListAsync();
            var opened = await db.AttachmentOpenings.AsNoTracking().Where(o => o.UserId == auditor1.Id).Select(o => o.AttachmentId).ToListAsync();
            opened.Should().Contain(scans, "the auditor opens every scan before ticking its item, as the review page requires");
            (await db.DossierVerifications.AsNoTracking().CountAsync(v => v.ApplicationId == li.ApplicationId)).Should().BePositive();
            (await db.SectionReturns.AsNoTracking().CountAsync(r => r.ApplicationId == li.ApplicationId)).Should().Be(1);

            var registrations = await db.UnitRegistrations.AsNoTracking().Where(r => r.CreditCode == DemoAccounts.QiannanEnergy.CreditCode).ToListAsync();
            registrations.Should().HaveCount(2).And.OnlyContain(r => r.AuditorUserId == auditor1.Id && r.UnitId == DemoAccounts.QiannanEnergy.Id,
                "approval links the unit and its demo auditor's account, through the office's own use case");
            (await db.OutboundMessages.AsNoTracking().CountAsync(m => m.Recipient == "13800000101" && m.Subject == "审核人账号已可使用"))
                .Should().Be(2, "approval tells the auditor, once a year, that the account is ready");
            (await db.Users.CountAsync()).Should().Be(DemoAccounts.Users.Count, "approval found the demo auditors' accounts instead of making new ones");
        });
    }

    [Test]
    public async Task Seed_TheCurrentCampaign_LeavesEachPersonWhereTheReadmeSays()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var year = BeijingTime.DateOf(Today).Year;

            var li = await InstanceAsync(db, (await ApplicationOfAsync(db, year, "李华")).InstanceId);
            var zhao = await InstanceAsync(db, (await ApplicationOfAsync(db, year, "赵强")).InstanceId);
            definitions.Has(li, StateCapabilities.ApplicantMayEdit).Should().BeTrue("李华 is still filing");
            definitions.Has(zhao, StateCapabilities.AwaitingUnitReview).Should().BeTrue("赵强's dossier waits for 刘洋");
            (await db.TitleApplications.CountAsync(a => a.CampaignId == li.CampaignId)).Should().Be(2, "张丽 and 周婷 have not started, 吴磊 cannot");

            var tongren = await db.UnitRegistrations.AsNoTracking().SingleAsync(r => r.CreditCode == DemoAccounts.TongrenMaterials.CreditCode);
            var tongrenInstance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectId == tongren.Id);
            definitions.Has(tongrenInstance, StateCapabilities.RegistrationConfirmed).Should().BeFalse();
            definitions.Has(tongrenInstance, StateCapabilities.AwaitingOfficeApproval).Should().BeFalse("the clock closed it when confirmation ended");
        });
    }

    [Test]
    public async Task Seed_WhenTheOfficeReceivesThePaper_OneUnitIsCompleteAndTheOtherMissesThePhoto_WithReceipts()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var li = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var zhao = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var checkIns = await db.EnvelopeCheckIns.AsNoTracking().ToListAsync();
            checkIns.Single(c => c.ApplicationId == li.ApplicationId).IsComplete.Should().BeTrue();
            checkIns.Single(c => c.ApplicationId == zhao.ApplicationId).Shortfall.Should().StartWith("一寸免冠彩色近照：缺");
            BeijingTime.Format(checkIns.Single(c => c.ApplicationId == zhao.ApplicationId).CheckedAt).Should().Be("2023-09-08 10:46:00");
            var checkedIn = definitions.StatesWith("application", StateCapabilities.PaperCheckedIn);
            var incomplete = definitions.StatesWith("application", StateCapabilities.PaperIncomplete);
            async Task<string> LastCheckedInStateAsync(Guid instanceId) => (await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == instanceId && checkedIn.Contains(j.ToState)).OrderBy(j => j.Id).Select(j => j.ToState).ToListAsync()).Last();
            incomplete.Should().NotContain(await LastCheckedInStateAsync(li.InstanceId));
            incomplete.Should().Contain(await LastCheckedInStateAsync(zhao.InstanceId), "the photo never came, so the case stayed incomplete after the window");
            (await db.DeliveryReceipts.AsNoTracking().CountAsync(r => r.SupersededAt == null)).Should().Be(2);
        });
    }

    [Test]
    public async Task Seed_ThePreliminaryResults_ArePublishedOnOct8ForOct9To13_ZhaoPassesOnHisSupplement_AndBothUnitsFeedBack()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var publicity = await db.PublicPublicities.AsNoTracking().SingleAsync();
            publicity.PeriodText.Should().Be("公示期：2023年10月9日至10月13日", "Oct 7–8 were make-up working days after the National Day holiday");
            BeijingTime.Format(publicity.PublishedAt).Should().Be("2023-10-08 09:30:00");
            var (_, liId) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var (_, zhaoId) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var li = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == liId);
            var zhao = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == zhaoId);
            definitions.Has(li, StateCapabilities.PreliminaryPublished).Should().BeTrue();
            definitions.Has(li, StateCapabilities.PreliminaryPassed).Should().BeTrue();
            definitions.Has(zhao, StateCapabilities.PreliminaryPublished).Should().BeTrue();
            definitions.Has(li, StateCapabilities.PublicityCleared).Should().BeTrue("黔南's objection was dismissed");
            definitions.Has(zhao, StateCapabilities.PublicityCleared).Should().BeTrue("赵强 passed on his supplement, then 交通 reported no objection");
            var supplement = await db.Supplements.AsNoTracking().SingleAsync();
            (supplement.Decision, BeijingTime.Format(supplement.SubmittedAt!.Value)).Should().Be((Domain.Applications.Supplements.SupplementDecision.Passed, "2023-10-10 19:40:00"));
            (await db.PublicityFeedback.AsNoTracking().OrderBy(f => f.SubmittedAt).Select(f => f.Outcome).ToListAsync())
                .Should().Equal(Domain.Applications.Feedback.FeedbackOutcome.ObjectionDismissed, Domain.Applications.Feedback.FeedbackOutcome.NoObjection);
        });
    }

    [Test]
    public async Task Seed_WhenTheOfficeReviews_LiPasses_AndZhaoFailsForHisMissingPaper()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var li = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var zhao = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var decisions = await sp.GetRequiredService<IPreliminaryDecisions>().CurrentAsync([li.ApplicationId, zhao.ApplicationId]);

            decisions[li.ApplicationId].Outcome.Should().Be(PreliminaryOutcome.Passed);
            BeijingTime.Format(decisions[li.ApplicationId].DecidedAt).Should().Be("2023-09-25 10:00:00");
            decisions[zhao.ApplicationId].Reasons.Should().Equal("纸质材料不全");
            decisions[zhao.ApplicationId].Summary.Should().StartWith("纸质材料不全。说明：");
            (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == zhao.InstanceId).Select(j => j.Reason).ToListAsync())
                .Should().Contain(decisions[zhao.ApplicationId].Summary, "the journal says the reasons as the decision gave them");
        });
    }

    private static async Task<(Guid ApplicationId, Guid InstanceId)> ApplicationOfAsync(AppDbContext db, int year, string applicant)
    {
        var id = await (from a in db.TitleApplications
                        join c in db.Campaigns on a.CampaignId equals c.Id
                        where c.Year == year && a.ApplicantName == applicant
                        select a.Id).SingleAsync();
        return (id, await db.WorkflowInstances.Where(i => i.SubjectId == id).Select(i => i.Id).SingleAsync());
    }

    private static Task<WorkflowInstance> InstanceAsync(AppDbContext db, Guid id) =>
        db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id);
}
