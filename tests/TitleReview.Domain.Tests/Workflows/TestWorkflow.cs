using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Definitions;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Domain.Tests.Workflows;

/// <summary>A small application-like definition, a campaign around it, and actors, built in memory.</summary>
internal static class TestWorkflow
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string Approved = "Approved";
    public const string Returned = "Returned";
    public const string Reopened = "Reopened";

    public static readonly DateTimeOffset FilingOpens = Beijing(2023, 8, 1);
    public static readonly DateTimeOffset FilingCloses = Beijing(2023, 9, 1);
    public static readonly DateTimeOffset DuringFiling = Beijing(2023, 8, 15);

    public static readonly WorkflowActor Applicant = new("applicant", "李华", [Roles.Applicant]);
    public static readonly WorkflowActor Auditor = new("auditor", "王审核", [Roles.Auditor]);
    public static readonly WorkflowActor Office = new("office", "省职评办", [Roles.Office]);

    public static readonly ApplicationFacts CompleteDossier = new([], [], PublicityEnd: null, PublicityOutcome: null);

    public static TransitionDefinition Submit(params GuardSpec[] guards) =>
        new("submit", "提交", [Draft], Submitted, [Roles.Applicant], guards, RequiresReason: false, RequiresUntil: false);

    public static WorkflowDefinition Definition(params TransitionDefinition[] extra)
    {
        TransitionDefinition[] transitions =
        [
            Submit(new WindowOpenGuard(StageKeys.Filing), new DossierCompleteGuard()),
            new("approve", "审核通过", [Submitted], Approved, [Roles.Auditor], [new DossierVerifiedGuard()], false, false) { Operation = WorkflowOperations.ApproveDossier },
            new("return", "退回修改", [Submitted], Returned, [Roles.Auditor], [], false, false),
            new("closeFiling", "申报期截止", [Draft], Returned, [WorkflowActor.SystemRole], [], false, false),
            new("reopen", "特例开放", [Returned], Reopened, [Roles.Office], [new WindowClosedGuard(StageKeys.Filing)], true, true),
            new("undo", "撤销退回", [Returned], WorkflowDefinition.PreviousState, [Roles.Office], [], false, false),
            .. extra,
        ];
        return new WorkflowDefinition(
            "test",
            1,
            "测试流程",
            WorkflowSubjectTypes.CommitteeSession,
            Draft,
            [State(Draft), State(Submitted), State(Approved, final: true), State(Returned), State(Reopened)],
            transitions,
            Sha256: string.Empty,
            FileName: "test.v1.json");
    }

    public static WorkflowInstance Instance(string state = Draft)
    {
        var instance = WorkflowInstance.Start(Guid.NewGuid(), "test", 1, Draft, new WorkflowSubject(WorkflowSubjectTypes.CommitteeSession, Guid.NewGuid(), "测试"), FilingOpens);
        if (state != Draft)
        {
            instance.EnterState(state, final: state == Approved, FilingOpens);
        }

        return instance;
    }

    public static WorkflowFacts Facts(ApplicationFacts? application = null, string? previousState = null) =>
        new(FilingCampaign()) { Application = application ?? CompleteDossier, PreviousState = previousState };

    public static Campaign FilingCampaign()
    {
        var catalogue = new StageCatalogue([new StageDefinition(StageKeys.Filing, "申报人填报与单位审核")]);
        return Campaign.Create(
            Guid.NewGuid(),
            2023,
            "2023年度评审",
            new DateOnly(2023, 12, 31),
            [new StageWindow(StageKeys.Filing, "申报人填报与单位审核", FilingOpens, FilingCloses)],
            catalogue,
            Beijing(2023, 7, 1));
    }

    public static ApplicationFacts Publicity(DateOnly? end, PublicityOutcome? outcome) => CompleteDossier with { PublicityEnd = end, PublicityOutcome = outcome };

    public static DateTimeOffset Beijing(int year, int month, int day, int hour = 0) =>
        BeijingTime.StartOfDay(new DateOnly(year, month, day)).AddHours(hour);

    private static StateDefinition State(string name, bool final = false) => new(name, name + "（中文）", final, Stage: null, Timers: []);
}

/// <summary>A guard that counts how often it is asked, to prove each guard is checked once per decision.</summary>
internal sealed record CountingGuard(bool Passes) : GuardSpec
{
    public int Checks { get; private set; }

    public override string Text => "Counting";

    public override string DisplayName(StageCatalogue stages) => "计数条件";

    public override GuardResult Check(GuardContext context)
    {
        Checks++;
        return Passes ? GuardResult.Pass : GuardResult.Fail("计数条件不满足。");
    }
}
