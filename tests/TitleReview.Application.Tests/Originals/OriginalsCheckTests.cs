using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Applications.Integrity;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Originals;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Originals;

/// <summary>
/// The originals check of the 2023 spot check (Oct 23–31): 李华 (黔南) and 赵强 (交通) passed the
/// preliminary review and were cleared by their units' feedback; the draw chose 李华 on Oct 24.
/// </summary>
public class OriginalsCheckTests : WorkflowTestBase
{
    private const string Notice = "抽中抽查复核：请于2023年10月30日前以单位名义将全部申报材料原件报送省政工职评办复核。";

    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];

    [SetUp]
    public async Task ClearedAndChosenAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant3", "auditor2") })
        {
            var instance = await StartApplicationAsync(applicant);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _instances[applicant] = instance;
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"]], a)));
        await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant3", "auditor2") })
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        foreach (var applicant in new[] { "applicant1", "applicant3" })
        {
            await CheckInAsync((await InstanceAsync(_instances[applicant])).UnitId!.Value, applicant);
        }

        Clock.SetUtcNow(Beijing(2023, 9, 26, 9, 0, 0));
        var office = await ActorAsync("office");
        foreach (var applicant in new[] { "applicant1", "applicant3" })
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<PassPreliminary, PreliminaryDecided>>().HandleAsync(new PassPreliminary(_applications[applicant], null, null, office)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, new DateOnly(2023, 10, 9), PublicPublicity.DefaultWorkingDays, null, office)));

        Clock.SetUtcNow(Beijing(2023, 10, 16, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant3", "auditor2") })
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordFeedback, Guid>>().HandleAsync(new RecordFeedback(_applications[applicant], FeedbackOutcome.NoObjection, null, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitUnitFeedback, int>>().HandleAsync(new SubmitUnitFeedback(2023, a)));
            await MeansAsync(applicant, StateCapabilities.SpotCheckCandidate);
        }

        // The draw is helper code of its own; here the office's operation is fired as the draw fires it.
        Clock.SetUtcNow(Beijing(2023, 10, 24, 10, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PerformAsync(new PerformRequest(_instances["applicant1"], WorkflowOperations.DrawSpotCheck, office, Notice)));
        await MeansAsync("applicant1", StateCapabilities.SpotCheckSelected, StateCapabilities.SpotCheckPending);
    }

    [Test]
    public async Task Conclude_WhenEveryOriginalMatches_PassesTheSpotCheck_AndTheCaseStaysEligible()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));
        var page = await CheckPageAsync();
        page.Items.Should().NotBeEmpty();
        page.Status.Should().Be(OriginalsStatus.Pending);
        page.CheckToken.Should().Be(Guid.Empty);

        var half = page.Items.Take(page.Items.Count / 2).Select(i => new OriginalItemInput(i.Key, true, null)).ToList();
        await RecordAsync(half, page.CheckToken);
        page = await CheckPageAsync();
        page.RecordedCount.Should().Be(half.Count);
        await RecordAsync([.. page.Items.Where(i => i.Matches is null).Select(i => new OriginalItemInput(i.Key, true, null))], page.CheckToken);

        var concluded = await ConcludeAsync(null, (await CheckPageAsync()).CheckToken);

        concluded.Should().Be(new OriginalsConcluded("李华", true, null));
        await MeansAsync("applicant1", StateCapabilities.SpotCheckPassed, StateCapabilities.CommitteeEligible);
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().StartWith("原件与扫描件逐项核对一致");
        var overview = await OverviewAsync();
        overview.Units.Should().ContainSingle().Which.Rows.Should().ContainSingle().Which.Status.Should().Be(OriginalsStatus.Matched);
        (await UnitSpotCheckAsync("auditor1")).Rows.Should().ContainSingle().Which.Should().Match<UnitSpotCheckRow>(r => r.Status == OriginalsStatus.Matched && r.Notice == Notice);
    }

    [Test]
    public async Task Conclude_WithAMismatch_OpensAnIntegrityCase_AndTheCaseHasNoWayToTheCommittee()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));
        var page = await CheckPageAsync();
        var wrong = page.Items[^1];
        await RecordAsync([.. page.Items.Select(i => new OriginalItemInput(i.Key, i.Key != wrong.Key, i.Key == wrong.Key ? "原件发表时间为2019年5月，扫描件为2021年5月。" : null))], page.CheckToken);

        var concluded = await ConcludeAsync(null, (await CheckPageAsync()).CheckToken);

        concluded.Matched.Should().BeFalse();
        await MeansAsync("applicant1", StateCapabilities.SpotCheckMismatch, StateCapabilities.IntegrityCaseOpen);
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().Contain($"{wrong.Name}：原件发表时间为2019年5月，扫描件为2021年5月。");
        var cases = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IntegrityCases.AsNoTracking().ToListAsync());
        var opened = cases.Should().ContainSingle().Subject;
        (opened.Id, opened.ApplicationId, opened.CampaignId, opened.Status, opened.Source, opened.OpenedByName)
            .Should().Be((concluded.IntegrityCaseId!.Value, _applications["applicant1"], CampaignId, IntegrityCaseStatus.Open, IntegrityCaseSource.SpotCheck, (await ActorAsync("office")).Name));
        opened.Findings.Should().ContainSingle().Which.Should().Be(new IntegrityFinding(wrong.Name, "原件发表时间为2019年5月，扫描件为2021年5月。"));
        var office = await ActorAsync("office");
        (await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListIntegrityCases, IntegrityCasesView>>().HandleAsync(new ListIntegrityCases(2023, office))))
            .Cases.Should().ContainSingle().Which.ApplicantName.Should().Be("李华");

        // While the list is compiled the engine offers the office nothing that leads to the committee.
        Clock.SetUtcNow(Beijing(2023, 11, 6, 10, 0, 0));
        var allowed = await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PermittedTriggersAsync(_instances["applicant1"], office));
        allowed.Should().NotContain(t => t.Operation == WorkflowOperations.PublishCommitteeList || t.Operation == WorkflowOperations.KeepOnCommitteeList || t.Operation == WorkflowOperations.RemoveFromCommitteeList);
        (await UnitSpotCheckAsync("auditor1")).Rows.Single().Status.Should().Be(OriginalsStatus.Mismatch);
    }

    [Test]
    public async Task Conclude_BeforeEveryItemIsRecorded_IsRefused_AndChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));
        var page = await CheckPageAsync();
        await RecordAsync([new OriginalItemInput(page.Items[0].Key, true, null)], page.CheckToken);

        var conclude = () => ConcludeAsync(null, null);

        (await conclude.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<EveryOriginalRecordedRule>();
        await MeansAsync("applicant1", StateCapabilities.SpotCheckPending);
        (await CheckPageAsync()).ConcludedAt.Should().BeNull();
    }

    [Test]
    public async Task Record_AMismatchWithoutItsFinding_OrAStaleSave_IsRefused_AndChangesNothing()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));
        var page = await CheckPageAsync();

        var withoutFinding = () => RecordAsync([new OriginalItemInput(page.Items[0].Key, false, "  ")], page.CheckToken);
        var tooLong = () => RecordAsync([new OriginalItemInput(page.Items[0].Key, false, new string('错', OriginalsCheck.MaxFindingLength + 1))], page.CheckToken);

        (await withoutFinding.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("Items[0].Finding")
            .WhoseValue.Should().Equal("原件与扫描件不一致时，请填写不一致的情况。");
        (await tooLong.Should().ThrowAsync<ValidationException>()).Which.Errors["Items[0].Finding"].Should().Equal($"不一致的情况不能超过 {OriginalsCheck.MaxFindingLength} 个字。");
        await RecordAsync([new OriginalItemInput(page.Items[0].Key, true, null)], page.CheckToken);
        var stale = () => RecordAsync([new OriginalItemInput(page.Items[1].Key, true, null)], page.CheckToken);
        (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Message.Should().Contain("刚刚已有变动");
        (await CheckPageAsync()).RecordedCount.Should().Be(1);
    }

    [Test]
    public async Task Clock_AtTheCloseOfTheSpotCheck_MovesThePendingCaseToOverdue_AndALateConclusionNeedsAReason()
    {
        Clock.SetUtcNow(Beijing(2023, 11, 1, 0, 0, 0));
        await RunClockAsync();

        await MeansAsync("applicant1", StateCapabilities.SpotCheckOverdue);
        (await JournalAsync(_instances["applicant1"])).Last().Actor.Should().Be(WorkflowActor.ClockId);
        (await OverviewAsync()).Count(OriginalsStatus.Overdue).Should().Be(1);

        Clock.SetUtcNow(Beijing(2023, 11, 2, 10, 0, 0));
        var page = await CheckPageAsync();
        page.Overdue.Should().BeTrue();
        page.MayRecord.Should().BeTrue();
        await RecordAsync([.. page.Items.Select(i => new OriginalItemInput(i.Key, true, null))], page.CheckToken);
        var withoutReason = () => ConcludeAsync(" ", null);
        (await withoutReason.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<LateConclusionHasAReasonRule>();

        await ConcludeAsync("原件于11月1日补交。", null);

        await MeansAsync("applicant1", StateCapabilities.SpotCheckPassed);
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().EndWith("逾期核对原因：原件于11月1日补交。");
        (await CheckPageAsync()).LateReason.Should().Be("原件于11月1日补交。");
    }

    [Test]
    public async Task Record_ForACaseNotChosen_OrAfterTheConclusion_IsRefused_AndTheUnitSeesNobodyChosen()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));
        var office = await ActorAsync("office");
        var zhao = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetOriginalsCheck, OriginalsCheckView>>().HandleAsync(new GetOriginalsCheck(_applications["applicant3"], office)));
        zhao.MayRecord.Should().BeFalse();

        var notChosen = () => AsAsync("office", (sp, a) => sp.GetRequiredService<IHandler<RecordOriginals, int>>()
            .HandleAsync(new RecordOriginals(_applications["applicant3"], [new OriginalItemInput(zhao.Items[0].Key, true, null)], null, a)));

        (await notChosen.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OriginalsOnlyForChosenCasesRule>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OriginalsChecks.CountAsync())).Should().Be(0);
        (await UnitSpotCheckAsync("auditor2")).Rows.Should().BeEmpty();

        var page = await CheckPageAsync();
        await RecordAsync([.. page.Items.Select(i => new OriginalItemInput(i.Key, true, null))], null);
        await ConcludeAsync(null, null);
        var again = () => RecordAsync([new OriginalItemInput(page.Items[0].Key, false, "另有发现")], null);
        (await again.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OriginalsOnlyForChosenCasesRule>();
    }

    [Test]
    public async Task Record_ByTheUnitsAuditor_IsForbidden()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 27, 10, 0, 0));

        var auditor = () => AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<RecordOriginals, int>>()
            .HandleAsync(new RecordOriginals(_applications["applicant1"], [new OriginalItemInput("x", true, null)], null, a)));

        await auditor.Should().ThrowAsync<ForbiddenAccessException>();
    }

    private async Task<OriginalsCheckView> CheckPageAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetOriginalsCheck, OriginalsCheckView>>().HandleAsync(new GetOriginalsCheck(_applications["applicant1"], office)));
    }

    private async Task<OriginalsOverview> OverviewAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListOriginalsChecks, OriginalsOverview>>().HandleAsync(new ListOriginalsChecks(2023, office)));
    }

    private async Task<UnitSpotCheckView> UnitSpotCheckAsync(string auditor)
    {
        var actor = await ActorAsync(auditor);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetUnitSpotCheck, UnitSpotCheckView>>().HandleAsync(new GetUnitSpotCheck(2023, actor)));
    }

    private Task RecordAsync(IReadOnlyList<OriginalItemInput> items, Guid? token) =>
        AsAsync("office", (sp, a) => sp.GetRequiredService<IHandler<RecordOriginals, int>>().HandleAsync(new RecordOriginals(_applications["applicant1"], items, token, a)));

    private async Task<OriginalsConcluded> ConcludeAsync(string? reason, Guid? token)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<ConcludeOriginalsCheck, OriginalsConcluded>>().HandleAsync(new ConcludeOriginalsCheck(_applications["applicant1"], reason, token, office)));
    }

    private async Task CheckInAsync(Guid unitId, string applicant)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
        var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, _applications[applicant], office)));
        var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, _applications[applicant], items, office)));
    }

    private async Task AsAsync<T>(string userName, Func<IServiceProvider, WorkflowActor, Task<T>> action)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => action(sp, actor));
    }

    private async Task MeansAsync(string applicant, params string[] capabilities)
    {
        var instance = await InstanceAsync(_instances[applicant]);
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        foreach (var capability in capabilities)
        {
            definitions.Has(instance, capability).Should().BeTrue($"{applicant} should mean {capability} in state {instance.State}");
        }
    }
}
