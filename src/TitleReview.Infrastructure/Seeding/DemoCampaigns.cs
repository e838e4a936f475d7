using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Applications.Originals;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Fees.ImportStatement;
using TitleReview.Application.Fees.Reconcile;
using TitleReview.Application.Fees.RecordTransfer;
using TitleReview.Application.Campaigns.PublishOfficeDetails;
using TitleReview.Application.Reminders;
using TitleReview.Application.Units.ConfirmRegistration;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Units.ReviewRegistration;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Development only: the 2023 campaign exactly as the notice had it, its history told through the
/// real use cases at the instants things happened (so the journal reads like 2023), and a current
/// campaign whose windows sit around today, so that each open stage can be tried. Every step is a
/// command a page would send (<see cref="DemoStory"/>); nothing here writes a table itself.
/// </summary>
public sealed class DemoCampaigns(AppDbContext db, IServiceProvider app, IWorkflowDefinitions definitions, ITimelineFiles timelines, TimeProvider clock)
{
    public const int HistoryYear = 2023;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var historyEnds = BeijingTime.StartOfDay(new DateOnly(HistoryYear + 1, 2, 1));
        if (now >= historyEnds)
        {
            await using var history = DemoStory.Begin(app, At(2023, 7, 12, 9, 0));
            await SeedHistoryAsync(history, now, cancellationToken);
        }

        var currentYear = BeijingTime.DateOf(now).Year;
        if (!await db.Campaigns.AnyAsync(c => c.Year == currentYear, cancellationToken))
        {
            var today = BeijingTime.DateOf(now);
            await using var current = DemoStory.Begin(app, BeijingTime.StartOfDay(today.AddDays(-30)).AddHours(9));
            await SeedCurrentAsync(current, now, cancellationToken);
        }
    }

    private async Task SeedHistoryAsync(DemoStory story, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var office = await story.ActorAsync("office");
        var campaignId = await story.SendAsync<CreateCampaignFromTimeline, Guid>(
            new CreateCampaignFromTimeline(TimelineDocument.Parse(timelines.Read(HistoryYear)), office), cancellationToken);
        await SetReviewFeesAsync(story, At(2023, 7, 12, 9, 30), campaignId, cancellationToken);

        var qiannan = await RegisterUnitAsync(story, At(2023, 7, 18, 10, 20), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        var transport = await RegisterUnitAsync(story, At(2023, 7, 19, 15, 5), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ApproveAsync(story, At(2023, 7, 20, 9, 30), qiannan, cancellationToken);
        await ApproveAsync(story, At(2023, 7, 20, 9, 45), transport, cancellationToken);
        await ConfirmAsync(story, At(2023, 7, 24, 14, 0), qiannan, "auditor1", cancellationToken);
        await ConfirmAsync(story, At(2023, 7, 26, 11, 10), transport, "auditor2", cancellationToken);

        var li = await StartAsync(story, At(2023, 8, 2, 20, 15), campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        await StartAsync(story, At(2023, 8, 3, 19, 40), campaignId, "applicant2", TitleLevel.Assistant, cancellationToken);
        var zhao = await StartAsync(story, At(2023, 8, 7, 10, 5), campaignId, "applicant3", TitleLevel.Senior, cancellationToken);
        var zhou = await StartAsync(story, At(2023, 8, 9, 15, 30), campaignId, "applicant4", TitleLevel.Intermediate, cancellationToken);

        await FillDossierAsync(story, At(2023, 8, 12, 20, 0), li, "applicant1", complete: true, cancellationToken);
        await FillDossierAsync(story, At(2023, 8, 14, 19, 30), zhao, "applicant3", complete: true, cancellationToken);
        await FillDossierAsync(story, At(2023, 8, 16, 20, 0), zhou, "applicant4", complete: true, cancellationToken);
        await SubmitAsync(story, At(2023, 8, 20, 21, 30), li, "applicant1", cancellationToken);
        await ReturnAsync(story, At(2023, 8, 22, 10, 12), li, "auditor1", DossierSection.Achievements, "工作材料字数不足，请补充。", cancellationToken);
        await SubmitAsync(story, At(2023, 8, 24, 16, 20), zhao, "applicant3", cancellationToken);

        // 周婷's paper was written by someone else: the office opens a case and vetoes her (DemoIntegrityCases).
        await SubmitAsync(story, At(2023, 8, 24, 20, 40), zhou, "applicant4", cancellationToken);
        var zhouCase = await DemoIntegrityCases.OpenAsync(story, zhou, cancellationToken);
        await AddMaterialAsync(story, At(2023, 8, 25, 21, 0), li, "applicant1", cancellationToken);
        await SubmitAsync(story, At(2023, 8, 26, 22, 3), li, "applicant1", cancellationToken);
        await DemoIntegrityCases.VetoAsync(story, zhouCase, cancellationToken);
        await ApproveAsync(story, At(2023, 8, 28, 15, 2), zhao, "auditor2", cancellationToken);

        // Three days before filing closes the hourly job reminds 张丽 (still a draft) and 王敏 (李华 waits for review).
        await SendRemindersAsync(story, At(2023, 8, 29, 8, 0), cancellationToken);
        await ApproveAsync(story, At(2023, 8, 29, 9, 48), li, "auditor1", cancellationToken);

        // 张丽 never submits: the clock closes her application when filing ends. Unit publicity for
        // 5 working days (Aug 30 – Sep 5), no objection, then submission to the office.
        await StartPublicityAsync(story, At(2023, 8, 30, 9, 0), li, "auditor1", cancellationToken);
        await StartPublicityAsync(story, At(2023, 8, 30, 9, 10), zhao, "auditor2", cancellationToken);

        // The day before filing closes 张丽 is reminded again; three days before submission closes both units are.
        await SendRemindersAsync(story, At(2023, 8, 31, 8, 0), cancellationToken);
        await SendRemindersAsync(story, At(2023, 9, 6, 8, 0), cancellationToken);
        await RecordNoObjectionAsync(story, At(2023, 9, 6, 9, 30), li, "auditor1", cancellationToken);
        await RecordNoObjectionAsync(story, At(2023, 9, 6, 9, 40), zhao, "auditor2", cancellationToken);
        await RecordOpinionsAsync(story, At(2023, 9, 6, 14, 0), li, "auditor1", cancellationToken);
        await RecordOpinionsAsync(story, At(2023, 9, 6, 14, 20), zhao, "auditor2", cancellationToken);
        await SubmitToOfficeAsync(story, At(2023, 9, 7, 10, 0), li, "auditor1", cancellationToken);
        await SubmitToOfficeAsync(story, At(2023, 9, 7, 10, 10), zhao, "auditor2", cancellationToken);
        await CheckInPaperAsync(story, li, zhao, cancellationToken);
        await PayReviewFeesAsync(story, campaignId, cancellationToken);
        await PreliminaryReviewAsync(story, li, zhao, cancellationToken);
        await PublishPreliminaryResultsAsync(story, cancellationToken);
        await SeedSupplementAndFeedbackAsync(story, definitions, campaignId, li, zhao, cancellationToken);
        await SeedSpotCheckDrawAsync(story, definitions, campaignId, cancellationToken);
        await CheckOriginalsAsync(story, cancellationToken);
        await PublishCommitteeListAsync(story, cancellationToken);
        await DemoCommittee.SeedAsync(story, HistoryYear, cancellationToken);
        await DemoExpertReview.PledgeAsync(story, cancellationToken);
        await DemoDefense.PublishAsync(story, zhao, cancellationToken);
        await DemoExpertReview.ReadAsync(story, cancellationToken);
        await DemoDefense.HoldAsync(story, zhao, cancellationToken);
        await DemoVoting.VoteAsync(story, cancellationToken);
        await DemoResults.ResultsAsync(story, cancellationToken);
        await DemoCertificates.IssueAndCollectAsync(story, cancellationToken);
        await DemoIntegrity.SeedAsync(story, now, cancellationToken);

        // From here the clock alone moves things: every later stage in turn.
        await story.AtAsync(now, cancellationToken);
    }

    private async Task SeedCurrentAsync(DemoStory story, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        DateTimeOffset Day(int offset, int hour) => BeijingTime.StartOfDay(today.AddDays(offset)).AddHours(hour);

        var office = await story.ActorAsync("office");
        var campaignId = await story.SendAsync<CreateCampaignFromTimeline, Guid>(
            new CreateCampaignFromTimeline(CurrentTimeline(today, CampaignWorkflow.NewCampaignStages(definitions)), office), cancellationToken);

        var qiannan = await RegisterUnitAsync(story, Day(-23, 10), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        var transport = await RegisterUnitAsync(story, Day(-22, 16), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await RegisterUnitAsync(story, Day(-21, 11), campaignId, DemoAccounts.TongrenMaterials, null, cancellationToken);
        await ApproveAsync(story, Day(-19, 9), qiannan, cancellationToken);
        await ApproveAsync(story, Day(-19, 10), transport, cancellationToken);
        await ConfirmAsync(story, Day(-16, 15), qiannan, "auditor1", cancellationToken);
        await ConfirmAsync(story, Day(-15, 10), transport, "auditor2", cancellationToken);
        await PublishOfficeDetailsAsync(story, Day(-14, 9), today.Year, cancellationToken);

        // The Tongren unit was never reviewed: the clock marks it not confirmed when confirmation closes.
        var li = await StartAsync(story, now, campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhao = await StartAsync(story, now, campaignId, "applicant3", TitleLevel.Senior, cancellationToken);

        // 李华 is still filing: his hours are 12 short and one job lacks its appointment document.
        await FillDossierAsync(story, now, li, "applicant1", complete: false, cancellationToken);
        await FillDossierAsync(story, now, zhao, "applicant3", complete: true, cancellationToken);
        await SubmitAsync(story, now, zhao, "applicant3", cancellationToken);
    }

    /// <summary>The office publishes this year's delivery address, contacts and bank account: 2023's, which the notice printed.</summary>
    private async Task PublishOfficeDetailsAsync(DemoStory story, DateTimeOffset at, int year, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        var details = TimelineDocument.Parse(timelines.Read(HistoryYear)).OfficeDetails!.ToDraft();
        await story.SendAsync<PublishOfficeDetails, Guid>(new PublishOfficeDetails(year, details, null, await story.ActorAsync("office")), cancellationToken);
    }

    private static async Task<Guid> RegisterUnitAsync(DemoStory story, DateTimeOffset at, Guid campaignId, DemoAccounts.DemoUnit unit, string? auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        var auditor = auditorUserName is null ? null : DemoAccounts.Users.Single(u => u.UserName == auditorUserName);
        var receipt = await story.SendAsync<RegisterUnit, RegistrationReceipt>(
            new RegisterUnit(
                campaignId,
                unit.Name,
                unit.CreditCode,
                unit.Nature,
                unit.Region,
                unit.Region == Regions.Provincial ? "贵州省人民政府国有资产监督管理委员会" : $"{unit.Region}人民政府国有资产监督管理委员会",
                auditor?.DisplayName ?? "钱敏",
                auditor?.Mobile ?? "13800000103",
                "0851-85550000",
                null,
                null,
                AuditorIsHr: true,
                "周文",
                "13600000901",
                "zhouwen@example.cn"),
            cancellationToken);
        return receipt.RegistrationId;
    }

    /// <summary>The office approves the registration; the demo auditor's account already exists, so approval finds it.</summary>
    private static async Task ApproveAsync(DemoStory story, DateTimeOffset at, Guid registrationId, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<ApproveRegistration, AuditorAccountIssued>(new ApproveRegistration(registrationId, await story.ActorAsync("office")), cancellationToken);
    }

    private static async Task ConfirmAsync(DemoStory story, DateTimeOffset at, Guid registrationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<ConfirmRegistration, FireResult>(new ConfirmRegistration(registrationId, await story.ActorAsync(auditorUserName)), cancellationToken);
    }

    /// <summary>The hourly reminder job's run at that instant (ADR 56), as the system clock.</summary>
    private static async Task SendRemindersAsync(DemoStory story, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<SendReminders, RemindersSent>(new SendReminders(WorkflowActor.Clock), cancellationToken);
    }

    /// <summary>Where the demo places each stage, in days from today (first and last day).</summary>
    private static readonly IReadOnlyDictionary<string, (int From, int To)> CurrentWindows = new Dictionary<string, (int, int)>
    {
        [StageKeys.AuditorRegistration] = (-24, -20),
        [StageKeys.AuditorConfirmation] = (-17, -13),
        [StageKeys.Filing] = (-6, 24),
        ["unitPublicity"] = (-6, 38),
        ["paperDelivery"] = (32, 38),
        ["payment"] = (39, 45),
        ["preliminaryReview"] = (46, 80),
        ["publicityFeedback"] = (68, 74),
        ["spotCheck"] = (75, 85),
        ["committeeReferral"] = (86, 95),
        ["defense"] = (100, 104),
        ["results"] = (105, 115),
        ["certificates"] = (116, 150),
    };

    /// <summary>
    /// Windows placed around today: registration and confirmation just past, filing open. A stage
    /// of the catalogue the demo does not place takes the window of the stage it lies within, or
    /// else of the stage before it, so any campaign definition's stages can be seeded.
    /// </summary>
    public static TimelineDocument CurrentTimeline(DateOnly today, StageCatalogue catalogue)
    {
        var windows = new Dictionary<string, (int From, int To)>();
        var previous = (From: 0, To: 0);
        foreach (var stage in catalogue.Stages.Where(s => s.Within is null))
        {
            previous = windows[stage.Key] = CurrentWindows.GetValueOrDefault(stage.Key, previous);
        }

        foreach (var stage in catalogue.Stages.Where(s => s.Within is not null))
        {
            windows[stage.Key] = CurrentWindows.TryGetValue(stage.Key, out var placed) ? placed : windows[stage.Within!];
        }

        var stages = catalogue.Stages.Select(stage => new TimelineStage
        {
            Key = stage.Key,
            Name = stage.Name,
            Opens = today.AddDays(windows[stage.Key].From).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Closes = today.AddDays(windows[stage.Key].To).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Note = "演示数据：时间围绕系统当前日期安排，可在“年度评审”中修改。",
        }).ToList();

        return new TimelineDocument
        {
            Year = today.Year,
            Name = $"{today.Year}年度贵州省政工专业职务任职资格申报评审（演示）",
            TenureCutoff = $"{today.Year}-12-31",
            Stages = stages,
        };
    }

    private static async Task<Guid> StartAsync(DemoStory story, DateTimeOffset at, Guid campaignId, string userName, TitleLevel level, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        return await story.SendAsync<StartApplication, Guid>(new StartApplication(campaignId, level, await story.ActorAsync(userName)), cancellationToken);
    }

    private static async Task SubmitAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string userName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<SubmitDossier, FireResult>(new SubmitDossier(applicationId, await story.ActorAsync(userName)), cancellationToken);
    }

    /// <summary>As on the review page: the auditor opens every scan, ticks each mandatory item, then approves.</summary>
    private static async Task ApproveAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        var auditor = await story.ActorAsync(auditorUserName);
        var scans = await story.ReadAsync(db => db.DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).Select(a => a.Id).ToListAsync(cancellationToken));
        foreach (var scan in scans)
        {
            var opened = await story.SendAsync<OpenAttachment, OpenedAttachment>(new OpenAttachment(scan, auditor), cancellationToken);
            await opened.Content.DisposeAsync();
        }

        var items = await story.ReadAsync(db => db.DossierItems.AsNoTracking().Where(i => i.ApplicationId == applicationId).ToListAsync(cancellationToken));
        foreach (var (key, _, _) in DossierCheck.MandatoryItems(items))
        {
            await story.SendAsync<VerifyItem, Guid>(new VerifyItem(applicationId, key, true, auditor), cancellationToken);
        }

        await story.SendAsync<ApproveDossier, FireResult>(new ApproveDossier(applicationId, auditor), cancellationToken);
    }

    private static async Task ReturnAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, DossierSection section, string reason, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<ReturnDossier, FireResult>(
            new ReturnDossier(applicationId, new Dictionary<DossierSection, string?> { [section] = reason }, null, await story.ActorAsync(auditorUserName)),
            cancellationToken);
    }

    /// <summary>A demo dossier, filled as its applicant would on the dossier page, every scan a file of its own.</summary>
    private static async Task FillDossierAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string userName, bool complete, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        var actor = await story.ActorAsync(userName);
        var year = await story.ReadAsync(db => (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where a.Id == applicationId select c.Year).SingleAsync(cancellationToken));
        var (title, level, since, post) = userName == "applicant3"
            ? ("政工师", CurrentTitleLevel.Intermediate, new DateOnly(2016, 9, 1), "党委宣传部部长")
            : ("助理政工师", CurrentTitleLevel.Assistant, new DateOnly(2018, 7, 1), "党群工作部副部长");
        var (degree, school, graduated) = userName == "applicant3"
            ? (EducationDegree.Master, "贵州大学", 2009)
            : (EducationDegree.Bachelor, "贵州师范大学", 2010);

        await story.SendAsync<SavePersonalInfo, DossierChange>(
            new SavePersonalInfo(applicationId, title, since, post, EvaluationType.Regular, false, null, actor)
            {
                CurrentTitleLevel = level,
                EducationDegree = degree,
                EducationSchool = school,
                GraduationYear = graduated,
            },
            cancellationToken);
        foreach (var slot in AttachmentSlots.Fixed)
        {
            await UploadAsync(story, applicationId, actor, slot, AttachmentSlots.Describe(slot), cancellationToken);
        }

        await AddItemAsync(story, applicationId, actor, new DossierItemInput("education", Year: year - 1, Hours: complete ? 96 : 78, ProfessionalHours: complete ? 66 : 52), scan: null, cancellationToken);
        await AddItemAsync(story, applicationId, actor, new DossierItemInput("work", From: new DateOnly(2010, 7, 1), To: since.AddDays(-1), Unit: "黔南能源集团有限公司", Post: "党群工作部干事"), "党群工作部干事任职文件", cancellationToken);
        await AddItemAsync(story, applicationId, actor, new DossierItemInput("work", From: since, Unit: "黔南能源集团有限公司", Post: post), complete ? $"{post}任职文件" : null, cancellationToken);
        await AddItemAsync(story, applicationId, actor, new DossierItemInput("award", Name: "全省企业思想政治工作优秀成果奖", Level: "省级", Issuer: "贵州省企业思想政治工作研究会", Date: new DateOnly(2021, 11, 1)), "获奖证书", cancellationToken);
        await AddItemAsync(story, applicationId, actor, new DossierItemInput("material", MaterialKind: WorkMaterialKind.Report, Title: "关于加强新时代企业思想政治工作的调研报告", Date: new DateOnly(2021, 4, 12), WordCount: 4200), "调研报告", cancellationToken);
        await AddItemAsync(story, applicationId, actor, new DossierItemInput("material", MaterialKind: WorkMaterialKind.Speech, Title: "在年度思想政治工作会议上的讲话", Date: new DateOnly(2022, 1, 18), WordCount: 5100), "讲话稿", cancellationToken);
        foreach (var n in userName == "applicant3" ? new[] { 1, 2 } : new[] { 1 })
        {
            await AddItemAsync(story, applicationId, actor, new DossierItemInput("paper", Title: $"国有企业基层党建与思想政治工作融合路径探析（{n}）", Journal: "贵州政工研究", Issue: $"2022年第{n}期", IssnCn: "CN52-0000/D", Date: new DateOnly(2022, n * 3, 1), AuthorRank: 1), $"论文（{n}）", cancellationToken);
        }
    }

    private static async Task AddMaterialAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string userName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await AddItemAsync(story, applicationId, await story.ActorAsync(userName), new DossierItemInput("material", MaterialKind: WorkMaterialKind.Summary, Title: "2022 年度党群工作总结", Date: new DateOnly(2022, 12, 28), WordCount: 3600), "工作总结", cancellationToken);
    }

    private static async Task StartPublicityAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<StartUnitPublicity, PublicityStarted>(new StartUnitPublicity([applicationId], await story.ActorAsync(auditorUserName)), cancellationToken);
    }

    private static async Task RecordNoObjectionAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<RecordUnitPublicity, FireResult>(
            new RecordUnitPublicity(applicationId, PublicityOutcome.NoObjection, null, await story.ActorAsync(auditorUserName)), cancellationToken);
    }

    /// <summary>
    /// Sep 8, 2023 at the office's counter: 黔南's envelope (李华) comes complete, 交通's (赵强)
    /// without the photo; each unit gets its receipt.
    /// </summary>
    private static async Task CheckInPaperAsync(DemoStory story, Guid li, Guid zhao, CancellationToken cancellationToken)
    {
        var office = await story.ActorAsync("office");
        var deliveries = new (Guid UnitId, Guid ApplicationId, string? Missing, DateTimeOffset At)[]
        {
            (DemoAccounts.QiannanEnergy.Id, li, null, At(2023, 9, 8, 9, 20)),
            (DemoAccounts.ProvincialTransport.Id, zhao, "一寸免冠彩色近照", At(2023, 9, 8, 10, 40)),
        };
        foreach (var (unitId, applicationId, missing, at) in deliveries)
        {
            await story.AtAsync(at, cancellationToken);
            await story.SendAsync<OpenPaperDelivery, Guid>(new OpenPaperDelivery(HistoryYear, unitId, office), cancellationToken);
            var counter = await story.SendAsync<GetPaperCounter, PaperCounterView>(new GetPaperCounter(HistoryYear, null, unitId, applicationId, office), cancellationToken);
            var items = counter.Unit!.Person!.Items
                .Select(i => i.Name == missing ? new ItemCheck(i.Number, ItemStatus.Missing, "未附照片，请于截止前补交") : new ItemCheck(i.Number, ItemStatus.Received, null))
                .ToList();
            await story.AtAsync(at.AddMinutes(6), cancellationToken);
            await story.SendAsync<CheckInEnvelope, EnvelopeCheckedIn>(new CheckInEnvelope(HistoryYear, unitId, applicationId, items, office), cancellationToken);
            await story.SendAsync<GetDeliveryReceipt, DeliveryReceiptView>(new GetDeliveryReceipt(HistoryYear, unitId, office), cancellationToken);
        }
    }

    /// <summary>
    /// The office's preliminary review group works through the dossiers at the end of September:
    /// 李华, whose paper came complete, passes; 赵强's envelope lacked the photo and he never brought
    /// it, so he fails with the listed reason and a note of the reviewer's own.
    /// </summary>
    private static async Task PreliminaryReviewAsync(DemoStory story, Guid li, Guid zhao, CancellationToken cancellationToken)
    {
        var office = await story.ActorAsync("office");
        await story.AtAsync(At(2023, 9, 25, 10, 0), cancellationToken);
        await story.SendAsync<PassPreliminary, PreliminaryDecided>(new PassPreliminary(li, null, null, office), cancellationToken);

        await story.AtAsync(At(2023, 9, 26, 15, 30), cancellationToken);
        var reasons = await story.SendAsync<ListFailureReasons, IReadOnlyList<FailureReasonRow>>(new ListFailureReasons(office), cancellationToken);
        await story.SendAsync<FailPreliminary, PreliminaryDecided>(
            new FailPreliminary(zhao, [reasons.Single(r => r.Text == "纸质材料不全").Id], "档案袋缺一寸免冠彩色近照，纸质材料报送期内未补交。", null, office),
            cancellationToken);
    }

    /// <summary>The review form's two opinions, typed by the auditor once the publicity has passed, before the unit submits.</summary>
    private static async Task RecordOpinionsAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<RecordReviewFormOpinions, OpinionsRecorded>(
            new RecordReviewFormOpinions(
                applicationId,
                "该同志政治立场坚定，长期从事企业思想政治工作，业绩突出，申报材料真实完整，经单位公示无异议，同意推荐。",
                "经审核，该同志情况属实，同意推荐。",
                null,
                await story.ActorAsync(auditorUserName)),
            cancellationToken);
    }

    private static async Task SubmitToOfficeAsync(DemoStory story, DateTimeOffset at, Guid applicationId, string auditorUserName, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        await story.SendAsync<SubmitToOffice, int>(new SubmitToOffice([applicationId], await story.ActorAsync(auditorUserName)), cancellationToken);
    }

    /// <summary>
    /// During the preliminary results' publicity (Oct 9–13, 2023) 赵强, failed on the missing photo,
    /// uploads it as a supplement on Oct 10 and the office passes him on Oct 12; after it the units'
    /// auditors submit the feedback: 黔南 on Oct 16 (an objection about 李华, looked into and
    /// dismissed), 交通 on Oct 17 (no objection). It runs only once the review desk's decisions are
    /// published and the publicity exists: before those steps are in the story it does nothing.
    /// </summary>
    internal static async Task SeedSupplementAndFeedbackAsync(DemoStory story, IWorkflowDefinitions definitions, Guid campaignId, Guid li, Guid zhao, CancellationToken cancellationToken)
    {
        var published = await story.ReadAsync(db => db.PublicPublicities.AsNoTracking().AnyAsync(p => p.CampaignId == campaignId && p.Kind == PublicPublicityKind.PreliminaryResults, cancellationToken));
        var zhaoCase = await story.ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectType == WorkflowSubjectTypes.Application && i.SubjectId == zhao, cancellationToken));
        if (!published || !definitions.Has(zhaoCase, StateCapabilities.SupplementAllowed))
        {
            return;
        }

        await story.AtAsync(At(2023, 10, 10, 19, 30), cancellationToken);
        var applicant = await story.ActorAsync("applicant3");
        var photo = DemoScans.Pdf(
        [
            "演示补充材料（虚构，仅供试用）",
            "一寸免冠彩色近照（补交）",
            $"持有人：{applicant.Name}",
            $"扫描日期：{BeijingTime.DateOf(story.Now):yyyy-MM-dd}",
        ]);
        using (var content = new MemoryStream(photo))
        {
            await story.SendAsync<UploadSupplementFile, SupplementFileInfo>(new UploadSupplementFile(zhao, content, "赵强-一寸免冠彩色近照.pdf", content.Length, applicant), cancellationToken);
        }

        await story.AtAsync(At(2023, 10, 10, 19, 40), cancellationToken);
        await story.SendAsync<SubmitSupplement, FireResult>(new SubmitSupplement(zhao, "初审因纸质材料缺一寸免冠彩色近照未通过，现补交近照扫描件，纸质照片已由单位寄送。", applicant), cancellationToken);

        await story.AtAsync(At(2023, 10, 12, 10, 15), cancellationToken);
        await story.SendAsync<DecideSupplement, FireResult>(
            new DecideSupplement(zhao, SupplementDecision.Passed, "已补交一寸免冠彩色近照，其余材料齐全，符合申报条件，改为初审通过。", await story.ActorAsync("office")), cancellationToken);

        var feedback = new (DateTimeOffset At, string Auditor, Guid ApplicationId, FeedbackOutcome Outcome, string? Objection, string? Handling)[]
        {
            (At(2023, 10, 16, 9, 40), "auditor1", li, FeedbackOutcome.ObjectionDismissed, "公示期间有职工反映其论文发表时间早于任现职时间，不应计入。", "经核对期刊原件及知网收录记录，论文发表于任现职之后，反映情况不属实，异议不成立。"),
            (At(2023, 10, 17, 15, 20), "auditor2", zhao, FeedbackOutcome.NoObjection, null, null),
        };
        foreach (var (at, auditorUserName, applicationId, outcome, objection, handling) in feedback)
        {
            await story.AtAsync(at, cancellationToken);
            var auditor = await story.ActorAsync(auditorUserName);
            await story.SendAsync<RecordFeedback, Guid>(new RecordFeedback(applicationId, outcome, objection, handling, auditor), cancellationToken);
            await story.AtAsync(at.AddMinutes(5), cancellationToken);
            await story.SendAsync<SubmitUnitFeedback, int>(new SubmitUnitFeedback(HistoryYear, auditor), cancellationToken);
        }
    }

    /// <summary>
    /// The spot check draw (notice 三, 3): the office defines it on Mon Oct 23 (10% of the units,
    /// all their persons, no draw across; originals due Oct 30), publishes the commitment at 10:00
    /// for a draw on Wed Oct 25 at 10:00 with an invented lottery result as the public value, and
    /// draws then. Which unit is chosen depends on the random seed.
    /// </summary>
    internal static async Task SeedSpotCheckDrawAsync(DemoStory story, IWorkflowDefinitions definitions, Guid campaignId, CancellationToken cancellationToken)
    {
        var cases = await story.ReadAsync(db => db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == WorkflowSubjectTypes.Application && i.CampaignId == campaignId).ToListAsync(cancellationToken));
        if (!cases.Any(c => definitions.Has(c, StateCapabilities.SpotCheckCandidate)))
        {
            return;
        }

        await story.AtAsync(At(2023, 10, 23, 9, 30), cancellationToken);
        var office = await story.ActorAsync("office");
        await story.SendAsync<DefineSpotCheck, Guid>(
            new DefineSpotCheck(HistoryYear, DrawMode.Percent, 10, null, DrawMode.None, null, false, new DateOnly(2023, 10, 30), office), cancellationToken);

        await story.AtAsync(At(2023, 10, 23, 10, 0), cancellationToken);
        await story.SendAsync<CommitSpotCheck, SpotCheckCommitted>(
            new CommitSpotCheck(HistoryYear, At(2023, 10, 25, 10, 0), "2023年10月24日中国福利彩票“3D”开奖号码", office), cancellationToken);

        await story.AtAsync(At(2023, 10, 25, 10, 0), cancellationToken);
        await story.SendAsync<DrawSpotCheck, SpotCheckDrawn>(new DrawSpotCheck(HistoryYear, "581", office), cancellationToken);
    }

    /// <summary>
    /// On Fri Oct 27 the office compares the originals of everyone the draw chose, item by item
    /// beside the scans, finds them all matching and concludes each check (原件复核).
    /// </summary>
    private static async Task CheckOriginalsAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 10, 27, 10, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        var overview = await story.SendAsync<ListOriginalsChecks, OriginalsOverview>(new ListOriginalsChecks(HistoryYear, office), cancellationToken);
        foreach (var row in overview.Units.SelectMany(u => u.Rows).Where(r => r.Status == OriginalsStatus.Pending))
        {
            var check = await story.SendAsync<GetOriginalsCheck, OriginalsCheckView>(new GetOriginalsCheck(row.ApplicationId, office), cancellationToken);
            var items = check.Items.Select(i => new OriginalItemInput(i.Key, true, null)).ToList();
            if (items.Count > 0)
            {
                await story.SendAsync<RecordOriginals, int>(new RecordOriginals(row.ApplicationId, items, check.CheckToken, office), cancellationToken);
            }

            await story.SendAsync<ConcludeOriginalsCheck, OriginalsConcluded>(new ConcludeOriginalsCheck(row.ApplicationId, null, null, office), cancellationToken);
        }
    }

    /// <summary>
    /// The notice states no amounts: the office sets invented ones when it sets the campaign up.
    /// Each level keeps its other requirements.
    /// </summary>
    private static async Task SetReviewFeesAsync(DemoStory story, DateTimeOffset at, Guid campaignId, CancellationToken cancellationToken)
    {
        await story.AtAsync(at, cancellationToken);
        var office = await story.ActorAsync("office");
        var campaign = await story.ReadAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Rules).SingleAsync(c => c.Id == campaignId, cancellationToken));
        foreach (var (level, fee) in new[] { (TitleLevel.Assistant, 200m), (TitleLevel.Intermediate, 300m), (TitleLevel.Senior, 500m) })
        {
            var rule = campaign.RuleFor(level);
            await story.SendAsync<UpdateLevelRule, LevelRule>(
                new UpdateLevelRule(campaignId, level, rule.HoursPerYear, rule.EducationYears, rule.RequiredWordCount, rule.RequiredPapers, rule.MinYearsInCurrentTitle, office) { ReviewFee = fee },
                cancellationToken);
        }
    }

    /// <summary>
    /// 黔南能源 transfers 李华's fee on the second day of the payment window and records it with its
    /// voucher; the office imports the bank statement, which finds it paid, and sets aside a row that
    /// is no review fee. 省交通运输 never pays: the clock marks it overdue when the window closes.
    /// </summary>
    private static async Task PayReviewFeesAsync(DemoStory story, Guid campaignId, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 9, 12, 10, 30), cancellationToken);
        var auditor = await story.ActorAsync("auditor1");
        var voucher = DemoScans.Pdf(
        [
            "演示转账凭证（虚构，仅供试用）",
            "付款人：黔南能源集团有限公司",
            "收款人：中共贵州省委宣传部",
            "金额：300.00 元",
            "附言：政工系列评审费",
            $"转账日期：{BeijingTime.DateOf(story.Now):yyyy-MM-dd}",
        ]);
        using (var content = new MemoryStream(voucher))
        {
            await story.SendAsync<RecordTransfer, TransferRecorded>(
                new RecordTransfer(campaignId, BeijingTime.DateOf(story.Now), "黔南能源集团有限公司", 300m, "政工系列评审费", content, "黔南能源-评审费转账凭证.pdf", content.Length, auditor),
                cancellationToken);
        }

        await story.AtAsync(At(2023, 9, 14, 16, 0), cancellationToken);
        var office = await story.ActorAsync("office");
        using (var statement = new MemoryStream())
        {
            statement.SaveAs(new[]
            {
                new Dictionary<string, object> { ["交易日期"] = new DateTime(2023, 9, 12), ["付款人"] = "黔南能源集团有限公司", ["金额"] = 300m, ["摘要"] = "政工系列评审费" },
                new Dictionary<string, object> { ["交易日期"] = new DateTime(2023, 9, 13), ["付款人"] = "贵阳某某文印有限公司", ["金额"] = 1260m, ["摘要"] = "退回多收印刷费" },
            });
            statement.Position = 0;
            await story.SendAsync<ImportStatement, StatementImported>(new ImportStatement(campaignId, statement, "2023年9月银行流水.xlsx", office), cancellationToken);
        }

        await story.AtAsync(At(2023, 9, 14, 16, 10), cancellationToken);
        var stray = await story.ReadAsync(db => db.StatementRows.AsNoTracking().Where(r => r.CampaignId == campaignId && r.Decision == StatementRowDecision.Pending).Select(r => r.Id).SingleAsync(cancellationToken));
        await story.SendAsync<DecideStatementRow, StatementRowDecision>(new DecideStatementRow(stray, StatementRowChoice.Ignore, null, "非评审费款项（印刷费退款）。", office), cancellationToken);
    }

    /// <summary>
    /// On Sunday Oct 8, a make-up working day after the National Day holiday, the office publishes
    /// the preliminary results for 5 working days from Monday Oct 9: the period ends on Friday
    /// Oct 13, as the notice had it.
    /// </summary>
    private static async Task PublishPreliminaryResultsAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 10, 8, 9, 30), cancellationToken);
        await story.SendAsync<PublishPreliminaryResults, PreliminaryResultsPublished>(
            new PublishPreliminaryResults(HistoryYear, new DateOnly(2023, 10, 9), PublicPublicity.DefaultWorkingDays, null, await story.ActorAsync("office")),
            cancellationToken);
    }

    /// <summary>On Thu Nov 2 the office publishes the committee list for 5 working days from Fri Nov 3 (to Thu Nov 9): everyone eligible is on it.</summary>
    private static async Task PublishCommitteeListAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await story.AtAsync(At(2023, 11, 2, 10, 0), cancellationToken);
        await story.SendAsync<PublishCommitteeList, CommitteeListPublished>(
            new PublishCommitteeList(HistoryYear, new DateOnly(2023, 11, 3), PublicPublicity.DefaultWorkingDays, null, await story.ActorAsync("office")),
            cancellationToken);
    }

    /// <param name="scan">What the entry's scan shows; null when the applicant has not uploaded it.</param>
    private static async Task AddItemAsync(DemoStory story, Guid applicationId, WorkflowActor actor, DossierItemInput input, string? scan, CancellationToken cancellationToken)
    {
        var change = await story.SendAsync<AddDossierItem, DossierChange>(new AddDossierItem(applicationId, input, null, actor), cancellationToken);
        if (scan is not null)
        {
            var slot = await story.ReadAsync(db => db.DossierItems.AsNoTracking().Where(i => i.Id == change.ItemId).Select(i => i.Key).SingleAsync(cancellationToken));
            await UploadAsync(story, applicationId, actor, slot, scan, cancellationToken);
        }
    }

    private static async Task UploadAsync(DemoStory story, Guid applicationId, WorkflowActor actor, string slot, string document, CancellationToken cancellationToken)
    {
        var pdf = DemoScans.Pdf(
        [
            "演示扫描件（虚构，仅供试用）",
            document,
            $"持有人：{actor.Name}",
            $"扫描日期：{BeijingTime.DateOf(story.Now):yyyy-MM-dd}",
            $"申报编号：{applicationId}",
            $"材料位置：{slot}",
        ]);
        using var content = new MemoryStream(pdf);
        await story.SendAsync<UploadAttachment, AttachmentInfo>(
            new UploadAttachment(applicationId, slot, content, $"{actor.Name}-{document}.pdf", content.Length, null, actor), cancellationToken);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));
}
