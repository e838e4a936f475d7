using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Preliminary;

/// <summary>
/// The office's preliminary review desk (issue 14, item 2): 李华 and 张丽 (黔南) and 赵强 (交通)
/// submitted in August 2023 and their envelopes were checked in on Sep 5, 张丽's without the photo.
/// The preliminary review runs from Sep 20 to Oct 27.
/// </summary>
public class PreliminaryReviewTests : WorkflowTestBase
{
    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];
    private Guid _qiannan;

    [SetUp]
    public async Task CheckedInAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        var people = new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2") };
        foreach (var (applicant, auditor) in people)
        {
            var instance = await StartApplicationAsync(applicant);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _instances[applicant] = instance;
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        _qiannan = (await InstanceAsync(_instances["applicant1"])).UnitId!.Value;
        var transport = (await InstanceAsync(_instances["applicant3"])).UnitId!.Value;
        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"], _applications["applicant2"]], a)));
        await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in people)
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        await CheckInAsync(_qiannan, "applicant1", missing: null);
        await CheckInAsync(_qiannan, "applicant2", missing: "一寸免冠彩色近照");
        await CheckInAsync(transport, "applicant3", missing: null);
        Clock.SetUtcNow(Beijing(2023, 9, 25, 10, 0, 0));
    }

    [Test]
    public async Task Pass_OfACheckedInDossier_DecidesItPassed_AndRecordsWhoAndWhen()
    {
        var decided = await PassAsync("applicant1");

        decided.Outcome.Should().Be(PreliminaryOutcome.Passed);
        await MeansAsync("applicant1", StateCapabilities.PreliminaryDecided, StateCapabilities.PreliminaryPassed);
        var current = (await CurrentAsync("applicant1"))!;
        current.DecidedAt.Should().Be(Beijing(2023, 9, 25, 10, 0, 0));
        current.DecidedByName.Should().NotBeNullOrEmpty();
        current.Reasons.Should().BeEmpty();
    }

    [Test]
    public async Task Fail_WithListedReasonsAndANote_JournalsThemReadably_AndKeepsTheirWords()
    {
        var reasons = await ReasonIdsAsync("纸质材料不全", "任现职年限不足");

        var decided = await FailAsync("applicant2", reasons, "照片未在报送期内补交");

        decided.Summary.Should().Be("任现职年限不足；纸质材料不全。说明：照片未在报送期内补交", "the reasons read in the list's order, then the note");
        await MeansAsync("applicant2", StateCapabilities.PreliminaryDecided, StateCapabilities.PreliminaryFailed);
        (await JournalAsync(_instances["applicant2"])).Last().Reason.Should().Be("任现职年限不足；纸质材料不全。说明：照片未在报送期内补交");

        await RenameAsync(reasons[0], "纸质申报材料不全");
        (await CurrentAsync("applicant2"))!.Reasons.Should().Equal(["任现职年限不足", "纸质材料不全"], "a decision keeps the words it gave");
    }

    [Test]
    public async Task Fail_WithNeitherReasonNorNote_GivesAFieldMessage_AndChangesNothing()
    {
        var act = () => FailAsync("applicant1", [], "  ");

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["reasonIds"].Single().Should().Be("初审不通过须至少选择一项不通过原因，或在说明中写明原因。");
        await MeansAsync("applicant1", StateCapabilities.PaperCheckedIn);
        (await DecisionCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Fail_WithADeactivatedReason_GivesAFieldMessage()
    {
        var retired = (await ReasonIdsAsync("材料不规范")).Single();
        await OfficeAsync(sp => sp.GetRequiredService<IHandler<SetFailureReasonActive, Guid>>(), (h, a) => h.HandleAsync(new SetFailureReasonActive(retired, false, a)));

        var act = () => FailAsync("applicant1", [retired], null);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["reasonIds"].Single().Should().Contain("“材料不规范”已停用");
        (await DecisionCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Decide_ASecondTime_IsRefused_PointingToTheChange()
    {
        await PassAsync("applicant1");

        var reasons = await ReasonIdsAsync("越级申报");

        var act = () => FailAsync("applicant1", reasons, null);

        (await act.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("已有初审结论；如需改变，请使用“改变结论”并填写改变原因");
        (await DecisionCountAsync()).Should().Be(1);
    }

    [Test]
    public async Task Change_WithAReason_TurnsTheConclusion_AndKeepsTheHistory()
    {
        await PassAsync("applicant3");
        Clock.SetUtcNow(Beijing(2023, 9, 26, 9, 0, 0));

        var changed = await ChangeAsync("applicant3", PreliminaryOutcome.Failed, await ReasonIdsAsync("越级申报"), null, "复核发现越级申报");

        changed.Outcome.Should().Be(PreliminaryOutcome.Failed);
        await MeansAsync("applicant3", StateCapabilities.PreliminaryDecided, StateCapabilities.PreliminaryFailed);
        var history = await HistoryAsync("applicant3");
        history.Select(h => (h.Outcome, h.IsCurrent)).Should().Equal((PreliminaryOutcome.Failed, true), (PreliminaryOutcome.Passed, false));
        history[0].ChangeReason.Should().Be("复核发现越级申报");
        (await JournalAsync(_instances["applicant3"])).Last().Reason.Should().Be("改为初审不通过：越级申报。（改变原因：复核发现越级申报）");
    }

    [Test]
    public async Task Change_WithoutAReason_GivesAFieldMessage_AndChangesNothing()
    {
        await PassAsync("applicant3");

        var reasons = await ReasonIdsAsync("越级申报");

        var act = () => ChangeAsync("applicant3", PreliminaryOutcome.Failed, reasons, null, " ");

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["changeReason"].Single().Should().Be("改变初审结论须填写改变原因。");
        await MeansAsync("applicant3", StateCapabilities.PreliminaryPassed);
        (await HistoryAsync("applicant3")).Should().ContainSingle();
    }

    [Test]
    public async Task Change_BeforeAnyConclusion_IsRefused()
    {
        var act = () => ChangeAsync("applicant3", PreliminaryOutcome.Passed, [], null, "复核");

        (await act.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("尚无初审结论");
    }

    /// <summary>The publication is arranged by performing the workflow's own operation, as the publicity's use case will.</summary>
    [Test]
    public async Task Change_AfterPublication_IsRefusedSayingTheResultsArePublished()
    {
        await PassAsync("applicant3");
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PerformAsync(new PerformRequest(_instances["applicant3"], WorkflowOperations.PublishPreliminaryResults, office)));

        var reasons = await ReasonIdsAsync("越级申报");

        var act = () => ChangeAsync("applicant3", PreliminaryOutcome.Failed, reasons, null, "复核发现越级申报");

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().StartWith("初审结果已公示，不能再改变结论");
        await MeansAsync("applicant3", StateCapabilities.PreliminaryPublished, StateCapabilities.PreliminaryPassed);
        (await HistoryAsync("applicant3")).Should().ContainSingle();
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Pass_ByAnyoneButTheOffice_IsForbidden(string userName)
    {
        var actor = await ActorAsync(userName);

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PassPreliminary, PreliminaryDecided>>().HandleAsync(new PassPreliminary(_applications["applicant1"], null, null, actor)));

        (await act.Should().ThrowAsync<ForbiddenAccessException>()).Which.Message.Should().Contain("只有省政工职评办工作人员");
        await MeansAsync("applicant1", StateCapabilities.PaperCheckedIn);
    }

    [Test]
    public async Task Pass_AfterTheWindowCloses_IsRefusedWithTheWindowsDates()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 28, 0, 0, 0));

        var act = () => PassAsync("applicant1");

        (await act.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("初审不在办理期间").And.Contain("初审及公示").And.Contain("2023-10-27 23:59:59 截止");
        (await DecisionCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Change_AfterTheWindowCloses_IsRefused()
    {
        await PassAsync("applicant3");
        Clock.SetUtcNow(Beijing(2023, 10, 28, 0, 0, 0));

        var reasons = await ReasonIdsAsync("越级申报");

        var act = () => ChangeAsync("applicant3", PreliminaryOutcome.Failed, reasons, null, "复核");

        (await act.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("已于").And.Contain("截止");
    }

    [Test]
    public async Task Reasons_AreSeededInTheirOrder_AndOneInUseIsOnlyDeactivated()
    {
        var listed = await ReasonsAsync();
        listed.Select(r => r.Text).Should().Equal(FailureReason.Defaults);
        var paper = listed.Single(r => r.Text == "纸质材料不全").Id;
        await FailAsync("applicant2", [paper], null);

        var delete = () => OfficeAsync(sp => sp.GetRequiredService<IHandler<DeleteFailureReason, Guid>>(), (h, a) => h.HandleAsync(new DeleteFailureReason(paper, a)));

        (await delete.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("“纸质材料不全”已在 1 份初审结论中使用，不能删除，只能停用。");
        await OfficeAsync(sp => sp.GetRequiredService<IHandler<SetFailureReasonActive, Guid>>(), (h, a) => h.HandleAsync(new SetFailureReasonActive(paper, false, a)));
        var after = await ReasonsAsync();
        after.Single(r => r.Id == paper).Should().Match<FailureReasonRow>(r => !r.IsActive && r.TimesGiven == 1 && !r.Deletable);
        (await DeskAsync("applicant1")).Reasons.Select(r => r.Text).Should().NotContain("纸质材料不全", "a deactivated reason is no longer offered");
    }

    [Test]
    public async Task Reasons_AddRenameMoveAndDeleteAnUnusedOne()
    {
        var added = await OfficeAsync(sp => sp.GetRequiredService<IHandler<AddFailureReason, Guid>>(), (h, a) => h.HandleAsync(new AddFailureReason(" 论文不符合要求 ", a)));
        await OfficeAsync(sp => sp.GetRequiredService<IHandler<MoveFailureReason, Guid>>(), (h, a) => h.HandleAsync(new MoveFailureReason(added, true, a)));
        await RenameAsync(added, "论文不符合发表要求");

        var listed = await ReasonsAsync();
        listed.Select(r => r.Text).TakeLast(2).Should().Equal("论文不符合发表要求", FailureReason.Defaults[^1]);

        var duplicate = () => OfficeAsync(sp => sp.GetRequiredService<IHandler<AddFailureReason, Guid>>(), (h, a) => h.HandleAsync(new AddFailureReason("越级申报", a)));
        var empty = () => OfficeAsync(sp => sp.GetRequiredService<IHandler<AddFailureReason, Guid>>(), (h, a) => h.HandleAsync(new AddFailureReason(" ", a)));
        (await duplicate.Should().ThrowAsync<ValidationException>()).Which.Errors["text"].Single().Should().Be("列表中已有“越级申报”，请勿重复添加。");
        (await empty.Should().ThrowAsync<ValidationException>()).Which.Errors["text"].Single().Should().Be("请填写不通过原因。");

        await OfficeAsync(sp => sp.GetRequiredService<IHandler<DeleteFailureReason, Guid>>(), (h, a) => h.HandleAsync(new DeleteFailureReason(added, a)));
        (await ReasonsAsync()).Select(r => r.Text).Should().Equal(FailureReason.Defaults);
    }

    [Test]
    public async Task Queue_CountsPerUnitAndLevel_AndFilters()
    {
        await PassAsync("applicant1");
        await FailAsync("applicant3", await ReasonIdsAsync("越级申报"), null);

        var pending = await QueueAsync(PreliminaryFilter.Pending);
        var failed = await QueueAsync(PreliminaryFilter.Failed);

        pending.Rows.Select(r => r.Name).Should().Equal("张丽");
        pending.Rows.Single().Shortfall.Should().Contain("一寸免冠彩色近照");
        pending.Totals.Should().Be(new QueueCounts(3, 1, 1, 1));
        pending.Units.Single(u => u.UnitId == _qiannan).Counts.Should().Be(new QueueCounts(2, 1, 1, 0));
        failed.Rows.Single().Decision!.Summary.Should().Be("越级申报。");
        (await QueueAsync(PreliminaryFilter.All)).Rows.Should().HaveCount(3);
    }

    [Test]
    public async Task Desk_ShowsThePaperTheConclusionAndTheUnitsNeighbours()
    {
        var desk = await DeskAsync("applicant2", PreliminaryFilter.All);

        desk.Standing.Should().Be(PreliminaryStanding.Pending);
        desk.Paper.Status.Should().Be(EnvelopeStatus.Incomplete);
        desk.Paper.Shortfall.Should().Contain("一寸免冠彩色近照");
        desk.MayDecide.Should().BeTrue();
        desk.MayChange.Should().BeFalse();
        desk.Dossier.Eligibility.Should().NotBeEmpty();
        desk.QueueCount.Should().Be(2, "the unit's two dossiers");
        new[] { desk.PreviousId, desk.NextId }.Should().Contain(_applications["applicant1"]);
        desk.Reasons.Should().HaveCount(FailureReason.Defaults.Count);
    }

    private async Task AsAsync<T>(string userName, Func<IServiceProvider, WorkflowActor, Task<T>> action)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => action(sp, actor));
    }

    private async Task<TResult> OfficeAsync<THandler, TResult>(Func<IServiceProvider, THandler> handler, Func<THandler, WorkflowActor, Task<TResult>> action)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => action(handler(sp), office));
    }

    private async Task CheckInAsync(Guid unitId, string applicant, string? missing)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
        var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, _applications[applicant], office)));
        var items = counter.Unit!.Person!.Items
            .Select(i => i.Name == missing ? new ItemCheck(i.Number, ItemStatus.Missing, "照片未附") : new ItemCheck(i.Number, ItemStatus.Received, null))
            .ToList();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, _applications[applicant], items, office)));
    }

    private Task<PreliminaryDecided> PassAsync(string applicant) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<PassPreliminary, PreliminaryDecided>>(), (h, a) => h.HandleAsync(new PassPreliminary(_applications[applicant], null, null, a)));

    private Task<PreliminaryDecided> FailAsync(string applicant, IReadOnlyList<Guid> reasons, string? note) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<FailPreliminary, PreliminaryDecided>>(), (h, a) => h.HandleAsync(new FailPreliminary(_applications[applicant], reasons, note, null, a)));

    private Task<PreliminaryDecided> ChangeAsync(string applicant, PreliminaryOutcome outcome, IReadOnlyList<Guid> reasons, string? note, string? why) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<ChangePreliminaryDecision, PreliminaryDecided>>(), (h, a) => h.HandleAsync(new ChangePreliminaryDecision(_applications[applicant], outcome, reasons, note, why, null, a)));

    private Task<Guid> RenameAsync(Guid reason, string text) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<RenameFailureReason, Guid>>(), (h, a) => h.HandleAsync(new RenameFailureReason(reason, text, a)));

    private Task<IReadOnlyList<FailureReasonRow>> ReasonsAsync() =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<ListFailureReasons, IReadOnlyList<FailureReasonRow>>>(), (h, a) => h.HandleAsync(new ListFailureReasons(a)));

    private async Task<IReadOnlyList<Guid>> ReasonIdsAsync(params string[] texts)
    {
        var reasons = await ReasonsAsync();
        return [.. texts.Select(t => reasons.Single(r => r.Text == t).Id)];
    }

    private Task<PreliminaryQueueView> QueueAsync(PreliminaryFilter filter) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<GetPreliminaryQueue, PreliminaryQueueView>>(), (h, a) => h.HandleAsync(new GetPreliminaryQueue(2023, filter, null, null, a)));

    private Task<PreliminaryDeskView> DeskAsync(string applicant, PreliminaryFilter filter = PreliminaryFilter.Pending) =>
        OfficeAsync(sp => sp.GetRequiredService<IHandler<GetPreliminaryDesk, PreliminaryDeskView>>(), (h, a) => h.HandleAsync(new GetPreliminaryDesk(_applications[applicant], filter, a)));

    private Task<PreliminaryDecisionView?> CurrentAsync(string applicant) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<IPreliminaryDecisions>().CurrentAsync([_applications[applicant]])).GetValueOrDefault(_applications[applicant]));

    private Task<IReadOnlyList<PreliminaryDecisionView>> HistoryAsync(string applicant) =>
        InScopeAsync(sp => sp.GetRequiredService<IPreliminaryDecisions>().HistoryAsync(_applications[applicant]));

    private Task<int> DecisionCountAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IApplicationDbContext>().PreliminaryDecisions.CountAsync());

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
