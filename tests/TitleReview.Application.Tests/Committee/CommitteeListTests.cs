using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee;
using TitleReview.Application.Applications.Feedback;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee;

/// <summary>
/// The committee list (issue 15, item 3) on the 2023 timeline: the preliminary results published
/// Oct 9–13, the feedback Oct 16–20, the spot check Oct 23–31, the list compiled Nov 1–10.
/// 李华 and 张丽 (黔南) pass; 赵强 (交通) fails and may pass on a supplement; 周婷 (交通) passes
/// but her unit sends no feedback. 李华's objection is dismissed, 张丽's upheld.
/// </summary>
public class CommitteeListTests : WorkflowTestBase
{
    private const string ListedReason = "纸质材料不全";

    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];

    [SetUp]
    public async Task PublishedAndCheckedInAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        foreach (var (applicant, auditor) in People)
        {
            var instance = await StartApplicationAsync(applicant);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _instances[applicant] = instance;
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant1"], _applications["applicant2"]], a)));
        await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([_applications["applicant3"], _applications["applicant4"]], a)));
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in People)
        {
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, a)));
            await AsAsync(auditor, (sp, a) => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], a)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        foreach (var (applicant, _) in People)
        {
            await CheckInAsync(applicant);
        }

        await DecideAndPublishAsync(passed: ["applicant1", "applicant2", "applicant4"], failed: ["applicant3"]);
    }

    private static (string Applicant, string Auditor)[] People =>
        [("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2"), ("applicant4", "auditor2")];

    [Test]
    public async Task Compile_AfterTheFeedback_ListsEveryCaseWithWhyItIsOnOrOff()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));

        var view = await ListAsync();

        view.WindowOpen.Should().BeTrue();
        view.Form.RefusedBecause.Should().BeNull();
        var level = view.Levels.Single(l => l.Level == TitleLevel.Intermediate);
        (level.OnList, level.NotOnList, level.Blocked).Should().Be((2, 2, 0));
        Reasons(view).Should().BeEquivalentTo(new Dictionary<string, (bool, string)>
        {
            ["李华"] = (true, "初审通过；公示异议不成立；未被抽查"),
            ["张丽"] = (false, "公示异议成立"),
            ["赵强"] = (true, "初审未通过，补充材料后通过；公示无异议；未被抽查"),
            ["周婷"] = (false, "单位未反馈公示结果"),
        });
        var rows = view.Levels.SelectMany(l => l.Rows).ToDictionary(r => r.ApplicantName);
        (rows["李华"].MayRemove, rows["周婷"].MayKeep, rows["张丽"].MayRemove, rows["张丽"].MayKeep).Should().Be((true, true, false, false));
    }

    [Test]
    public async Task Compile_WhenTheFailedApplicantSentNoSupplement_SaysTheReviewFailed()
    {
        await ThroughTheFeedbackAsync(supplementPasses: false);
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));

        Reasons(await ListAsync())["赵强"].Should().Be((false, "初审未通过"));
    }

    [Test]
    public async Task Change_WithoutAReason_OrTooLong_OrForTheWrongCase_OrOutsideTheWindow_IsRefused_AndChangesNothing()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        var before = (await InstanceAsync(_instances["applicant1"])).State;
        Clock.SetUtcNow(Beijing(2023, 10, 31, 9, 0, 0));
        var early = () => ChangeAsync("applicant1", CommitteeListChange.Remove, "本人申请撤回");
        await early.Should().ThrowAsync<DomainException>();

        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var empty = () => ChangeAsync("applicant1", CommitteeListChange.Remove, "  ");
        var tooLong = () => ChangeAsync("applicant1", CommitteeListChange.Remove, new string('理', ChangeCommitteeList.MaxReasonLength + 1));
        var notMissing = () => ChangeAsync("applicant1", CommitteeListChange.Keep, "单位已说明");
        var upheld = () => ChangeAsync("applicant2", CommitteeListChange.Remove, "重复");
        (await empty.Should().ThrowAsync<ValidationException>()).Which.Errors["reason"].Should().Contain("请填写理由。");
        (await tooLong.Should().ThrowAsync<ValidationException>()).Which.Errors["reason"].Should().Contain($"理由不能超过 {ChangeCommitteeList.MaxReasonLength} 个字。");
        (await notMissing.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("李华不是单位未反馈公示结果的人员，无需特例列入。");
        await upheld.Should().ThrowAsync<DomainException>();

        var auditor = async () =>
        {
            var actor = await ActorAsync("auditor1");
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<ChangeCommitteeList, FireResult>>().HandleAsync(new ChangeCommitteeList(_applications["applicant1"], CommitteeListChange.Remove, "撤回", actor)));
        };
        await auditor.Should().ThrowAsync<ForbiddenAccessException>();

        (await InstanceAsync(_instances["applicant1"])).State.Should().Be(before);
    }

    [Test]
    public async Task RemoveKeepRevert_WithReasons_MoveTheCases_AndTheListShowsTheOfficesReasons()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));

        await ChangeAsync("applicant1", CommitteeListChange.Remove, "本人书面申请撤回");
        await ChangeAsync("applicant4", CommitteeListChange.Keep, "单位已书面说明公示无异议");

        await MeansAsync("applicant1", StateCapabilities.RemovedFromCommitteeList);
        await MeansAsync("applicant4", StateCapabilities.KeptOnCommitteeList, StateCapabilities.CommitteeEligible);
        var reasons = Reasons(await ListAsync());
        reasons["李华"].Should().Be((false, "省政工职评办不列入：本人书面申请撤回"));
        reasons["周婷"].Should().Be((true, "初审通过；单位未反馈公示结果；省政工职评办特例列入：单位已书面说明公示无异议；未被抽查"));

        await ChangeAsync("applicant1", CommitteeListChange.Revert, "本人撤回申请作废");
        await ChangeAsync("applicant4", CommitteeListChange.Revert, "说明材料不符合要求");

        await MeansAsync("applicant1", StateCapabilities.PublicityCleared, StateCapabilities.CommitteeEligible);
        await MeansAsync("applicant4", StateCapabilities.FeedbackMissing);
        reasons = Reasons(await ListAsync());
        (reasons["李华"].OnList, reasons["周婷"].OnList).Should().Be((true, false));
        (await JournalAsync(_instances["applicant4"])).Last().Reason.Should().Be("说明材料不符合要求");
    }

    [Test]
    public async Task Publish_MovesEveryCase_WithJournalRowsAndReasons_NotifiesWithoutReasons_AndOnlyOnce()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 11, 2, 10, 0, 0));

        var published = await PublishAsync();

        (published.Title, published.PeriodText, published.OnList, published.NotOnList, published.Blocked)
            .Should().Be(("2023年度贵州省政工专业职务任职资格送评审委员会评审人员名单公示", "公示期：2023年11月3日至11月9日", 2, 2, 0));
        await MeansAsync("applicant1", StateCapabilities.ReferredToCommittee);
        await MeansAsync("applicant3", StateCapabilities.ReferredToCommittee);
        await MeansAsync("applicant2", StateCapabilities.NotReferred);
        await MeansAsync("applicant4", StateCapabilities.NotReferred);
        (await JournalAsync(_instances["applicant4"])).Last().Reason.Should().Be("单位未反馈公示结果");
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().Be("初审通过；公示异议不成立；未被抽查");

        var messages = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboundMessages.Where(m => m.Purpose == "送评名单公示").ToListAsync());
        messages.Select(m => m.RecipientName).Distinct().Should().BeEquivalentTo(["李华", "张丽", "赵强", "周婷", "王敏", "刘洋"]);
        messages.Where(m => m.RecipientName == "周婷").Should().OnlyContain(m => m.Body.Contains("未列入送评人员名单") && !m.Body.Contains("单位未反馈"));
        messages.Where(m => m.RecipientName == "李华").Should().OnlyContain(m => m.Body.Contains("已列入送评委会评审人员名单"));
        messages.Should().Contain(m => m.RecipientName == "王敏" && m.Body.Contains("列入送评名单 1 人、未列入 1 人"));

        var applicant = await ActorAsync("applicant4");
        var home = await InScopeAsync(sp => sp.GetRequiredService<IHandler<ListApplications, IReadOnlyList<ApplicationListItem>>>().HandleAsync(new ListApplications(applicant)));
        (home.Single().Means(StateCapabilities.NotReferred), home.Single().LatestReason).Should().Be((true, "单位未反馈公示结果"));
        var auditor = await ActorAsync("auditor2");
        var unit = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetUnitCommitteeList, UnitCommitteeListView>>().HandleAsync(new GetUnitCommitteeList(2023, auditor)));
        unit.Rows.Select(r => (r.ApplicantName, r.OnList, r.Reason)).Should().BeEquivalentTo([("赵强", true, "初审未通过，补充材料后通过；公示无异议；未被抽查"), ("周婷", false, "单位未反馈公示结果")]);

        var again = () => PublishAsync();
        (await again.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("不能重复公布");
        (await ListAsync()).Form.RefusedBecause.Should().Contain("不能重复公布");
    }

    [Test]
    public async Task Publish_WithASpotCheckMismatch_LeavesThatCaseBlocked_AndAPassedCheckGoesOn()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 10, 24, 9, 0, 0));
        await PerformAsync("applicant1", WorkflowOperations.DrawSpotCheck);
        await PerformAsync("applicant3", WorkflowOperations.DrawSpotCheck);
        Clock.SetUtcNow(Beijing(2023, 10, 27, 9, 0, 0));
        await PerformAsync("applicant1", WorkflowOperations.RecordSpotCheckMismatch, "学历证书原件与扫描件不一致");
        await PerformAsync("applicant3", WorkflowOperations.PassSpotCheck);
        var mismatch = (await InstanceAsync(_instances["applicant1"])).State;

        Clock.SetUtcNow(Beijing(2023, 11, 2, 10, 0, 0));
        var reasons = Reasons(await ListAsync());
        reasons["李华"].Should().Be((false, "抽查复核发现原件与扫描件不一致，待诚信处理"));
        reasons["赵强"].Should().Be((true, "初审未通过，补充材料后通过；公示无异议；抽查复核原件一致"));

        var published = await PublishAsync();

        (published.OnList, published.Blocked).Should().Be((1, 1));
        (await InstanceAsync(_instances["applicant1"])).State.Should().Be(mismatch);
        await MeansAsync("applicant3", StateCapabilities.ReferredToCommittee);
        (await ListAsync()).Levels.SelectMany(l => l.Rows).Single(r => r.ApplicantName == "李华").Blocked.Should().BeTrue();
    }

    [Test]
    public async Task Publish_WhileASpotCheckIsPending_IsRefusedNamingTheUnit_AndAfterTheCloseTheOverdueCaseIsOff()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 10, 24, 9, 0, 0));
        await PerformAsync("applicant1", WorkflowOperations.DrawSpotCheck);

        Clock.SetUtcNow(Beijing(2023, 11, 1, 9, 0, 0));
        var pending = () => PublishAsync();
        (await pending.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("黔南能源集团有限公司 1 人");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync(p => p.Kind == PublicPublicityKind.CommitteeList))).Should().Be(0);
        await MeansAsync("applicant1", StateCapabilities.SpotCheckPending);

        await RunClockAsync();
        await MeansAsync("applicant1", StateCapabilities.SpotCheckOverdue);
        await PublishAsync();

        await MeansAsync("applicant1", StateCapabilities.NotReferred);
        (await JournalAsync(_instances["applicant1"])).Last().Reason.Should().Be("抽查原件未按期核对");
    }

    [Test]
    public async Task Publish_AfterADrawWasAnnouncedButNotDrawn_IsRefused_AndNothingMoves()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 10, 23, 9, 0, 0));
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<DefineSpotCheck, Guid>>().HandleAsync(
            new DefineSpotCheck(2023, DrawMode.Count, 1, null, DrawMode.None, null, false, new DateOnly(2023, 10, 30), office)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CommitSpotCheck, SpotCheckCommitted>>().HandleAsync(
            new CommitSpotCheck(2023, Beijing(2023, 10, 25, 10, 0, 0), "2023年10月24日中国福利彩票“3D”开奖号码", office)));

        Clock.SetUtcNow(Beijing(2023, 11, 2, 10, 0, 0));
        var undrawn = () => PublishAsync();

        (await undrawn.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("尚未抽取");
        (await ListAsync()).Form.RefusedBecause.Should().Contain("尚未抽取");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync(p => p.Kind == PublicPublicityKind.CommitteeList))).Should().Be(0);
        await MeansAsync("applicant1", StateCapabilities.CommitteeEligible);
    }

    [Test]
    public async Task Publish_WhileASupplementAwaitsReview_IsRefusedNamingTheUnit()
    {
        Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));
        await SupplementAsync();
        Clock.SetUtcNow(Beijing(2023, 10, 31, 9, 0, 0));
        var early = () => PublishAsync(new DateOnly(2023, 11, 3));
        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("贵州省示范交通投资集团有限公司 1 份");

        Clock.SetUtcNow(Beijing(2023, 11, 2, 10, 0, 0));
        var pending = () => PublishAsync();
        (await pending.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("补充材料待审核");
        (await ListAsync()).Form.RefusedBecause.Should().Contain("补充材料待审核");
        await MeansAsync("applicant3", StateCapabilities.SupplementAwaitingReview);
    }

    [Test]
    public async Task Publish_OutsideTheCompilingWindow_IsRefusedByTheTransitionsGuard_AndNothingIsPublished()
    {
        await ThroughTheFeedbackAsync(supplementPasses: true);
        Clock.SetUtcNow(Beijing(2023, 10, 31, 9, 0, 0));

        var early = () => PublishAsync(new DateOnly(2023, 11, 3));

        await early.Should().ThrowAsync<DomainException>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync(p => p.Kind == PublicPublicityKind.CommitteeList))).Should().Be(0);
        await MeansAsync("applicant1", StateCapabilities.PublicityCleared);
        (await ListAsync()).Form.RefusedBecause.Should().Contain("期间");
    }

    private static Dictionary<string, (bool OnList, string Reason)> Reasons(CommitteeListView view) =>
        view.Levels.SelectMany(l => l.Rows).ToDictionary(r => r.ApplicantName, r => (r.OnList, r.Reason));

    /// <summary>赵强's supplement (Oct 10, decided Oct 12 when asked), the units' feedback on Oct 16, and the clock closing it on Oct 21.</summary>
    private async Task ThroughTheFeedbackAsync(bool supplementPasses)
    {
        if (supplementPasses)
        {
            Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));
            await SupplementAsync();
            Clock.SetUtcNow(Beijing(2023, 10, 12, 9, 0, 0));
            var office = await ActorAsync("office");
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<DecideSupplement, FireResult>>().HandleAsync(new DecideSupplement(_applications["applicant3"], SupplementDecision.Passed, "照片已补齐。", office)));
        }

        Clock.SetUtcNow(Beijing(2023, 10, 16, 9, 0, 0));
        await RecordAsync("auditor1", "applicant1", FeedbackOutcome.ObjectionDismissed, "反映其论文发表时间有误", "经核对期刊原件，异议不成立");
        await RecordAsync("auditor1", "applicant2", FeedbackOutcome.ObjectionUpheld, "反映其任现职年限不足", "经核查人事档案，异议属实");
        if (supplementPasses)
        {
            await RecordAsync("auditor2", "applicant3", FeedbackOutcome.NoObjection);
        }

        await AsAsync("auditor1", (sp, a) => sp.GetRequiredService<IHandler<SubmitUnitFeedback, int>>().HandleAsync(new SubmitUnitFeedback(2023, a)));
        if (supplementPasses)
        {
            await AsAsync("auditor2", (sp, a) => sp.GetRequiredService<IHandler<SubmitUnitFeedback, int>>().HandleAsync(new SubmitUnitFeedback(2023, a)));
        }

        Clock.SetUtcNow(Beijing(2023, 10, 21, 0, 0, 0));
        await RunClockAsync();
    }

    private async Task SupplementAsync()
    {
        var applicant = await ActorAsync("applicant3");
        using var content = new MemoryStream(DossierFiller.Pdf("photo"));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<UploadSupplementFile, SupplementFileInfo>>().HandleAsync(new UploadSupplementFile(_applications["applicant3"], content, "一寸照片.pdf", content.Length, applicant)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitSupplement, FireResult>>().HandleAsync(new SubmitSupplement(_applications["applicant3"], "已补交照片。", applicant)));
    }

    private async Task DecideAndPublishAsync(IReadOnlyList<string> passed, IReadOnlyList<string> failed)
    {
        Clock.SetUtcNow(Beijing(2023, 9, 26, 9, 0, 0));
        var office = await ActorAsync("office");
        var listed = await InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().FailureReasons.Where(r => r.Text == ListedReason).Select(r => r.Id).SingleAsync());
        foreach (var applicant in passed)
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<PassPreliminary, PreliminaryDecided>>().HandleAsync(new PassPreliminary(_applications[applicant], null, null, office)));
        }

        foreach (var applicant in failed)
        {
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<FailPreliminary, PreliminaryDecided>>().HandleAsync(new FailPreliminary(_applications[applicant], [listed], "纸质材料未附照片。", null, office)));
        }

        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 0, 0));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, new DateOnly(2023, 10, 9), PublicPublicity.DefaultWorkingDays, null, office)));
    }

    private async Task CheckInAsync(string applicant)
    {
        var unitId = (await InstanceAsync(_instances[applicant])).UnitId!.Value;
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));

        var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, _applications[applicant], office)));
        var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, _applications[applicant], items, office)));
    }

    private async Task<CommitteeListView> ListAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetCommitteeList, CommitteeListView>>().HandleAsync(new GetCommitteeList(2023, office)));
    }

    private async Task<CommitteeListPublished> PublishAsync(DateOnly? firstDay = null)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishCommitteeList, CommitteeListPublished>>()
            .HandleAsync(new PublishCommitteeList(2023, firstDay ?? new DateOnly(2023, 11, 3), null, null, office)));
    }

    private async Task ChangeAsync(string applicant, CommitteeListChange change, string reason)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<ChangeCommitteeList, FireResult>>().HandleAsync(new ChangeCommitteeList(_applications[applicant], change, reason, office)));
    }

    /// <summary>The spot check's operations, fired as helpers A and B's use cases fire them.</summary>
    private async Task PerformAsync(string applicant, string operation, string? reason = null)
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().PerformAsync(new PerformRequest(_instances[applicant], operation, office, reason)));
    }

    private async Task RecordAsync(string userName, string applicant, FeedbackOutcome outcome, string? objection = null, string? handling = null)
    {
        var actor = await ActorAsync(userName);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordFeedback, Guid>>().HandleAsync(new RecordFeedback(_applications[applicant], outcome, objection, handling, actor)));
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
