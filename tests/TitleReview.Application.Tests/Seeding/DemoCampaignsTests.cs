using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Integrity;
using TitleReview.Application.Tests.Applicants;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Applications;
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
            var publicity = await db.PublicPublicities.AsNoTracking().SingleAsync(p => p.Kind == PublicPublicityKind.PreliminaryResults);
            publicity.PeriodText.Should().Be("公示期：2023年10月9日至10月13日", "Oct 7–8 were make-up working days after the National Day holiday");
            BeijingTime.Format(publicity.PublishedAt).Should().Be("2023-10-08 09:30:00");
            var (_, liId) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var (_, zhaoId) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var li = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == liId);
            var zhao = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == zhaoId);
            // Both have gone on to the committee since: their journals keep each step.
            (await PassedThroughAsync(db, definitions, li.Id, StateCapabilities.PreliminaryPublished)).Should().BeTrue();
            (await PassedThroughAsync(db, definitions, li.Id, StateCapabilities.PreliminaryPassed)).Should().BeTrue();
            (await PassedThroughAsync(db, definitions, zhao.Id, StateCapabilities.PreliminaryPublished)).Should().BeTrue();
            async Task<bool> WasClearedAsync(Domain.Workflows.WorkflowInstance instance) =>
                (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance.Id).Select(j => j.ToState).ToListAsync())
                    .Any(state => definitions.Has(instance.DefinitionId, instance.DefinitionVersion, state, StateCapabilities.PublicityCleared));
            (await WasClearedAsync(li)).Should().BeTrue("黔南's objection was dismissed");
            (await WasClearedAsync(zhao)).Should().BeTrue("赵强 passed on his supplement, then 交通 reported no objection");
            var supplement = await db.Supplements.AsNoTracking().SingleAsync();
            (supplement.Decision, BeijingTime.Format(supplement.SubmittedAt!.Value)).Should().Be((Domain.Applications.Supplements.SupplementDecision.Passed, "2023-10-10 19:40:00"));
            (await db.PublicityFeedback.AsNoTracking().OrderBy(f => f.SubmittedAt).Select(f => f.Outcome).ToListAsync())
                .Should().Equal(Domain.Applications.Feedback.FeedbackOutcome.ObjectionDismissed, Domain.Applications.Feedback.FeedbackOutcome.NoObjection);
        });
    }

    [Test]
    public async Task Seed_TheSpotCheck_IsCommittedOnOct23_DrawnOnOct25With581_AndChoosesOneOfTheTwoUnitsWhole()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var draw = await db.SpotCheckDraws.AsNoTracking().SingleAsync();
            (draw.Status, draw.PublicValue, draw.PublicValueSource).Should().Be((SpotCheckDrawStatus.Drawn, "581", "2023年10月24日中国福利彩票“3D”开奖号码"));
            draw.Steps.Select(s => (s.Kind, BeijingTime.Format(s.At))).Should().Equal(
                (SpotCheckStepKind.Defined, "2023-10-23 09:30:00"),
                (SpotCheckStepKind.Committed, "2023-10-23 10:00:00"),
                (SpotCheckStepKind.Drawn, "2023-10-25 10:00:00"));
            draw.Commitment.Should().Be(SpotCheckAlgorithm.Commitment(draw.Seed!));
            draw.Candidates.Should().HaveCount(2);

            // Which unit the seed chooses is chance: only that it is one, with everyone in it.
            var chosen = draw.Candidates.Where(c => c.Chosen).ToList();
            chosen.Should().ContainSingle().Which.Choice.Should().Be(SpotCheckChoice.InChosenUnit);
            var chosenCase = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectId == chosen[0].ApplicationId);
            (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == chosenCase.Id).Select(j => j.Reason).ToListAsync())
                .Should().Contain("抽中抽查复核：请于2023年10月30日前以单位名义将全部申报材料原件报送省政工职评办复核。");
        });
    }

    [Test]
    public async Task Seed_TheCommitteeList_IsPublishedOnNov2ForNov3To9_WithLiAndZhaoOnIt()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var list = await db.PublicPublicities.AsNoTracking().SingleAsync(p => p.Kind == PublicPublicityKind.CommitteeList);
            (list.Title, list.PeriodText, BeijingTime.Format(list.PublishedAt))
                .Should().Be(("2023年度贵州省政工专业职务任职资格送评审委员会评审人员名单公示", "公示期：2023年11月3日至11月9日", "2023-11-02 10:00:00"));
            foreach (var name in new[] { "李华", "赵强" })
            {
                var (_, instanceId) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, name);
                (await PassedThroughAsync(db, definitions, instanceId, StateCapabilities.ReferredToCommittee)).Should().BeTrue($"{name} was eligible");
            }
        });
    }

    /// <summary>Dec 6: the intermediate and the senior sessions, all six present, both candidates pass.</summary>
    [Test]
    public async Task Seed_TheVote_OnDec6_PassesLiAndZhao_WithTheirLockedTallies()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Year == DemoCampaigns.HistoryYear);
            var results = await sp.GetRequiredService<TitleReview.Application.Applications.Committee.ICommitteeResults>().LockedResultsAsync(campaign.Id);
            var (li, liInstance) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var (zhao, _) = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            (results[li].Passed, results[li].TallyText).Should().Be((true, "表决结果：同意4票，不同意0票，弃权1票（到会6人，回避1人，须同意4票）"));
            (results[zhao].Passed, results[zhao].TallyText).Should().Be((true, "表决结果：同意4票，不同意0票，弃权1票（到会6人，回避1人，须同意4票）"));
            BeijingTime.Format(results[li].LockedAt).Should().Be("2023-12-06 11:30:00");
            var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == liInstance).OrderBy(j => j.Id).ToListAsync();
            journal.Last().Reason.Should().Be(results[li].TallyText);
        });
    }

    [Test]
    public async Task Seed_TheResults_ArePublishedOnDec11ForDec11To15_AndBothUnitsReportBackOnDec18()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var results = await db.PublicPublicities.AsNoTracking().SingleAsync(p => p.Kind == PublicPublicityKind.CommitteeResults);
            (results.Title, results.PeriodText, BeijingTime.Format(results.PublishedAt))
                .Should().Be(("2023年度贵州省政工专业职务任职资格评审结果公示", "公示期：2023年12月11日至12月15日", "2023-12-11 09:30:00"));
            var reports = await db.UnitResultsReports.AsNoTracking().Where(r => r.CampaignId == results.CampaignId).OrderBy(r => r.SubmittedAt).ToListAsync();
            reports.Select(r => (r.UnitId, r.PublicisedFrom, r.PublicisedTo, r.Place, r.Objections.Count, BeijingTime.Format(r.SubmittedAt!.Value))).Should().Equal(
                (DemoAccounts.QiannanEnergy.Id, new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "本单位公示栏", 0, "2023-12-18 10:00:00"),
                (DemoAccounts.ProvincialTransport.Id, new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "本单位公示栏", 0, "2023-12-18 15:30:00"));
            foreach (var report in reports)
            {
                var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectId == report.Id);
                definitions.Has(instance, StateCapabilities.ResultsReported).Should().BeTrue();
                (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).Select(j => j.Reason).LastAsync())
                    .Should().Be("已于2023年12月12日至12月18日在本单位公示栏公示评审结果，未收到异议。");
            }
        });
    }

    [Test]
    public async Task Seed_TheCertificates_AreIssuedOnDec25ToLiAndZhao_AndBothUnitsCollectThemOnDec28()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.Number).ToListAsync();
            certificates.Select(c => (c.Number, c.ApplicantName, c.TitleName, c.IssuedOn, BeijingTime.Format(c.IssuedAt), c.Status)).Should().Equal(
                ("黔政工2023G0001", "赵强", "高级政工师", new DateOnly(2023, 12, 25), "2023-12-25 09:30:00", Domain.Applications.Certificates.CertificateStatus.Valid),
                ("黔政工2023Z0001", "李华", "政工师", new DateOnly(2023, 12, 25), "2023-12-25 09:30:00", Domain.Applications.Certificates.CertificateStatus.Valid));
            certificates.Select(c => c.VerificationCode).Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.Length == Domain.Applications.Certificates.Certificate.VerificationCodeLength);
            var collections = await db.CertificateCollections.AsNoTracking().OrderBy(k => k.RecordedAt).ToListAsync();
            collections.Select(k => (k.UnitId, k.CollectorName, k.CollectedOn, k.MaterialsReturned, k.Certificates)).Should().Equal(
                (DemoAccounts.QiannanEnergy.Id, "王敏", new DateOnly(2023, 12, 28), true, 1),
                (DemoAccounts.ProvincialTransport.Id, "刘洋", new DateOnly(2023, 12, 28), true, 1));
            certificates.Should().OnlyContain(c => c.CollectionId != null);
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

    [Test]
    public async Task Seed_TheExpertReview_PledgesEveryExpertAndRecordsTheReadingsAndOpinions()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var zhao = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var declarations = await db.ExpertDeclarations.AsNoTracking().ToListAsync();
            var openings = await db.DossierOpenings.AsNoTracking().Where(o => o.Kind == Domain.Applications.Committee.ExpertReview.DossierOpeningKind.Dossier).ToListAsync();
            var opinions = await db.ExpertOpinions.AsNoTracking().ToListAsync();

            declarations.Should().HaveCount(6).And.OnlyContain(d => BeijingTime.Format(d.PledgedAt).StartsWith("2023-11-20", StringComparison.Ordinal));
            declarations.SelectMany(d => d.Conflicts).Should().ContainSingle()
                .Which.Should().Match<Domain.Applications.Committee.DeclaredConflict>(c => c.ApplicationId == zhao.ApplicationId && c.Kind == Domain.Applications.Committee.ConflictKind.OtherRelation && c.Note == "曾为同一单位同事");
            openings.Should().HaveCount(6);
            opinions.Should().HaveCount(6);
            opinions.Select(o => BeijingTime.DateOf(o.UpdatedAt)).Should().OnlyContain(d => d >= new DateOnly(2023, 11, 27) && d <= new DateOnly(2023, 12, 1));
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

    [Test]
    public async Task Seed_TheDefense_IsPublishedOnNov24ForDec4_AndZhaoAttendsScoresAndQualifies()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var zhao = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "赵强");
            var schedule = await db.DefenseSchedules.AsNoTracking().SingleAsync();
            var session = schedule.Sessions.Single();
            var slot = schedule.SlotOf(zhao.ApplicationId)!;

            (BeijingTime.Format(schedule.PublishedAt!.Value), BeijingTime.Format(session.StartsAt), session.Place, session.Panel.Count)
                .Should().Be(("2023-11-24 10:30:00", "2023-12-04 09:00:00", DemoDefense.Place, 3));
            (BeijingTime.Format(slot.At), slot.Qualified).Should().Be(("2023-12-04 09:00:00", true));
            (await db.DefenseScores.AsNoTracking().Where(s => s.ApplicationId == zhao.ApplicationId).Select(s => s.Score).ToListAsync())
                .Should().BeEquivalentTo([86, 82, 88]);
            (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == zhao.InstanceId).Select(j => j.Reason).ToListAsync())
                .Should().Contain($"答辩时间：2023年12月4日 09:00；地点：{DemoDefense.Place}");
        });
    }

    [Test]
    public async Task Seed_TheIntegrityRecord_BansAnInventedPersonUntilDec19_2027_AndTheNegativeListPublishesTongrenFor2024()
    {
        await InitializeDatabaseAsync();
        const string idNumber = "52060219790512311X";

        var ban = await InScopeAsync(sp => sp.GetRequiredService<IIntegrityRecord>().ActiveBanAsync(idNumber, BeijingTime.DateOf(Today)));
        ban.Should().NotBeNull();
        ban!.Until.Should().Be(new DateOnly(2027, 12, 19));

        var attempt = () => InScopeAsync(sp => ApplicantRegistrationTests.RegisterAsync(sp, DemoAccounts.QiannanEnergy.Id, name: "孟凡星", idNumber: idNumber, mobile: "13900001099"));
        (await attempt.Should().ThrowAsync<ValidationException>()).Which.Errors["idNumber"]
            .Should().Equal("该身份证号因诚信问题被限制申报至 2027年12月19日；如有疑问请联系省政工职评办（0851-85893109）。");

        var list = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicNegativeList, PublicNegativeListView>>().HandleAsync(new GetPublicNegativeList()));
        list.Entries.Should().ContainSingle().Which.Should().Match<PublicNegativeListRow>(e =>
            e.UnitName == DemoAccounts.TongrenMaterials.Name && e.From == new DateOnly(2024, 1, 1) && e.To == new DateOnly(2024, 12, 31) && !e.InForce);
    }

    [Test]
    public async Task Seed_OnNov13TheOffice_GivesTheSixExpertsProfiles_AndFormsThe2023Committee_WithLuoRecusedFromLi()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var experts = await db.Experts.AsNoTracking().ToDictionaryAsync(e => e.Name);
            experts.Keys.Should().BeEquivalentTo("孙文博", "何静怡", "马志远", "罗建国", "杨晓梅", "邓海峰");
            experts["罗建国"].UnitId.Should().Be(DemoAccounts.QiannanEnergy.Id);
            experts.Values.Where(e => e.Name != "罗建国").Should().OnlyContain(e => e.UnitId == null && e.IsActive);

            var campaignId = await db.Campaigns.Where(c => c.Year == DemoCampaigns.HistoryYear).Select(c => c.Id).SingleAsync();
            var committee = await db.ReviewCommittees.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId);
            BeijingTime.Format(committee.FormedAt).Should().Be("2023-11-13 10:00:00");
            committee.Members.Select(m => (experts.Values.Single(e => e.Id == m.ExpertId).Name, m.Role, m.LevelGroup)).Should().Equal(
                ("孙文博", CommitteeRole.Chair, (TitleLevel?)null),
                ("何静怡", CommitteeRole.DeputyChair, null),
                ("马志远", CommitteeRole.Member, null),
                ("罗建国", CommitteeRole.Member, null),
                ("杨晓梅", CommitteeRole.Member, null),
                ("邓海峰", CommitteeRole.Member, null));

            var li = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "李华");
            var recusals = await sp.GetRequiredService<ICommitteeSeats>().RecusalsAsync(experts["罗建国"].Id, campaignId);
            recusals.Should().Contain(li.ApplicationId, RecusalReason.OwnUnit, "张丽's draft, never submitted, is his unit's too");
            var currentYear = BeijingTime.DateOf(Today).Year;
            (await db.ReviewCommittees.CountAsync(c => db.Campaigns.Any(k => k.Id == c.CampaignId && k.Year == currentYear)))
                .Should().Be(0, "the current campaign's committee is the office's to form in the browser story");
        });
    }

    [Test]
    public async Task Seed_The2023IntegrityCase_VetoesZhouTingWithEvidence_OnAug28_WhileHerUnitStillReviewedHer()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var definitions = sp.GetRequiredService<IWorkflowDefinitions>();
            var zhou = await ApplicationOfAsync(db, DemoCampaigns.HistoryYear, "周婷");
            var instance = await InstanceAsync(db, zhou.InstanceId);
            definitions.Has(instance, StateCapabilities.Vetoed).Should().BeTrue();
            instance.IsFinished.Should().BeTrue();
            var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == zhou.InstanceId).OrderBy(j => j.Id).ToListAsync();
            var veto = journal.Last();
            (veto.ActorName, BeijingTime.Format(veto.OccurredAt), veto.Reason).Should().Be(("陈静", "2023-08-28 09:00:00", $"一票否决（诚信案件）：{DemoIntegrityCases.Reasons}"));
            definitions.Has(instance.DefinitionId, instance.DefinitionVersion, veto.FromState!, StateCapabilities.AwaitingUnitReview).Should().BeTrue("刘洋 had not reviewed her dossier yet");

            var decided = await db.IntegrityCases.AsNoTracking().SingleAsync(c => c.ApplicationId == zhou.ApplicationId);
            (decided.Source, decided.Status, decided.Outcome, decided.RecordsFinding, decided.BannedUntil)
                .Should().Be((IntegrityCaseSource.OfficeByHand, IntegrityCaseStatus.Decided, (IntegrityOutcome?)IntegrityOutcome.Veto, true, (DateOnly?)new DateOnly(2026, 8, 27)));
            decided.Evidence.Select(e => e.Kind).Should().Equal(IntegrityEvidenceKind.Note, IntegrityEvidenceKind.Note, IntegrityEvidenceKind.Scan);
            var scan = decided.Evidence.Last();
            await using var content = await sp.GetRequiredService<IFileStore>().OpenVerifiedAsync(scan.StorageKey!, scan.Sha256!);
            content.Length.Should().BePositive();
        });
    }

    [Test]
    public async Task Seed_The2023History_LeavesRemindersAndTheReturnInThePeoplesNotificationCentres()
    {
        await InitializeDatabaseAsync();

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName!);
            var notifications = await db.AccountNotifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync();
            var byPerson = notifications.GroupBy(n => users[n.AccountId]).ToDictionary(g => g.Key, g => g.Select(n => (BeijingTime.Format(n.CreatedAt), n.Title)).ToList());

            byPerson.Keys.Should().BeEquivalentTo("applicant1", "applicant2", "auditor1", "auditor2");
            byPerson["applicant1"].Should().Equal(("2023-08-22 10:12:00", "申报材料被退回修改"));
            byPerson["applicant2"].Should().Equal(
                ("2023-08-29 08:00:00", "截止提醒：申报人填报与单位审核（不足3天）"),
                ("2023-08-31 08:00:00", "截止提醒：申报人填报与单位审核（不足1天）"));
            byPerson["auditor1"].Should().Equal(
                ("2023-08-29 08:00:00", "截止提醒：申报人填报与单位审核（不足3天）"),
                ("2023-09-06 08:00:00", "截止提醒：单位公示及报送电子材料（不足3天）"));
            byPerson["auditor2"].Should().Equal(("2023-09-06 08:00:00", "截止提醒：单位公示及报送电子材料（不足3天）"));
            notifications.Should().OnlyContain(n => n.ReadAt == null);
            (await db.RemindersSent.CountAsync()).Should().Be(5);
            (await db.OutboundMessages.CountAsync(m => m.Purpose == "截止提醒")).Should().Be(5, "each demo person has a mobile and no e-mail");
        });
    }

    /// <summary>Whether the case's journal entered a state with the capability (the demo goes on past most stages).</summary>
    private static async Task<bool> PassedThroughAsync(AppDbContext db, IWorkflowDefinitions definitions, Guid instanceId, string capability)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        return (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId).Select(j => j.ToState).ToListAsync())
            .Any(state => definitions.Has(instance.DefinitionId, instance.DefinitionVersion, state, capability));
    }
}
