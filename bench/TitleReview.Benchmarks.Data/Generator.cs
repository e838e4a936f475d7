using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Publicity;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Infrastructure.Identity;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Benchmarks.Data;

internal sealed record UnitSeed(Guid Id, string Name, string Region, string AuditorUserId, string AuditorName, string AuditorUserName)
{
    public WorkflowActor Auditor => new(AuditorUserId, AuditorName, [Roles.Auditor], Id);
}

internal sealed record ApplicantSeed(string UserId, string UserName, string Name, UnitSeed Unit)
{
    public WorkflowActor Actor => new(UserId, Name, [Roles.Applicant], Unit.Id);
}

/// <summary>An application of the current campaign as generated, and the state it stands in.</summary>
internal sealed record CurrentApplication(ApplicantSeed Applicant, Guid ApplicationId, string State);

/// <summary>A transition's declared actions (the dossier snapshot at approval), run once the rows they read are saved.</summary>
internal sealed record PendingAction(string Action, WorkflowInstance Instance, string FromState, string Trigger, WorkflowActor Actor, DateTimeOffset Now);

/// <summary>
/// Fills a data folder with a province's year (bench/README.md): units and their auditors, the
/// office, applicants with complete dossiers in every state of the current campaign's filing,
/// and the closed cases of five past campaigns. Rows come from the domain's factories and
/// aggregate methods; files go through the app's file store; workflow rows are those the
/// engine writes (<see cref="CaseWalker"/>).
/// </summary>
internal sealed class Generator(DataArguments options, DataHost host, Progress progress)
{
    public const int TemplateYear = 2023;
    public const int PastCampaigns = 5;
    public const int UploadListSize = 32;
    public const int ViewListSize = 400;
    private const int ChunkSize = 500;
    private const int PastChunkSize = 5_000;
    private const int FileWriters = 8;

    /// <summary>The most calendar days 5 working days can span (a publicity started the day before the Spring Festival).</summary>
    private const int MaxPublicityCalendarDays = 14;

    /// <summary>The definitions the data set is made of (the app keeps these ids internal to its modules).</summary>
    public const string ApplicationDefinitionId = "application";
    private const string UnitRegistrationDefinitionId = "unitRegistration";

    /// <summary>The shares of the levels among applicants.</summary>
    private static readonly (TitleLevel Level, double Share)[] LevelShares =
        [(TitleLevel.Assistant, 0.35), (TitleLevel.Intermediate, 0.48), (TitleLevel.Senior, 0.17)];

    /// <summary>Where the current campaign's applications stand: the initial state, then the nearest state with each capability.</summary>
    private static readonly (string? Capability, double Share)[] CurrentShares =
    [
        (null, 0.30),
        (StateCapabilities.AwaitingUnitReview, 0.25),
        (StateCapabilities.ApplicantMayEdit, 0.08),
        (StateCapabilities.PublicityMayStart, 0.12),
        (StateCapabilities.PublicityRunning, 0.08),
        (StateCapabilities.ReadyForOffice, 0.05),
        (StateCapabilities.SubmittedToOffice, 0.12),
    ];

    /// <summary>How past applications ended, by final state of the application definition.</summary>
    private static readonly (string State, double Share)[] PastOutcomes =
    [
        ("NotSubmitted", 0.10), ("NotForwarded", 0.03), ("PublicityObjected", 0.01), ("NotOnCommitteeList", 0.08), ("Failed", 0.20), ("Passed", 0.58),
    ];

    private static readonly PropertyInfo AttachmentId = typeof(DossierAttachment).GetProperty(nameof(DossierAttachment.Id))!;

    private readonly Chance _chance = new(options.Seed);
    private readonly DateTimeOffset _generatedAt = TimeProvider.System.GetUtcNow();

    public async Task<DataSet> RunAsync()
    {
        await host.InitializeAsync();
        progress.Say("database migrated, roles and workflow definitions registered");

        var password = Password();
        var (office, officeKey, passwordHash) = await CreateOfficeAsync(password);
        progress.Say($"office account {office.Id} with two-factor sign-in");

        var (currentCampaign, pastCampaigns) = await CreateCampaignsAsync(office);
        var fired = await host.CatchUpClockAsync();
        progress.Say($"campaigns {string.Join(", ", pastCampaigns.Select(c => c.Year))} and {currentCampaign.Year} created; the clock fired {fired} campaign timers to catch up");

        var units = await CreateUnitsAsync(currentCampaign, office, passwordHash);
        progress.Say($"{units.Count:N0} units with their confirmed registrations and active auditors");

        var applicants = await CreateApplicantsAsync(units, passwordHash);
        progress.Say($"{applicants.Count:N0} applicant accounts");

        var (current, files, bytes, actions) = await CreateCurrentApplicationsAsync(currentCampaign, applicants);
        progress.Say($"{current.Count:N0} applications of {currentCampaign.Year} with {files:N0} scans ({bytes / 1024.0 / 1024.0:N0} MB)");

        await RunActionsAsync(actions);
        progress.Say($"{actions.Count:N0} dossier snapshots taken at approval");

        var past = await CreatePastApplicationsAsync(pastCampaigns, applicants, office);
        progress.Say($"{past.Values.Sum(s => s.Values.Sum()):N0} past cases over {pastCampaigns.Count} campaigns");

        return new DataSet(options, _generatedAt, password, office, officeKey, currentCampaign, units, current, files, bytes, past);
    }

    private string Password()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        var word = new string(Enumerable.Range(0, 6).Select(_ => letters[_chance.Between(0, letters.Length)]).ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"Bench-{word}-{_chance.Between(1000, 10000)}");
    }

    private async Task<(AppUser Office, string Key, string PasswordHash)> CreateOfficeAsync(string password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var office = new AppUser
        {
            Id = _chance.NextGuid().ToString(),
            UserName = "bench-office",
            DisplayName = "基准测试省政工职评办",
            IsActive = true,
            ActivatedAt = _generatedAt,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(office, password));
        Check(await users.AddToRoleAsync(office, Roles.Office));

        // Identity's own key format (20 random bytes in Base32), from the seed so office.tsv is stable.
        var key = Totp.ToBase32(_chance.Bytes(20));
        var store = (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
        await store.SetAuthenticatorKeyAsync(office, key, CancellationToken.None);
        Check(await users.UpdateAsync(office));
        Check(await users.SetTwoFactorEnabledAsync(office, true));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(office, TwoFactorSettings.RecoveryCodeCount);
        return (office, key, office.PasswordHash!);
    }

    private async Task<(Campaign Current, IReadOnlyList<Campaign> Past)> CreateCampaignsAsync(AppUser office)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var template = TimelineDocument.Parse(services.GetRequiredService<ITimelineFiles>().Read(TemplateYear));
        var today = BeijingTime.DateOf(_generatedAt);
        var current = CampaignTimelines.ShiftedToNow(template, today);
        RequireCalendar(services.GetRequiredService<WorkingDayCalendar>(), current);

        var actor = new WorkflowActor(office.Id, office.DisplayName, [Roles.Office]);
        var create = services.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>();
        var ids = new List<Guid>();
        foreach (var year in Enumerable.Range(today.Year - PastCampaigns, PastCampaigns))
        {
            ids.Add(await create.HandleAsync(new CreateCampaignFromTimeline(CampaignTimelines.ForYear(template, year), actor)));
        }

        var currentId = await create.HandleAsync(new CreateCampaignFromTimeline(current, actor));
        var db = services.GetRequiredService<AppDbContext>();
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Stages).Include(c => c.Rules).ToListAsync();
        return (campaigns.Single(c => c.Id == currentId), ids.Select(id => campaigns.Single(c => c.Id == id)).ToList());
    }

    /// <summary>Publicity periods are counted in working days: every day the filing and the unit publicity may reach needs its year's calendar.</summary>
    private static void RequireCalendar(WorkingDayCalendar calendar, TimelineDocument timeline)
    {
        var (opens, _) = CampaignTimelines.Window(timeline, StageKeys.Filing);
        var (_, closes) = CampaignTimelines.Window(timeline, "unitPublicity");
        foreach (var year in Enumerable.Range(opens.Year, closes.AddDays(MaxPublicityCalendarDays).Year - opens.Year + 1))
        {
            if (!calendar.HasYear(year))
            {
                throw new InvalidOperationException(
                    $"The working-day calendar for {year} is missing (workflows/calendars/{year}.json): the {timeline.Year} campaign's filing and unit publicity run from {opens:yyyy-MM-dd} to {closes:yyyy-MM-dd}, and publicity periods count working days. Add the year's holiday notice as workflows/calendars/{year}.json.");
            }
        }
    }

    private async Task<IReadOnlyList<UnitSeed>> CreateUnitsAsync(Campaign campaign, AppUser office, string passwordHash)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var auditorRole = await db.Roles.SingleAsync(r => r.Name == Roles.Auditor);
        var definition = services.GetRequiredService<IWorkflowDefinitions>().Latest(UnitRegistrationDefinitionId);
        var walker = new CaseWalker(definition, campaign, services.GetRequiredService<WorkingDayCalendar>(), _chance);
        var officeActor = new WorkflowActor(office.Id, office.DisplayName, [Roles.Office]);
        var registration = campaign.Stage(StageKeys.AuditorRegistration);
        var confirmation = campaign.Stage(StageKeys.AuditorConfirmation);
        var confirmedPath = definition.States
            .Where(s => definition.Has(s.Name, StateCapabilities.RegistrationConfirmed))
            .Select(s => walker.ShortestPaths([Roles.Office, Roles.Auditor]).GetValueOrDefault(s.Name))
            .First(p => p is not null)!;

        var units = new List<UnitSeed>();
        for (var i = 0; i < options.Units; i++)
        {
            var region = _chance.Weighted<string>(Chance.RegionsInGuizhou.Select(r => (r, r == Regions.Provincial ? 3.0 : r == "贵阳市" ? 2.0 : 1.0)).ToList());
            var nature = region == Regions.Provincial ? UnitNature.ProvincialEnterprise : _chance.Chances(0.85) ? UnitNature.CityOrPrefectureEnterprise : UnitNature.Other;
            var unit = Unit.Create(_chance.NextGuid(), _chance.UnitName(region), _chance.CreditCode(region), nature, region);
            var auditorName = _chance.PersonName();
            var mobile = _chance.Mobile();
            var auditor = NewUser(users, mobile, auditorName, unit.Id, passwordHash);
            db.Units.Add(unit);
            db.Users.Add(auditor);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = auditor.Id, RoleId = auditorRole.Id });

            var submitted = _chance.Within(registration.OpensAt, registration.ClosesAt);
            var details = new UnitRegistrationDetails(
                unit.Name, unit.CreditCode, unit.Nature, unit.Region, $"{unit.Region}国有资产监督管理委员会", auditorName, mobile, null, null, null, _chance.PersonName(), _chance.Mobile());
            var entry = UnitRegistration.Submit(
                _chance.NextGuid(), campaign.Id, string.Create(CultureInfo.InvariantCulture, $"DW{campaign.Year}-{i + 1:0000}"), details, Convert.ToHexStringLower(_chance.Bytes(32)), submitted);
            entry.Approve(unit.Id, auditor.Id);
            db.UnitRegistrations.Add(entry);

            var walked = walker.Start(_chance.NextGuid(), new WorkflowSubject(WorkflowSubjectTypes.UnitRegistration, entry.Id, unit.Name, campaign.Id, null, null, null), new WorkflowActor("public", details.FillerName, []), submitted);
            var at = submitted;
            foreach (var transition in confirmedPath)
            {
                at = transition.Roles.Contains(Roles.Office)
                    ? _chance.Within(at, registration.ClosesAt)
                    : _chance.Within(confirmation.OpensAt, confirmation.ClosesAt);
                if (transition.Roles.Contains(Roles.Office))
                {
                    walked.Instance.AssignUnit(unit.Id, at);
                }

                walker.Fire(walked, transition, transition.Roles.Contains(Roles.Office) ? officeActor : new WorkflowActor(auditor.Id, auditorName, [Roles.Auditor], unit.Id), at);
            }

            Add(db, walked);
            units.Add(new UnitSeed(unit.Id, unit.Name, unit.Region, auditor.Id, auditorName, mobile));
        }

        await db.SaveChangesAsync();
        return units;
    }

    private async Task<IReadOnlyList<ApplicantSeed>> CreateApplicantsAsync(IReadOnlyList<UnitSeed> units, string passwordHash)
    {
        // Units differ in size: a few large employers, many small ones; each has at least one applicant.
        var weights = units.Select(u => (u, Math.Pow(_chance.Fraction() + 0.05, 2))).ToList();
        var today = BeijingTime.DateOf(_generatedAt);
        var applicants = new List<ApplicantSeed>();
        for (var first = 0; first < options.Applicants; first += ChunkSize)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Applicant);
            for (var i = first; i < Math.Min(options.Applicants, first + ChunkSize); i++)
            {
                var unit = i < units.Count ? units[i] : _chance.Weighted<UnitSeed>(weights);
                var name = _chance.PersonName();
                var birth = new DateOnly(today.Year - _chance.Between(24, 56), _chance.Between(1, 13), _chance.Between(1, 29));
                var user = NewUser(users, _chance.Mobile(), name, unit.Id, passwordHash);
                user.IdNumber = _chance.IdNumber(birth, today);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
                applicants.Add(new ApplicantSeed(user.Id, user.UserName!, name, unit));
            }

            await db.SaveChangesAsync();
        }

        return applicants;
    }

    private async Task<(IReadOnlyList<CurrentApplication> Applications, int Files, long Bytes, IReadOnlyList<PendingAction> Actions)> CreateCurrentApplicationsAsync(
        Campaign campaign, IReadOnlyList<ApplicantSeed> applicants)
    {
        var definitions = host.Services.GetRequiredService<IWorkflowDefinitions>();
        var calendar = host.Services.GetRequiredService<WorkingDayCalendar>();
        var definition = definitions.Latest(ApplicationDefinitionId);
        var walker = new CaseWalker(definition, campaign, calendar, _chance);
        var paths = walker.ShortestPaths([Roles.Applicant, Roles.Auditor]);
        var targets = CurrentShares.Select(s => (Path: PathTo(definition, paths, s.Capability), s.Share)).ToList();
        var filing = campaign.Stage(StageKeys.Filing);

        // Nothing is dated later than a minute ago: the app's own clock reads these rows next.
        var cutoff = _generatedAt.AddMinutes(-1);
        var applications = new List<CurrentApplication>();
        var actions = new List<PendingAction>();
        var files = 0;
        long bytes = 0;
        for (var first = 0; first < applicants.Count; first += ChunkSize)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var uploads = new List<(TitleApplication Application, ScanFile Scan, string UploadedBy, DateTimeOffset At, Guid Id)>();
            var walkedCases = new List<(TitleApplication Application, WalkedCase Case, IReadOnlyList<TransitionDefinition> Path, DateTimeOffset UploadedAt, ApplicantSeed Applicant)>();
            foreach (var applicant in applicants.Skip(first).Take(ChunkSize))
            {
                var level = _chance.Weighted<TitleLevel>(LevelShares.Select(l => (l.Level, l.Share)).ToList());
                var created = _chance.Within(filing.OpensAt, filing.OpensAt.AddHours(36));
                var application = TitleApplication.Start(_chance.NextGuid(), campaign.Id, applicant.UserId, applicant.Name, applicant.Unit.Id, level, created);
                var scans = Dossiers.Fill(application, campaign.RuleFor(level), campaign.Year, applicant.Unit.Name, _chance.Chances(options.LargeScanShare), _chance);
                var uploadedAt = _chance.Within(created.AddMinutes(10), created.AddHours(20));
                uploads.AddRange(scans.Select(s => (application, s, applicant.UserId, uploadedAt, _chance.NextGuid())));
                var walked = walker.Start(
                    _chance.NextGuid(),
                    new WorkflowSubject(WorkflowSubjectTypes.Application, application.Id, $"{application.ApplicantName} · {TitleLevels.DisplayName(level)}", campaign.Id, applicant.Unit.Id, applicant.UserId, level.ToString()),
                    applicant.Actor,
                    created);
                var path = _chance.Weighted<IReadOnlyList<TransitionDefinition>>(targets.Select(t => (t.Path, t.Share)).ToList());
                walkedCases.Add((application, walked, WithReturnRound(definition, path), uploadedAt, applicant));
            }

            // The store hashes and writes each file as an upload does; several at once, as many applicants upload at once.
            var stored = new StoredFile[uploads.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, uploads.Count), new ParallelOptions { MaxDegreeOfParallelism = FileWriters }, async (i, token) =>
            {
                using var content = new MemoryStream(uploads[i].Scan.Content, writable: false);
                stored[i] = await store.SaveAsync(content, uploads[i].Scan.OriginalName, UploadOptions.DefaultMaxFileBytes, token);
            });
            for (var i = 0; i < uploads.Count; i++)
            {
                var (application, scan, uploadedBy, at, id) = uploads[i];
                var file = stored[i];
                var attachment = DossierAttachment.Create(application.Id, scan.SlotKey, scan.OriginalName, file.SafeName, file.StorageKey, file.Sha256Hex, file.Length, file.ContentType, uploadedBy, at);
                AttachmentId.SetValue(attachment, id);
                application.AttachScan(attachment);
                files++;
                bytes += file.Length;
            }

            foreach (var (application, walked, path, uploadedAt, applicant) in walkedCases)
            {
                RequireComplete(application, campaign);
                var at = uploadedAt;
                foreach (var transition in path)
                {
                    // Two draws each step whatever the dates, so the same seed gives the same ids on any day.
                    var next = _chance.Within(at.AddHours(2), at.AddHours(30));
                    var afterPublicity = TimeSpan.FromHours(1 + (11 * _chance.Fraction()));
                    if (transition.Operation is WorkflowOperations.RecordNoObjection or WorkflowOperations.RecordObjection
                        && application.PublicityEnd is { } lastDay && next < UnitPublicityPeriod.EndOf(lastDay))
                    {
                        next = UnitPublicityPeriod.EndOf(lastDay) + afterPublicity;
                    }

                    at = next;

                    if (at > cutoff)
                    {
                        throw new InvalidOperationException($"The walk to {path[^1].To} needs more time than the {CampaignTimelines.FilingDaysBehind} days since the filing opened ({transition.Trigger} at {at:u}).");
                    }

                    var actor = transition.Roles.Contains(Roles.Applicant) ? applicant.Actor : applicant.Unit.Auditor;
                    var reason = Perform(db, application, transition, actor, at, calendar);
                    var fromState = walked.Instance.State;
                    walker.Fire(walked, transition, actor, at, reason);
                    actions.AddRange(transition.Actions.Select(a => new PendingAction(a, walked.Instance, fromState, transition.Trigger, actor, at)));
                }

                db.TitleApplications.Add(application);
                Add(db, walked);
                applications.Add(new CurrentApplication(applicant, application.Id, walked.Instance.State));
            }

            await db.SaveChangesAsync();
            progress.Say($"  {applications.Count:N0} of {applicants.Count:N0} applications, {files:N0} scans");
        }

        return (applications, files, bytes, actions);
    }

    /// <summary>What the use case owning a transition does to the dossier besides firing it; returns the journal's reason.</summary>
    private string? Perform(AppDbContext db, TitleApplication application, TransitionDefinition transition, WorkflowActor actor, DateTimeOffset at, WorkingDayCalendar calendar)
    {
        switch (transition.Operation)
        {
            case WorkflowOperations.ReturnDossier:
                var section = _chance.Pick(DossierSections.All);
                var reason = $"请补充{DossierSections.DisplayName(section)}的证明材料，扫描件须清晰完整。";
                application.ReturnSections(new Dictionary<DossierSection, string?> { [section] = reason }, actor.Name, at);
                return $"【{DossierSections.DisplayName(section)}】{reason}";
            case WorkflowOperations.ApproveDossier:
                // The auditor opens every scan of an item before ticking it, as the review page requires.
                var opened = at.AddMinutes(-30);
                foreach (var item in application.MandatoryItems())
                {
                    var scans = application.ScansOf(item.Key);
                    foreach (var scan in scans)
                    {
                        db.AttachmentOpenings.Add(AttachmentOpening.Record(scan, actor.Id, opened));
                    }

                    application.VerifyItem(item.Key, actor.Name, scans, opened.AddMinutes(1));
                }

                return null;
            case WorkflowOperations.StartUnitPublicity:
                application.StartPublicity(at, calendar);
                return $"公示期 {application.PublicityStart:yyyy-MM-dd} 至 {application.PublicityEnd:yyyy-MM-dd}（{UnitPublicityPeriod.WorkingDays} 个工作日）";
            case WorkflowOperations.RecordNoObjection:
                application.RecordPublicity(PublicityOutcome.NoObjection, null, at);
                return null;
            case WorkflowOperations.RecordObjection:
                application.RecordPublicity(PublicityOutcome.Objection, "公示期间收到实名反映，经核实不予报送。", at);
                return "公示期间收到实名反映，经核实不予报送。";
            default:
                return null;
        }
    }

    /// <summary>The dossier passes the app's own completeness check (the submit guard's): every generated dossier is complete.</summary>
    private static void RequireComplete(TitleApplication application, Campaign campaign)
    {
        var missing = DossierCheck.Missing(application, application.Entries.ToList(), application.Attachments.Select(a => a.SlotKey).ToHashSet(), campaign.EligibilityTermsFor(application.Level));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Generated dossier {application.Id} is incomplete: {string.Join(" ", missing.Select(m => m.Message))}");
        }
    }

    private async Task RunActionsAsync(IReadOnlyList<PendingAction> actions)
    {
        foreach (var chunk in actions.Chunk(ChunkSize))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var runners = scope.ServiceProvider.GetServices<IWorkflowAction>().ToDictionary(a => a.Name, StringComparer.Ordinal);
            foreach (var action in chunk)
            {
                await runners[action.Action].RunAsync(new WorkflowActionContext(action.Instance, action.FromState, action.Trigger, action.Actor, action.Now), CancellationToken.None);
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<string, int>>> CreatePastApplicationsAsync(IReadOnlyList<Campaign> campaigns, IReadOnlyList<ApplicantSeed> applicants, AppUser officeUser)
    {
        var definition = host.Services.GetRequiredService<IWorkflowDefinitions>().Latest(ApplicationDefinitionId);
        var calendar = host.Services.GetRequiredService<WorkingDayCalendar>();
        var counts = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        var perCampaign = (options.PastInstances + campaigns.Count - 1) / campaigns.Count;
        var made = 0;
        foreach (var campaign in campaigns)
        {
            var walker = new CaseWalker(definition, campaign, calendar, _chance);
            var paths = walker.ShortestPaths([Roles.Applicant, Roles.Auditor, Roles.Office, WorkflowActor.SystemRole]);
            var outcomes = PastOutcomes.Select(o => (Paths: PathsInto(definition, paths, o.State), o.Share)).ToList();
            var byState = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = Math.Min(perCampaign, options.PastInstances - made);
            var filing = campaign.Stage(StageKeys.Filing);
            var office = new WorkflowActor(officeUser.Id, officeUser.DisplayName, [Roles.Office]);
            for (var first = 0; first < count; first += PastChunkSize)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = first; i < Math.Min(count, first + PastChunkSize); i++)
                {
                    // One application per person and year, as the app allows: the same people apply year after year.
                    var applicant = applicants[i % applicants.Count];
                    var level = _chance.Weighted<TitleLevel>(LevelShares.Select(l => (l.Level, l.Share)).ToList());
                    var created = _chance.Within(filing.OpensAt, filing.OpensAt.AddDays(10));
                    var application = TitleApplication.Start(_chance.NextGuid(), campaign.Id, applicant.UserId, applicant.Name, applicant.Unit.Id, level, created);
                    application.UpdatePersonalInfo(
                        Dossiers.TitleBelow(level),
                        level == TitleLevel.Assistant ? CurrentTitleLevel.None : Dossiers.LevelBelow(level),
                        level == TitleLevel.Assistant ? null : new DateOnly(campaign.Year - 6, 7, 1),
                        "党支部书记",
                        level == TitleLevel.Assistant ? EvaluationType.FirstEvaluation : EvaluationType.Regular,
                        false,
                        Dossiers.Education(campaign.Year, _chance));
                    var walked = walker.Start(
                        _chance.NextGuid(),
                        new WorkflowSubject(WorkflowSubjectTypes.Application, application.Id, $"{application.ApplicantName} · {TitleLevels.DisplayName(level)}", campaign.Id, applicant.Unit.Id, applicant.UserId, level.ToString()),
                        applicant.Actor,
                        created);
                    var path = _chance.Pick(_chance.Weighted<IReadOnlyList<IReadOnlyList<TransitionDefinition>>>(outcomes.Select(o => (o.Paths, o.Share)).ToList()));
                    var at = created;
                    foreach (var transition in path)
                    {
                        at = PastInstant(walker, walked, transition, campaign, at);
                        var actor = transition.Roles.Contains(WorkflowActor.SystemRole) ? WorkflowActor.Clock
                            : transition.Roles.Contains(Roles.Applicant) ? applicant.Actor
                            : transition.Roles.Contains(Roles.Auditor) ? applicant.Unit.Auditor
                            : office;
                        walker.Fire(walked, transition, actor, at, transition.RequiresReason ? "经审核，不符合申报条件。" : null);
                    }

                    db.TitleApplications.Add(application);
                    Add(db, walked);
                    byState[walked.Instance.State] = byState.GetValueOrDefault(walked.Instance.State) + 1;
                }

                await db.SaveChangesAsync();
            }

            made += count;
            counts[campaign.Year] = byState;
            progress.Say($"  {campaign.Year}: {count:N0} cases");
        }

        return counts;
    }

    /// <summary>
    /// When a past transition happened: a timer's at its due time, one guarded by an open window
    /// within it, anything else a few days on. Past dossiers carry no publicity dates (calendars
    /// of early years may be missing), so the publicity result waits a week and a half.
    /// </summary>
    private DateTimeOffset PastInstant(CaseWalker walker, WalkedCase walked, TransitionDefinition transition, Campaign campaign, DateTimeOffset previous)
    {
        if (transition.Roles.Contains(WorkflowActor.SystemRole))
        {
            return walker.DueOf(walked, transition) ?? previous.AddHours(1);
        }

        var next = _chance.Within(previous.AddHours(2), previous.AddDays(3));
        if (transition.Guards.Select(g => g.StageKey).FirstOrDefault(k => k is not null) is { } stageKey)
        {
            var stage = campaign.Stage(stageKey);
            if (next < stage.OpensAt)
            {
                next = _chance.Within(stage.OpensAt, stage.OpensAt.AddDays(2));
            }

            if (next >= stage.ClosesAt)
            {
                next = previous < stage.ClosesAt.AddHours(-1) ? _chance.Within(previous.AddMinutes(30), stage.ClosesAt) : previous.AddMinutes(30);
            }

            return next;
        }

        return transition.Guards.Count > 0 ? _chance.Within(previous.AddDays(8), previous.AddDays(10)) : next;
    }

    private static IReadOnlyList<TransitionDefinition> PathTo(WorkflowDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<TransitionDefinition>> paths, string? capability)
    {
        if (capability is null)
        {
            return paths[definition.InitialState];
        }

        return paths
            .Where(p => p.Key != definition.InitialState && !definition.State(p.Key).Final && definition.Has(p.Key, capability))
            .OrderBy(p => p.Value.Count)
            .Select(p => p.Value)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{definition.Key} has no state with “{capability}” that applicants and auditors can reach.");
    }

    private static IReadOnlyList<IReadOnlyList<TransitionDefinition>> PathsInto(WorkflowDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<TransitionDefinition>> paths, string state)
    {
        if (!definition.HasState(state) || !definition.State(state).Final)
        {
            throw new InvalidOperationException($"{definition.Key} has no final state {state}: update the generator's past outcomes.");
        }

        return definition.Transitions
            .Where(t => t.To == state)
            .Select(t => (Transition: t, From: t.From.Where(paths.ContainsKey).OrderBy(f => paths[f].Count).FirstOrDefault()))
            .Where(x => x.From is not null)
            .Select(x => (IReadOnlyList<TransitionDefinition>)[.. paths[x.From!], x.Transition])
            .ToList();
    }

    /// <summary>Some dossiers past the unit's review were returned once and submitted again.</summary>
    private IReadOnlyList<TransitionDefinition> WithReturnRound(WorkflowDefinition definition, IReadOnlyList<TransitionDefinition> path)
    {
        var submit = path.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Operation == WorkflowOperations.SubmitDossier);
        if (submit.t is null || submit.i == path.Count - 1 || !_chance.Chances(0.15))
        {
            return path;
        }

        var giveBack = definition.TransitionFor(WorkflowOperations.ReturnDossier, submit.t.To);
        var again = giveBack is null ? null : definition.TransitionFor(WorkflowOperations.SubmitDossier, giveBack.To);
        return giveBack is null || again is null || again.To != submit.t.To
            ? path
            : [.. path.Take(submit.i + 1), giveBack, again, .. path.Skip(submit.i + 1)];
    }

    private static void Add(AppDbContext db, WalkedCase walked)
    {
        db.WorkflowInstances.Add(walked.Instance);
        db.WorkflowJournal.AddRange(walked.Journal);
        db.WorkflowBookmarks.AddRange(walked.Bookmarks);
    }

    /// <summary>An account as UserManager would create it, with the one shared password hash.</summary>
    private AppUser NewUser(UserManager<AppUser> users, string mobile, string name, Guid unitId, string passwordHash) => new()
    {
        Id = _chance.NextGuid().ToString(),
        UserName = mobile,
        NormalizedUserName = users.NormalizeName(mobile),
        PhoneNumber = mobile,
        DisplayName = name,
        UnitId = unitId,
        IsActive = true,
        ActivatedAt = _generatedAt,
        LockoutEnabled = true,
        PasswordHash = passwordHash,
        SecurityStamp = Totp.ToBase32(_chance.Bytes(20)),
        ConcurrencyStamp = _chance.NextGuid().ToString(),
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
