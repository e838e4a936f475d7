using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Performance;

/// <summary>
/// The SQL commands each main page and API may execute for one request (ADR 0026), on the demo
/// campaigns: 李华 (applicant1) is filing, 赵强 (applicant3) waits for auditor2's review. Each
/// budget holds with the demo's rows and with about three times as many, and the count must not
/// grow with them. A count is not a time: it is the same on every machine and every run, so it
/// belongs in <c>dotnet test</c>; the timings are bench/run's.
/// </summary>
/// <remarks>
/// The budgets are today's counts (issue 12), so that a new command shows up as a failure that
/// lists every command; the figure in each constant's comment is the count before issue 12's
/// changes. Writes count too: SQLite executes each INSERT, UPDATE and DELETE as its own command.
/// </remarks>
public class QueryBudgetTests
{
    /// <summary>No page issues more than this, whatever it shows (issue 12).</summary>
    private const int PageBudget = 16;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// What an audited request adds above <see cref="PageBudget"/> (issue 18, ADR 0053): a command, or
    /// an opening of someone else's dossier, appends its audit row in two commands.
    /// </summary>
    private const int AuditAppend = 2;

    /// <summary>Was 3. The session's queries only: the page links to the dossier. Issue 16 adds whether the results of a decided case are public yet (the demo's 2023 cases are decided).</summary>
    private const int ApplicantHomeBudget = 5;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// Was 15 (overview, section page and API alike). The engine reloaded the instance, the campaign
    /// and four parts of the dossier for the permitted triggers; it now takes the facts from the
    /// dossier the query has loaded, which reads the application with its instance in one command
    /// (ADR 0029): the session's, the application with its instance, the four parts, the campaign
    /// and the unit.
    /// </summary>
    private const int DossierBudget = 9;  // Issue 18: +1, the header's unread count.

    /// <summary>Was 17. As <see cref="DossierBudget"/>, plus the other holders of the same scans. Issue 18 adds the audit row (the office or an auditor opening someone else's dossier): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).</summary>
    private const int ReviewBudget = 12;  // Issue 18: +1, the header's unread count; +2, the opening's audit row.

    /// <summary>Was 4 (issue 11 removed the query per registration row); issue 13 adds the campaign whose delivery and payment the home shows, with the office's details; issue 16 whether the results of the unit's decided cases are public yet.</summary>
    private const int AuditorHomeBudget = 7;  // Issue 18: +1, the header's unread count.

    /// <summary>New in issue 13: the session, the campaign with its details, the journal's changes.</summary>
    private const int OfficeDetailsPageBudget = 4;  // Issue 18: +1, the header's unread count.

    /// <summary>New in issue 13: the session, the campaign with its stages and details, the unit, the submitted applicants.</summary>
    private const int InstructionSheetBudget = 7;  // Issue 18: +1, the header's unread count.

    /// <summary>Was 7. Counts per campaign, role and state, which the monitor's rewrite may change, hence the room.</summary>
    private const int OfficeHomeBudget = 11;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// Was 2 (the list) and 4 (the counts). Helper "monitor" of issue 12 rewrites both queries; this
    /// budget stays valid for any rewrite that keeps a page to a few commands.
    /// </summary>
    private const int MonitorApiBudget = 6;

    /// <summary>Was 20. The engine decides on the dossier the use case loaded instead of reading it again. Issue 18 adds the audit row (the command's): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).</summary>
    private const int ReturnBudget = 18;  // Issue 18: +1, the applicant's notification of the return; +2, the audit row.

    /// <summary>Was 14 through the API and 28 through the page, which loaded the whole dossier before the command. Issue 18 adds the audit row (the command's): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).</summary>
    private const int SubmitBudget = 15;

    /// <summary>Was 10. Issue 18 adds the audit row (the command's): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).</summary>
    private const int UploadBudget = 12;

    /// <summary>
    /// Was 23. Approval also freezes the dossier's snapshot (ADR 0010), which reads the dossier,
    /// the campaign, the unit and the applicant's contact, and supersedes printed papers.
    /// Issue 18 adds the audit row (the command's): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).
    /// </summary>
    private const int ApproveBudget = 24;

    /// <summary>New (issue 13): the session's, the campaign with its stages and fees, the payments with their transfers, their instances, the submitted applications' levels, the statement rows waiting.</summary>
    private const int PaymentsBudget = 11;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// New in issue 14: the session's, the years, the campaign, the submitted cases, the check-ins,
    /// the unit cards, the Fees module's overview (four) and unpaid flags, the current conclusions.
    /// Issue 17 adds the integrity marks of the rows listed (one command).
    /// </summary>
    private const int PreliminaryQueueBudget = 15;  // Issue 18: +1, the header's unread count.

    /// <summary>
    /// New in issue 14: the dossier as the review page reads it (<see cref="ReviewBudget"/> and the
    /// unpaid flags), then the campaign, the year's submitted cases (previous and next), the
    /// check-in, the Fees module's overview (four), the conclusions' history, the active reasons.
    /// Issue 17 adds the integrity marks (one command).
    /// Issue 18 adds the audit row (the office opening the dossier): two commands, the chain head's lock and read (with the unit's and applicant's names) and the insert with the head's move (ADR 0053).
    /// </summary>
    private const int PreliminaryDeskBudget = 23;  // Issue 18: +1, the header's unread count; +2, the opening's audit row.

    /// <summary>New in issue 18: the session's, the header's unread count, the page's total and unread counts, the page of notifications.</summary>
    private const int NotificationsBudget = 6;

    /// <summary>New in issue 18: the session's, the header's unread count, the campaigns with a window open and their stages; per due topic its cases and their people, and the reminders already sent.</summary>
    private const int RemindersPageBudget = 5;

    /// <summary>
    /// New in issue 18 (ADR 55): the session's, the campaigns, the applications per campaign and level,
    /// one GROUP BY per funnel stage reached (five), the certificates per campaign and level, the year's
    /// applications per unit and those units' cards. The chart endpoint asks the same query.
    /// </summary>
    private const int StatisticsBudget = 13;  // 12, and +1 on the page for the header's unread count (issue 18's notification centre).

    /// <summary>New in issue 18 (ADR 54): the session's, the years, the year's published lists.</summary>
    private const int ExportsPageBudget = 5;  // 4, and +1 for the header's unread count.

    private TitleReviewFactory _factory = null!;
    private QueryBudget _budget = null!;
    private Guid _li;
    private Guid _zhao;
    private int _year;

    [SetUp]
    public async Task SetUp()
    {
        _factory = DemoFactory();
        _budget = _factory.Queries!;
        (_li, _zhao, _year) = await DemoApplicationsAsync(_factory);
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task ApplicantsPagesAndDossierApi_WithThreeTimesTheEntries_StayWithinBudget_AndDoNotGrow()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        var budgets = new Dictionary<string, int>
        {
            ["/Applicant"] = ApplicantHomeBudget,
            [$"/Applicant/Dossier/{_li}"] = DossierBudget,
            [$"/Applicant/Dossier/{_li}/achievements"] = DossierBudget,
            [$"/api/applications/{_li}/dossier"] = DossierBudget,
        };

        // The demo's dossier has 7 entries; 14 more awards, each with its scan, make 21.
        var before = await MeasureEachAsync(applicant, budgets.Keys);
        await MoreRows.AddAwardsAsync(_factory, _li, 14);
        var after = await MeasureEachAsync(applicant, budgets.Keys);

        AssertBudgets(budgets, before, after);
    }

    [Test]
    public async Task ReviewPage_WithThreeTimesTheEntries_StaysWithinBudget_AndDoesNotGrow()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var budgets = new Dictionary<string, int>
        {
            [$"/Review/{_zhao}"] = ReviewBudget,
            [$"/api/applications/{_zhao}/dossier"] = ReviewBudget,
        };

        var before = await MeasureEachAsync(auditor, budgets.Keys);
        await MoreRows.AddAwardsAsync(_factory, _zhao, 16);
        var after = await MeasureEachAsync(auditor, budgets.Keys);

        AssertBudgets(budgets, before, after);
    }

    [Test]
    public async Task AuditorsQueue_WithThreeTimesTheApplications_StaysWithinBudget_AndDoesNotGrow()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        // auditor1's unit has 3 applications over two campaigns: 7, then 21.
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 4);
        var before = await _budget.MeasureAsync(() => auditor.GetAsync("/Auditor"));
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 14);
        var after = await _budget.MeasureAsync(() => auditor.GetAsync("/Auditor"));

        before.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(AuditorHomeBudget);
        after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before);
    }

    [Test]
    public async Task OfficeHomeAndMonitor_WithThreeTimesTheInstances_StayWithinBudget_AndDoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var budgets = new Dictionary<string, int>
        {
            ["/Office"] = OfficeHomeBudget,
            [$"/Office/Workflows?year={_year}"] = PageBudget,
            [$"/api/workflows/instances?year={_year}"] = MonitorApiBudget,
            [$"/api/workflows/counts?year={_year}"] = MonitorApiBudget,
        };

        // The current campaign has 2 applications: 7, then 22, so the list's first page fills too.
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 5);
        var before = await MeasureEachAsync(office, budgets.Keys);
        await MoreRows.AddApplicationsLikeAsync(_factory, _li, 15);
        var after = await MeasureEachAsync(office, budgets.Keys);

        AssertBudgets(budgets, before, after);
    }

    [Test]
    public async Task ReturnSubmitUploadAndApprove_WithThreeTimesTheEntries_StayWithinBudget_AndDoNotGrow()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var applicant = await SignedInClientAsync(_factory, "applicant3");

        var before = await ReturnAndSubmitAsync(auditor, applicant);
        await MoreRows.AddAwardsAsync(_factory, _zhao, 14);
        var after = await ReturnAndSubmitAsync(auditor, applicant);

        var budgets = new Dictionary<string, int>
        {
            ["return (API)"] = ReturnBudget,
            ["return (page)"] = ReturnBudget,
            ["submit (API)"] = SubmitBudget,
            ["submit (page)"] = SubmitBudget,
            ["upload (API)"] = UploadBudget,
        };
        AssertBudgets(budgets, before, after);

        await OpenEveryScanAndTickEveryItemAsync(auditor, _zhao);
        var approve = await _budget.MeasureAsync(() => auditor.PostAsJsonAsync($"/api/applications/{_zhao}/dossier/approve", new { }));
        approve.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(ApproveBudget);
    }

    [Test]
    public async Task FeePages_OfTheDemoYear_StayWithinBudget()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");

        var reconciliation = await _budget.MeasureAsync(() => office.GetAsync("/Office/Payments?year=2023"));
        var incoming = await _budget.MeasureAsync(() => office.GetAsync("/Office/Incoming?year=2023"));
        var unitPayment = await _budget.MeasureAsync(() => auditor.GetAsync("/Auditor/Payment?year=2023"));

        reconciliation.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PaymentsBudget, "the office's reconciliation");
        incoming.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PageBudget, "the incoming list with its unpaid flags");
        unitPayment.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PaymentsBudget, "the unit's payment page");
    }

    [Test]
    public async Task OfficeDetailsPageAndInstructionSheet_WithThreeTimesTheApplications_StayWithinBudget_AndDoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var auditor = await SignedInClientAsync(_factory, "auditor1");
        Guid submitted2023;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            submitted2023 = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        // 李华 of 2023 is submitted to the office, so each copy is one more envelope on the sheet.
        await MoreRows.AddApplicationsLikeAsync(_factory, submitted2023, 4);
        var details = await _budget.MeasureAsync(() => office.GetAsync("/Office/Campaigns/Details?year=2023"));
        var sheet = await _budget.MeasureAsync(() => auditor.GetAsync("/Auditor/Instructions?year=2023"));
        await MoreRows.AddApplicationsLikeAsync(_factory, submitted2023, 14);
        var moreSheet = await _budget.MeasureAsync(() => auditor.GetAsync("/Auditor/Instructions?year=2023"));

        details.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(OfficeDetailsPageBudget);
        sheet.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(InstructionSheetBudget);
        moreSheet.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(sheet);
    }

    [Test]
    public async Task PaperCounter_WithMoreUnitsAndEnvelopes_StaysWithinBudget_AndDoesNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        Guid li2023;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li2023 = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        var path = $"/Office/Paper?year=2023&unitId={DemoAccounts.QiannanEnergy.Id}&applicationId={li2023}";
        var counter = await _budget.MeasureAsync(() => office.GetAsync(path));
        await MoreRows.AddUnitsLikeAsync(_factory, li2023, 3, 2);
        await MoreRows.AddApplicationsLikeAsync(_factory, li2023, 6);
        var moreCounter = await _budget.MeasureAsync(() => office.GetAsync(path));

        counter.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PageBudget, "the counter with a unit and a person open");
        moreCounter.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(counter);
    }

    [Test]
    public async Task PreliminaryQueueAndDesk_WithMoreUnitsAndDossiers_StayWithinBudget_AndDoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        Guid li2023;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li2023 = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        const string queuePath = "/Office/Preliminary?year=2023&filter=All";
        var deskPath = $"/Office/Preliminary/Review?id={li2023}&filter=All";
        var queue = await _budget.MeasureAsync(() => office.GetAsync(queuePath));
        var desk = await _budget.MeasureAsync(() => office.GetAsync(deskPath));
        await MoreRows.AddUnitsLikeAsync(_factory, li2023, 3, 2);
        await MoreRows.AddApplicationsLikeAsync(_factory, li2023, 6);
        var moreQueue = await _budget.MeasureAsync(() => office.GetAsync(queuePath));
        var moreDesk = await _budget.MeasureAsync(() => office.GetAsync(deskPath));

        queue.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PreliminaryQueueBudget, "the preliminary review queue");
        moreQueue.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(queue);
        desk.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(PreliminaryDeskBudget, "the preliminary review desk");
        moreDesk.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(desk);
    }

    [Test]
    public async Task StatisticsChartAndExportsPage_WithMoreUnitsAndApplications_StayWithinBudget_AndDoNotGrow()
    {
        var office = await SignedInClientAsync(_factory, "office");
        Guid li2023;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            li2023 = await (from a in db.TitleApplications join c in db.Campaigns on a.CampaignId equals c.Id where c.Year == 2023 && a.ApplicantName == "李华" select a.Id).SingleAsync();
        }

        var budgets = new Dictionary<string, int>
        {
            ["/Office/Statistics?year=2023"] = StatisticsBudget,
            ["/Office/Statistics/Chart?kind=Region&year=2023"] = StatisticsBudget,
            ["/Office/Exports?year=2023"] = ExportsPageBudget,
        };
        var before = await MeasureEachAsync(office, budgets.Keys);
        await MoreRows.AddUnitsLikeAsync(_factory, li2023, 3, 2);
        await MoreRows.AddApplicationsLikeAsync(_factory, li2023, 6);
        var after = await MeasureEachAsync(office, budgets.Keys);

        AssertBudgets(budgets, before, after);
    }

    [Test]
    public async Task NotificationCentreAndRemindersPage_WithMoreNotifications_StayWithinBudget_AndDoNotGrow()
    {
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        var office = await SignedInClientAsync(_factory, "office");

        await AddNotificationsAsync("applicant1", 3);
        var before = await _budget.MeasureAsync(() => applicant.GetAsync("/Notifications"));
        await AddNotificationsAsync("applicant1", 30);
        var after = await _budget.MeasureAsync(() => applicant.GetAsync("/Notifications"));
        var reminders = await _budget.MeasureAsync(() => office.GetAsync("/Office/Reminders"));

        before.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(NotificationsBudget, "the notification centre");
        after.Should().HaveStatus(HttpStatusCode.OK).And.NotGrowFrom(before);
        reminders.Should().HaveStatus(HttpStatusCode.OK).And.StayWithin(RemindersPageBudget, "the office's reminders page with nothing due today");
    }

    [Test]
    public async Task BudgetCheck_WhenAHandlerQueriesOncePerRow_Fails()
    {
        using var factory = DemoFactory(services => OneQueryPerRow.Register(services));
        var (li, _, _) = await DemoApplicationsAsync(factory);
        var auditor = await SignedInClientAsync(factory, "auditor1");
        await MoreRows.AddApplicationsLikeAsync(factory, li, 4);
        var before = await factory.Queries!.MeasureAsync(() => auditor.GetAsync("/Auditor"));
        await MoreRows.AddApplicationsLikeAsync(factory, li, 14);
        var after = await factory.Queries.MeasureAsync(() => auditor.GetAsync("/Auditor"));

        var check = () => after.Should().NotGrowFrom(before);

        check.Should().Throw<AssertionException>()
            .WithMessage($"*not to grow with the rows shown, but it went from {before.Count} to {before.Count + 14}*")
            .Which.Message.Should().Contain("WorkflowJournal", "the listing shows the repeated command");
    }

    private async Task AddNotificationsAsync(string userName, int count)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accountId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            db.AccountNotifications.Add(Domain.Notifications.AccountNotification.Create(accountId, $"通知 {i}", "内容", "/Applicant", DateTimeOffset.UtcNow.AddMinutes(-i)));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Returns 赵强's dossier through the API and the review page, re-uploads a scan and resubmits it twice.</summary>
    private async Task<Dictionary<string, QueryMeasurement>> ReturnAndSubmitAsync(HttpClient auditor, HttpClient applicant)
    {
        var measured = new Dictionary<string, QueryMeasurement>();
        measured["return (API)"] = await _budget.MeasureAsync(() => auditor.PostAsJsonAsync(
            $"/api/applications/{_zhao}/dossier/return", new { reasons = new Dictionary<string, string> { ["Achievements"] = "请补充工作材料。" } }));
        measured["return (API)"].Should().HaveStatus(HttpStatusCode.OK);

        measured["upload (API)"] = await _budget.MeasureAsync(() => UploadAsync(applicant, _zhao, "personal.employment"));
        measured["upload (API)"].Should().HaveStatus(HttpStatusCode.Created);

        measured["submit (API)"] = await _budget.MeasureAsync(() => applicant.PostAsJsonAsync($"/api/applications/{_zhao}/dossier/submit", new { }));
        measured["submit (API)"].Should().HaveStatus(HttpStatusCode.OK);

        var page = await auditor.GetStringAsync($"/Review/{_zhao}");
        measured["return (page)"] = await _budget.MeasureAsync(() => auditor.PostAsync($"/Review/{_zhao}?handler=Return", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reasons[Achievements]"] = "请补充工作材料。",
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(page),
        })));
        measured["return (page)"].Should().HaveStatus(HttpStatusCode.Redirect);

        var dossier = await applicant.GetStringAsync($"/Applicant/Dossier/{_zhao}");
        measured["submit (page)"] = await _budget.MeasureAsync(() => applicant.PostAsync($"/Applicant/Dossier/{_zhao}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ReadAntiforgeryToken(dossier),
        })));
        measured["submit (page)"].Should().HaveStatus(HttpStatusCode.Redirect);
        return measured;
    }

    private static async Task OpenEveryScanAndTickEveryItemAsync(HttpClient auditor, Guid applicationId)
    {
        var dossier = await auditor.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/dossier");
        foreach (var scan in dossier.GetProperty("attachments").EnumerateArray())
        {
            (await auditor.GetAsync($"/files/{scan.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        foreach (var item in dossier.GetProperty("mandatory").EnumerateArray())
        {
            (await auditor.PostAsJsonAsync($"/api/applications/{applicationId}/dossier/verifications", new { itemKey = item.GetProperty("key").GetString(), verified = true }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 测试扫描件\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid applicationId, string slot)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(slot), "slot" },
            { new ByteArrayContent(Pdf) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf") } }, "file", "聘书.pdf" },
        };
        return client.PostAsync($"/api/applications/{applicationId}/dossier/attachments", form);
    }

    /// <summary>Each request within its budget (and none above <see cref="PageBudget"/> plus its audit row), and no more commands with more rows.</summary>
    private static void AssertBudgets(Dictionary<string, int> budgets, Dictionary<string, QueryMeasurement> before, Dictionary<string, QueryMeasurement> after)
    {
        foreach (var (request, budget) in budgets)
        {
            before[request].Should().StayWithin(Math.Min(budget, PageBudget + AuditAppend), request);
            after[request].Should().HaveStatus(before[request].Status).And.NotGrowFrom(before[request], request);
        }
    }

    private async Task<Dictionary<string, QueryMeasurement>> MeasureEachAsync(HttpClient client, IEnumerable<string> urls)
    {
        var measured = new Dictionary<string, QueryMeasurement>();
        foreach (var url in urls)
        {
            measured[url] = await _budget.MeasureAsync(() => client.GetAsync(url));
            measured[url].Should().HaveStatus(HttpStatusCode.OK);
        }

        return measured;
    }

    private static TitleReviewFactory DemoFactory(Action<IServiceCollection>? services = null) =>
        new(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" }, services: services, countQueries: true);

    private static async Task<(Guid Li, Guid Zhao, int Year)> DemoApplicationsAsync(TitleReviewFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = Domain.Time.BeijingTime.Today(TimeProvider.System).Year;
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == year
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        return (ids.Single(i => i.ApplicantName == "李华").Id, ids.Single(i => i.ApplicantName == "赵强").Id, year);
    }

    /// <summary>
    /// An N+1 put in on purpose: the auditor's application list asks the journal once per row,
    /// as a page that looked up each row's latest reason in a loop would.
    /// </summary>
    private sealed class OneQueryPerRow(IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> inner, IApplicationDbContext db)
        : IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>
    {
        public static void Register(IServiceCollection services)
        {
            var original = services.Single(d => d.ServiceType == typeof(IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>));
            services.Remove(original);
            services.AddScoped<IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>>(sp => new OneQueryPerRow(
                (IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>)(original.ImplementationType is { } type
                    ? ActivatorUtilities.CreateInstance(sp, type)
                    : original.ImplementationFactory!(sp)),
                sp.GetRequiredService<IApplicationDbContext>()));
        }

        public async Task<IReadOnlyList<ApplicationListItem>> HandleAsync(ListApplications request, CancellationToken cancellationToken = default)
        {
            var rows = await inner.HandleAsync(request, cancellationToken);
            foreach (var row in rows)
            {
                await db.WorkflowJournal.CountAsync(j => j.InstanceId == row.InstanceId, cancellationToken);
            }

            return rows;
        }
    }
}
