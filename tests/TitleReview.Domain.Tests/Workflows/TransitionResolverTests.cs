using TitleReview.Domain.Applications;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;
using static TitleReview.Domain.Tests.Workflows.TestWorkflow;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>The engine's decision, without a database: which transition, allowed or refused, and why.</summary>
public class TransitionResolverTests
{
    [Test]
    public void Resolve_WhenRoleAndGuardsPass_AllowsWithTheDestinationAndEveryGuardsAnswer()
    {
        var decision = Resolve(Instance(), TransitionRequest.ByTrigger("submit"), Applicant, DuringFiling, Facts());

        decision.IsAllowed.Should().BeTrue();
        decision.Transition!.Trigger.Should().Be("submit");
        decision.ToState.Should().Be(Submitted);
        decision.Guards.Select(g => (g.Guard.Text, g.Result.Passed)).Should().Equal(("WindowOpen:filing", true), ("DossierComplete", true));
    }

    [Test]
    public void Resolve_WhenTheWindowHasNotOpened_RefusesWithTheWindowsReason()
    {
        var decision = Resolve(Instance(), TransitionRequest.ByTrigger("submit"), Applicant, FilingOpens.AddSeconds(-1), Facts());

        AssertRefused(decision, RefusalKind.Guard, "*申报人填报与单位审核*尚未开始*");
    }

    [Test]
    public void Resolve_WhenTheWindowHasClosed_RefusesWithTheWindowsReason()
    {
        var decision = Resolve(Instance(), TransitionRequest.ByTrigger("submit"), Applicant, FilingCloses, Facts());

        AssertRefused(decision, RefusalKind.Guard, "*已于*截止，系统已关闭，不能再办理。");
    }

    [Test]
    public void Resolve_WhenTheOfficeReopenedTheCase_AllowsAfterTheWindowClosed()
    {
        var instance = Instance();
        instance.ReopenUntil(FilingCloses.AddDays(3), FilingCloses);

        var decision = Resolve(instance, TransitionRequest.ByTrigger("submit"), Applicant, FilingCloses.AddDays(1), Facts());

        decision.IsAllowed.Should().BeTrue();
    }

    [Test]
    public void Resolve_WhenTheDossierLacksItems_RefusesListingThemNumbered()
    {
        var facts = Facts(CompleteDossier with { Missing = ["【继续教育】缺 2022 年度学时", "【工作业绩】缺业绩材料"] });

        var decision = Resolve(Instance(), TransitionRequest.ByTrigger("submit"), Applicant, DuringFiling, facts);

        AssertRefused(decision, RefusalKind.Guard, "材料不完整，不能提交。尚缺：1. 【继续教育】缺 2022 年度学时 2. 【工作业绩】缺业绩材料");
        decision.Guards.Select(g => g.Result.Passed).Should().Equal(true, false);
    }

    [Test]
    public void Resolve_WhenItemsAreUnverified_RefusesNamingThem()
    {
        var facts = Facts(CompleteDossier with { Unverified = ["身份证", "学历证书"] });

        var decision = Resolve(Instance(Submitted), TransitionRequest.ByOperation(WorkflowOperations.ApproveDossier), Auditor, DuringFiling, facts);

        AssertRefused(decision, RefusalKind.Guard, "尚有必须校验的项目未核验，不能审核通过：身份证；学历证书。");
    }

    [Test]
    public void Resolve_WindowClosedBeforeTheClose_RefusesAsNeedless()
    {
        var decision = Resolve(Instance(Returned), TransitionRequest.ByTrigger("reopen"), Office, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.Guard, "*尚未截止*无需特例重新开放。");
    }

    [Test]
    public void PublicityScheduled_WithoutDates_RefusesAskingForTheStart()
    {
        var guard = new PublicityScheduledGuard();

        guard.Check(Context(Publicity(end: null, outcome: null))).Should().Be(GuardResult.Fail("请先选择单位公示的开始日期。"));
        guard.Check(Context(Publicity(new DateOnly(2023, 8, 15), outcome: null))).Passed.Should().BeTrue();
    }

    [Test]
    public void PublicityEnded_BeforeItsLastDayEnds_RefusesWithTheRulesMessage()
    {
        var lastDay = new DateOnly(2023, 8, 15);

        var result = new PublicityEndedGuard().Check(Context(Publicity(lastDay, outcome: null), at: Beijing(2023, 8, 15, 18)));

        result.Passed.Should().BeFalse();
        result.Reason.Should().Contain("结束后才能记录公示结果");
        new PublicityEndedGuard().Check(Context(Publicity(lastDay, outcome: null), at: Beijing(2023, 8, 16))).Passed.Should().BeTrue();
    }

    [Test]
    public void PublicityRecorded_WithNoResultOrAnother_RefusesSayingWhich()
    {
        var guard = new PublicityRecordedGuard(PublicityOutcome.NoObjection);

        guard.Check(Context(Publicity(null, outcome: null))).Reason.Should().StartWith("尚未记录单位公示结果");
        guard.Check(Context(Publicity(null, PublicityOutcome.Objection))).Reason.Should().StartWith("单位公示结果与该操作不符");
        guard.Check(Context(Publicity(null, PublicityOutcome.NoObjection))).Passed.Should().BeTrue();
    }

    [Test]
    public void Resolve_WhenTheActorHasNoRole_RefusesWithoutAskingTheGuards()
    {
        var guard = new CountingGuard(Passes: true);
        var definition = Definition() with { Transitions = [Submit(guard)] };

        var decision = TransitionResolver.Resolve(definition, Instance(), TransitionRequest.ByTrigger("submit"), Auditor, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.Role, "您的角色不能执行“提交”。");
        guard.Checks.Should().Be(0);
    }

    [Test]
    public void Resolve_WhenNoTransitionHasTheTrigger_RefusesAsUnknown()
    {
        var decision = Resolve(Instance(), TransitionRequest.ByTrigger("teleport"), Applicant, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.UnknownTrigger, "“teleport”不是该流程的操作。");
        decision.Transition.Should().BeNull();
    }

    [Test]
    public void Resolve_WhenTheTriggerDoesNotLeaveTheState_RefusesNamingStateAndTrigger()
    {
        var decision = Resolve(Instance(Approved), TransitionRequest.ByTrigger("submit"), Applicant, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.NotFromThisState, "当前状态为“Approved（中文）”，不能执行“提交”。");
    }

    [Test]
    public void Resolve_AnOperationsTransitionByTrigger_RefusedNamingWhereItIsDone()
    {
        var decision = Resolve(Instance(Submitted), TransitionRequest.ByTrigger("approve"), Auditor, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.BelongsToAnOperation, $"“审核通过”须在{WorkflowOperations.Places[WorkflowOperations.ApproveDossier]}办理，不能在此直接执行。");
        decision.Guards.Should().BeEmpty("a transition refused by path is refused before its guards");
    }

    [Test]
    public void Resolve_ByItsOperation_Allowed()
    {
        var decision = Resolve(Instance(Submitted), TransitionRequest.ByOperation(WorkflowOperations.ApproveDossier), Auditor, DuringFiling, Facts());

        decision.ToState.Should().Be(Approved);
    }

    [Test]
    public void Resolve_AnOperationNotFromTheState_RefusedWithItsName_AndAnUnknownOneAsUnknown()
    {
        Resolve(Instance(), TransitionRequest.ByOperation(WorkflowOperations.ApproveDossier), Auditor, DuringFiling, Facts())
            .Refusal!.Kind.Should().Be(RefusalKind.NotFromThisState);
        Resolve(Instance(), TransitionRequest.ByOperation(WorkflowOperations.ConfirmRegistration), Auditor, DuringFiling, Facts())
            .Refusal!.Kind.Should().Be(RefusalKind.UnknownOperation);
    }

    [Test]
    public void Resolve_ByATimer_ATransitionNeedingAnUntil_Refused()
    {
        var definition = Definition() with { Transitions = [.. Definition().Transitions.Select(t => t.Trigger == "reopen" ? t with { Roles = [WorkflowActor.SystemRole] } : t)] };

        var decision = TransitionResolver.Resolve(definition, Instance(Returned), TransitionRequest.ByTimer("reopen"), WorkflowActor.Clock, FilingCloses, Facts());

        AssertRefused(decision, RefusalKind.NeedsAnUntil, "“特例开放”需要特例开放的截止时间，系统时钟不能执行。");
    }

    [Test]
    public void Resolve_EachGuardIsAskedOnce_EvenWhenOneFails()
    {
        var first = new CountingGuard(Passes: false);
        var second = new CountingGuard(Passes: true);
        var definition = Definition() with { Transitions = [Submit(first, second)] };

        var decision = TransitionResolver.Resolve(definition, Instance(), TransitionRequest.ByTrigger("submit"), Applicant, DuringFiling, Facts());

        AssertRefused(decision, RefusalKind.Guard, "计数条件不满足。");
        (first.Checks, second.Checks).Should().Be((1, 1));
        decision.Guards.Select(g => g.Result.Passed).Should().Equal(false, true);
    }

    [Test]
    public void Resolve_ToPrevious_LeadsWhereTheInstanceCameFrom_OrIsRefusedWithoutOne()
    {
        Resolve(Instance(Returned), TransitionRequest.ByTrigger("undo"), Office, DuringFiling, Facts(previousState: Submitted))
            .ToState.Should().Be(Submitted);

        AssertRefused(
            Resolve(Instance(Returned), TransitionRequest.ByTrigger("undo"), Office, DuringFiling, Facts()),
            RefusalKind.NoPreviousState,
            "找不到该流程此前所处的状态，无法退回。");
    }

    [Test]
    public void Permitted_ListsWhatTheActorMayFireNow_EachGuardAskedOnce()
    {
        var guard = new CountingGuard(Passes: true);
        var definition = Definition() with { Transitions = [Submit(guard), .. Definition().Transitions.Where(t => t.Trigger != "submit")] };

        TransitionResolver.Permitted(definition, Instance(), Applicant, DuringFiling, Facts()).Select(t => t.Trigger).Should().Equal("submit");
        TransitionResolver.Permitted(definition, Instance(Submitted), Auditor, DuringFiling, Facts()).Select(t => t.Trigger).Should().Equal("approve", "return");
        guard.Checks.Should().Be(1);
    }

    private static TransitionDecision Resolve(WorkflowInstance instance, TransitionRequest request, WorkflowActor actor, DateTimeOffset now, WorkflowFacts facts) =>
        TransitionResolver.Resolve(Definition(), instance, request, actor, now, facts);

    private static GuardContext Context(ApplicationFacts facts, DateTimeOffset? at = null) =>
        new(Instance(), at ?? DuringFiling, new WorkflowFacts(FilingCampaign()) { Application = facts });

    private static void AssertRefused(TransitionDecision decision, RefusalKind kind, string reason)
    {
        decision.IsAllowed.Should().BeFalse();
        decision.ToState.Should().BeNull();
        decision.Refusal!.Kind.Should().Be(kind);
        decision.Refusal.Reason.Should().Match(reason);
    }
}
