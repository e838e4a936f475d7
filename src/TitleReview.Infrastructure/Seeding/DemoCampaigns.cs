using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Applications.StartApplication;
using TitleReview.Application.Files;
using TitleReview.Application.Notifications;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common;
using TitleReview.Application.Units;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.FireTrigger;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Messaging;
using TitleReview.Infrastructure.Notifications;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Workflow;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Development only: the 2023 campaign exactly as the notice had it, with its history replayed
/// through the real engine at the instants things happened (so the journal reads like 2023),
/// and a current campaign whose windows sit around today, so that each open stage can be tried.
/// </summary>
public sealed class DemoCampaigns(
    AppDbContext db,
    IWorkflowDefinitions definitions,
    IEnumerable<IWorkflowFactProvider> factProviders,
    IEnumerable<IWorkflowAction> actions,
    ITimelineFiles timelines,
    UserManager<AppUser> users,
    IServiceScopeFactory scopes,
    IAccountProvisioning accounts,
    ISiteLinks links,
    IOptions<OfficeContact> contact,
    IFileStore files,
    IOptions<UploadOptions> uploads,
    WorkingDayCalendar calendar,
    TimeProvider clock,
    IOptions<WorkflowClockOptions> clockOptions,
    ILoggerFactory loggers)
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
            await SeedHistoryAsync(now, cancellationToken);
        }

        var currentYear = BeijingTime.DateOf(now).Year;
        if (!await db.Campaigns.AnyAsync(c => c.Year == currentYear, cancellationToken))
        {
            await SeedCurrentAsync(now, cancellationToken);
        }
    }

    private async Task SeedHistoryAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replay = new ReplayClock(At(2023, 7, 12, 9, 0));
        var office = await ActorAsync("office");
        var campaignId = await new CreateCampaignFromTimelineHandler(db, Engine(replay), definitions, replay)
            .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(timelines.Read(HistoryYear)), office), cancellationToken);

        await RegisterUnitAsync(replay, At(2023, 7, 18, 10, 20), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await RegisterUnitAsync(replay, At(2023, 7, 19, 15, 5), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ApproveAsync(replay, At(2023, 7, 20, 9, 30), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ApproveAsync(replay, At(2023, 7, 20, 9, 45), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ConfirmAsync(replay, At(2023, 7, 24, 14, 0), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ConfirmAsync(replay, At(2023, 7, 26, 11, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await RunClockUntilAsync(replay, At(2023, 8, 1, 8, 30), cancellationToken);

        var li = await StartAsync(replay, At(2023, 8, 2, 20, 15), campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhang = await StartAsync(replay, At(2023, 8, 3, 19, 40), campaignId, "applicant2", TitleLevel.Assistant, cancellationToken);
        var zhao = await StartAsync(replay, At(2023, 8, 7, 10, 5), campaignId, "applicant3", TitleLevel.Senior, cancellationToken);
        _ = zhang;

        await FillDossierAsync(replay, At(2023, 8, 12, 20, 0), li, "applicant1", complete: true, cancellationToken);
        await FillDossierAsync(replay, At(2023, 8, 14, 19, 30), zhao, "applicant3", complete: true, cancellationToken);
        await FireAsync(replay, At(2023, 8, 20, 21, 30), li, WorkflowOperations.SubmitDossier, "applicant1", null, cancellationToken);
        await ReturnAsync(replay, At(2023, 8, 22, 10, 12), li, "auditor1", DossierSection.Achievements, "工作材料字数不足，请补充。", cancellationToken);
        await AddMaterialAsync(replay, At(2023, 8, 25, 21, 0), li, "applicant1", cancellationToken);
        await FireAsync(replay, At(2023, 8, 26, 22, 3), li, WorkflowOperations.SubmitDossier, "applicant1", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 29, 9, 48), li, WorkflowOperations.ApproveDossier, "auditor1", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 24, 16, 20), zhao, WorkflowOperations.SubmitDossier, "applicant3", null, cancellationToken);
        await FireAsync(replay, At(2023, 8, 28, 15, 2), zhao, WorkflowOperations.ApproveDossier, "auditor2", null, cancellationToken);

        // Unit publicity for 5 working days (Aug 30 – Sep 5), no objection, submitted to the office.
        // The replay clock only moves forward, and a publicity starts on its day: each step is taken for both in turn.
        await StartPublicityAsync(replay, At(2023, 8, 30, 9, 0), li, "auditor1", cancellationToken);
        await StartPublicityAsync(replay, At(2023, 8, 30, 9, 10), zhao, "auditor2", cancellationToken);
        await RecordNoObjectionAsync(replay, At(2023, 9, 6, 9, 30), li, "auditor1", cancellationToken);
        await RecordNoObjectionAsync(replay, At(2023, 9, 6, 9, 40), zhao, "auditor2", cancellationToken);
        await SubmitToOfficeAsync(replay, At(2023, 9, 7, 10, 0), li, "auditor1", cancellationToken);
        await SubmitToOfficeAsync(replay, At(2023, 9, 7, 10, 10), zhao, "auditor2", cancellationToken);

        // From here the clock alone moves things: filing closes, then every stage in turn.
        await RunClockUntilAsync(replay, now, cancellationToken);
    }

    private async Task SeedCurrentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(now);
        DateTimeOffset Day(int offset, int hour) => BeijingTime.StartOfDay(today.AddDays(offset)).AddHours(hour);

        var replay = new ReplayClock(Day(-30, 9));
        var office = await ActorAsync("office");
        var campaignId = await new CreateCampaignFromTimelineHandler(db, Engine(replay), definitions, replay)
            .HandleAsync(new CreateCampaignFromTimeline(CurrentTimeline(today, CampaignWorkflow.NewCampaignStages(definitions)), office), cancellationToken);

        await RegisterUnitAsync(replay, Day(-23, 10), campaignId, DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await RegisterUnitAsync(replay, Day(-22, 16), campaignId, DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await RegisterUnitAsync(replay, Day(-21, 11), campaignId, DemoAccounts.TongrenMaterials, null, cancellationToken);
        await ApproveAsync(replay, Day(-19, 9), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ApproveAsync(replay, Day(-19, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);
        await ConfirmAsync(replay, Day(-16, 15), DemoAccounts.QiannanEnergy, "auditor1", cancellationToken);
        await ConfirmAsync(replay, Day(-15, 10), DemoAccounts.ProvincialTransport, "auditor2", cancellationToken);

        // The Tongren unit was never reviewed: the clock marks it not confirmed when confirmation closes.
        await RunClockUntilAsync(replay, now, cancellationToken);
        replay.MoveTo(now);

        var li = await StartAsync(replay, null, campaignId, "applicant1", TitleLevel.Intermediate, cancellationToken);
        var zhao = await StartAsync(replay, null, campaignId, "applicant3", TitleLevel.Senior, cancellationToken);

        // 李华 is still filing: his hours are 12 short and one job lacks its appointment document.
        await FillDossierAsync(replay, null, li, "applicant1", complete: false, cancellationToken);
        await FillDossierAsync(replay, null, zhao, "applicant3", complete: true, cancellationToken);
        await FireAsync(replay, null, zhao, WorkflowOperations.SubmitDossier, "applicant3", null, cancellationToken);
    }

    private async Task RegisterUnitAsync(ReplayClock replay, DateTimeOffset at, Guid campaignId, DemoAccounts.DemoUnit unit, string? auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var auditor = auditorUserName is null ? null : DemoAccounts.Users.Single(u => u.UserName == auditorUserName);
        var handler = new RegisterUnitHandler(db, Engine(replay), definitions, accounts, new InboxNotificationSender(db, replay), new MessageOutbox(db, replay), links, contact, replay);
        await handler.HandleAsync(
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
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The demo auditors already have accounts, so approval links them instead of creating new
    /// ones (the real approval creates the account and its activation link).
    /// </summary>
    private async Task ApproveAsync(ReplayClock replay, DateTimeOffset at, DemoAccounts.DemoUnit unit, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var registration = await db.UnitRegistrations.OrderByDescending(r => r.SubmittedAt).FirstAsync(r => r.CreditCode == unit.CreditCode, cancellationToken);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectId == registration.Id, cancellationToken);
        var auditor = await users.FindByNameAsync(auditorUserName) ?? throw new InvalidOperationException(auditorUserName);
        registration.Approve(unit.Id, auditor.Id);
        instance.AssignUnit(unit.Id, replay.GetUtcNow());
        await Engine(replay).PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.ApproveRegistration, await ActorAsync("office")), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task ConfirmAsync(ReplayClock replay, DateTimeOffset at, DemoAccounts.DemoUnit unit, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(replay, at, cancellationToken);
        var registration = await db.UnitRegistrations.AsNoTracking().OrderByDescending(r => r.SubmittedAt).FirstAsync(r => r.CreditCode == unit.CreditCode, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.SubjectId == registration.Id, cancellationToken);
        await Engine(replay).PerformAsync(new PerformRequest(instance.Id, WorkflowOperations.ConfirmRegistration, await ActorAsync(auditorUserName)), cancellationToken);
        db.ChangeTracker.Clear();
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

    private async Task<Guid> StartAsync(ReplayClock time, DateTimeOffset? at, Guid campaignId, string userName, TitleLevel level, CancellationToken cancellationToken)
    {
        if (at is { } instant)
        {
            await RunClockUntilAsync(time, instant, cancellationToken);
        }

        var actor = await ActorAsync(userName);
        var applicationId = await new StartApplicationHandler(db, Engine(time), definitions, contact, time)
            .HandleAsync(new StartApplication(campaignId, level, actor), cancellationToken);
        return await db.WorkflowInstances.Where(i => i.SubjectId == applicationId).Select(i => i.Id).SingleAsync(cancellationToken);
    }

    private async Task FireAsync(ReplayClock time, DateTimeOffset? at, Guid instanceId, string operation, string userName, string? reason, CancellationToken cancellationToken)
    {
        if (at is { } instant)
        {
            await RunClockUntilAsync(time, instant, cancellationToken);
        }

        if (operation == WorkflowOperations.ApproveDossier)
        {
            await VerifyAllAsync(time, instanceId, userName, cancellationToken);
        }

        await Engine(time).PerformAsync(new PerformRequest(instanceId, operation, await ActorAsync(userName), reason), cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>A demo dossier, filled through the real use cases with invented one-page PDF scans.</summary>
    private async Task FillDossierAsync(ReplayClock time, DateTimeOffset? at, Guid instanceId, string userName, bool complete, CancellationToken cancellationToken)
    {
        if (at is { } instant)
        {
            await RunClockUntilAsync(time, instant, cancellationToken);
        }

        var actor = await ActorAsync(userName);
        var applicationId = await ApplicationIdAsync(instanceId, cancellationToken);
        var year = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where a.Id == applicationId select c.Year).SingleAsync(cancellationToken);
        var (title, since, post) = userName == "applicant3" ? ("政工师", new DateOnly(2016, 9, 1), "党委宣传部部长") : ("助理政工师", new DateOnly(2018, 7, 1), "党群工作部副部长");

        await new SavePersonalInfoHandler(db, definitions, time).HandleAsync(new SavePersonalInfo(applicationId, title, since, post, EvaluationType.Regular, false, null, actor), cancellationToken);
        foreach (var slot in AttachmentSlots.Fixed)
        {
            await UploadDemoAsync(time, applicationId, actor, slot, cancellationToken);
        }

        await AddItemAsync(time, applicationId, actor, new DossierItemInput("education", Year: year - 1, Hours: complete ? 96 : 78, ProfessionalHours: complete ? 66 : 52), upload: false, cancellationToken);
        await AddItemAsync(time, applicationId, actor, new DossierItemInput("work", From: new DateOnly(2010, 7, 1), To: since.AddDays(-1), Unit: "黔南能源集团有限公司", Post: "党群工作部干事"), upload: true, cancellationToken);
        await AddItemAsync(time, applicationId, actor, new DossierItemInput("work", From: since, Unit: "黔南能源集团有限公司", Post: post), upload: complete, cancellationToken);
        await AddItemAsync(time, applicationId, actor, new DossierItemInput("award", Name: "全省企业思想政治工作优秀成果奖", Level: "省级", Issuer: "贵州省企业思想政治工作研究会", Date: new DateOnly(2021, 11, 1)), upload: true, cancellationToken);
        await AddItemAsync(time, applicationId, actor, new DossierItemInput("material", MaterialKind: WorkMaterialKind.Report, Title: "关于加强新时代企业思想政治工作的调研报告", Date: new DateOnly(2021, 4, 12), WordCount: 4200), upload: true, cancellationToken);
        await AddItemAsync(time, applicationId, actor, new DossierItemInput("material", MaterialKind: WorkMaterialKind.Speech, Title: "在年度思想政治工作会议上的讲话", Date: new DateOnly(2022, 1, 18), WordCount: 5100), upload: true, cancellationToken);
        foreach (var n in userName == "applicant3" ? new[] { 1, 2 } : new[] { 1 })
        {
            await AddItemAsync(time, applicationId, actor, new DossierItemInput("paper", Title: $"国有企业基层党建与思想政治工作融合路径探析（{n}）", Journal: "贵州政工研究", Issue: $"2022年第{n}期", IssnCn: "CN52-0000/D", Date: new DateOnly(2022, n * 3, 1), AuthorRank: 1), upload: true, cancellationToken);
        }
    }

    private async Task AddMaterialAsync(ReplayClock time, DateTimeOffset at, Guid instanceId, string userName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(time, at, cancellationToken);
        await AddItemAsync(time, await ApplicationIdAsync(instanceId, cancellationToken), await ActorAsync(userName), new DossierItemInput("material", MaterialKind: WorkMaterialKind.Summary, Title: "2022 年度党群工作总结", Date: new DateOnly(2022, 12, 28), WordCount: 3600), upload: true, cancellationToken);
    }

    private async Task StartPublicityAsync(ReplayClock time, DateTimeOffset at, Guid instanceId, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(time, at, cancellationToken);
        await new StartUnitPublicityHandler(db, Engine(time), definitions, calendar, time).HandleAsync(
            new StartUnitPublicity([await ApplicationIdAsync(instanceId, cancellationToken)], await ActorAsync(auditorUserName)), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task RecordNoObjectionAsync(ReplayClock time, DateTimeOffset at, Guid instanceId, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(time, at, cancellationToken);
        await new RecordUnitPublicityHandler(db, Engine(time), definitions, time).HandleAsync(
            new RecordUnitPublicity(await ApplicationIdAsync(instanceId, cancellationToken), PublicityOutcome.NoObjection, null, await ActorAsync(auditorUserName)), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task SubmitToOfficeAsync(ReplayClock time, DateTimeOffset at, Guid instanceId, string auditorUserName, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(time, at, cancellationToken);
        await new SubmitToOfficeHandler(db, Engine(time), definitions).HandleAsync(
            new SubmitToOffice([await ApplicationIdAsync(instanceId, cancellationToken)], await ActorAsync(auditorUserName)), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task ReturnAsync(ReplayClock time, DateTimeOffset at, Guid instanceId, string auditorUserName, DossierSection section, string reason, CancellationToken cancellationToken)
    {
        await RunClockUntilAsync(time, at, cancellationToken);
        await new ReturnDossierHandler(db, Engine(time), definitions, time).HandleAsync(
            new ReturnDossier(await ApplicationIdAsync(instanceId, cancellationToken), new Dictionary<DossierSection, string?> { [section] = reason }, null, await ActorAsync(auditorUserName)),
            cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task VerifyAllAsync(ReplayClock time, Guid instanceId, string auditorUserName, CancellationToken cancellationToken)
    {
        var applicationId = await ApplicationIdAsync(instanceId, cancellationToken);
        var auditor = await ActorAsync(auditorUserName);
        var items = await db.DossierItems.AsNoTracking().Where(i => i.ApplicationId == applicationId).ToListAsync(cancellationToken);

        // As on the review page: the auditor opens every scan before ticking the items.
        var scans = await db.DossierAttachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var scan in scans)
        {
            var opened = await new OpenAttachmentHandler(db, files, time).HandleAsync(new OpenAttachment(scan, auditor), cancellationToken);
            await opened.Content.DisposeAsync();
        }

        foreach (var (key, _, _) in DossierCheck.MandatoryItems(items))
        {
            await new VerifyItemHandler(db, definitions, time).HandleAsync(new VerifyItem(applicationId, key, true, auditor), cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private async Task AddItemAsync(ReplayClock time, Guid applicationId, WorkflowActor actor, DossierItemInput input, bool upload, CancellationToken cancellationToken)
    {
        var change = await new AddDossierItemHandler(db, definitions, time).HandleAsync(new AddDossierItem(applicationId, input, null, actor), cancellationToken);
        db.ChangeTracker.Clear();
        if (upload)
        {
            var item = await db.DossierItems.AsNoTracking().SingleAsync(i => i.Id == change.ItemId, cancellationToken);
            await UploadDemoAsync(time, applicationId, actor, item.Key, cancellationToken);
        }
    }

    private async Task UploadDemoAsync(ReplayClock time, Guid applicationId, WorkflowActor actor, string slot, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(DemoScan($"{actor.Name} {slot}"));
        await new UploadAttachmentHandler(db, files, uploads, definitions, time)
            .HandleAsync(new UploadAttachment(applicationId, slot, content, "扫描件.pdf", content.Length, null, actor), cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Task<Guid> ApplicationIdAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.SubjectId).SingleAsync(cancellationToken);

    /// <summary>A one-page PDF naming what it stands for; every demo scan differs, so none is flagged as a duplicate.</summary>
    private static byte[] DemoScan(string label) =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% 演示扫描件：{label}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Moves the replay clock forward timer by timer, firing each at its due instant.</summary>
    private async Task RunClockUntilAsync(ReplayClock replay, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await db.WorkflowBookmarks.AsNoTracking()
                .Where(b => b.Status == BookmarkStatus.Pending && b.DueAt <= until)
                .OrderBy(b => b.DueAt)
                .Select(b => (DateTimeOffset?)b.DueAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }

            replay.MoveTo(next.Value.AddSeconds(1));
            await Clock(replay).RunAsync(cancellationToken);

            // The clock fires in scopes of its own; forget what this context had tracked.
            db.ChangeTracker.Clear();
        }

        replay.MoveTo(until);
    }

    private WorkflowEngine Engine(TimeProvider time) => new(db, definitions, factProviders, actions, calendar, time);

    private WorkflowClock Clock(TimeProvider time) =>
        new(db, scopes, definitions, calendar, time, clockOptions, loggers.CreateLogger<WorkflowClock>());

    private async Task<WorkflowActor> ActorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"Demo account {userName} is missing.");
        var roles = await users.GetRolesAsync(user);
        return new WorkflowActor(user.Id, user.DisplayName, roles.ToList(), user.UnitId);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        BeijingTime.FromBeijing(new DateTime(year, month, day, hour, minute, 0));

    /// <summary>A clock that stands where the replay puts it; used only to write demo history.</summary>
    private sealed class ReplayClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateTimeOffset instant)
        {
            if (instant > _now)
            {
                _now = instant;
            }
        }
    }
}
