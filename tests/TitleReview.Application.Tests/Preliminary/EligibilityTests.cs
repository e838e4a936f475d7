using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Campaigns.UpdateLevelRule;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Applications.Eligibility;
using TitleReview.Domain.Common;

namespace TitleReview.Application.Tests.Preliminary;

/// <summary>The eligibility rules on a real database: the review desk's outcomes, the submission and the approval they hold back.</summary>
public class EligibilityTests : WorkflowTestBase
{
    private readonly CommandCounter _commands = new();

    [SetUp]
    public void InsideFiling() => Clock.SetUtcNow(Beijing(2023, 8, 10, 20, 0, 0));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_commands);

    [Test]
    public async Task Evaluate_CompleteDossiers_GivesEveryConditionWithItsNumbers_EducationAwaitingTheUnit()
    {
        var li = await ApplicationIdAsync(await StartApplicationAsync("applicant1"));
        var zhao = await ApplicationIdAsync(await StartApplicationAsync("applicant3", TitleLevel.Senior));

        var outcomes = await EvaluateAsync(li, zhao);

        outcomes.Keys.Should().BeEquivalentTo([li, zhao]);
        outcomes[li].Select(o => o.Rule).Should().Equal(
            nameof(LevelLadderRule), nameof(FirstEvaluationPathRule), nameof(TenureInCurrentTitleRule), nameof(EducationVerifiedRule),
            nameof(ContinuingEducationHoursRule), nameof(ProfessionalShareRule), nameof(WorkMaterialWordCountRule), nameof(PublishedPapersRule));
        outcomes[li].Where(o => !o.Met).Should().ContainSingle().Which.Detail.Should().Be("大学本科，贵州大学，2010 年毕业；待单位核实");
        outcomes[li].Single(o => o.Rule == nameof(TenureInCurrentTitleRule)).Detail.Should().StartWith("任现职 6 年 6 个月").And.EndWith("要求满 4 年");
        outcomes[zhao].Single(o => o.Rule == nameof(TenureInCurrentTitleRule)).Detail.Should().EndWith("要求满 5 年");
        outcomes[li].Single(o => o.Rule == nameof(ProfessionalShareRule)).Detail.Should().Be("2022 年度专业科目 64 学时，共 96 学时；要求专业科目不少于当年学时的三分之二");
    }

    [Test]
    public async Task Evaluate_ReadsAFixedNumberOfTimes_WhateverTheCount()
    {
        var one = await ApplicationIdAsync(await StartApplicationAsync("applicant1"));
        var two = await ApplicationIdAsync(await StartApplicationAsync("applicant2", TitleLevel.Assistant));
        var three = await ApplicationIdAsync(await StartApplicationAsync("applicant3", TitleLevel.Senior));

        var forOne = await _commands.CountAsync(() => EvaluateAsync(one));
        var forThree = await _commands.CountAsync(() => EvaluateAsync(one, two, three));

        forThree.Should().Be(forOne).And.BeLessThanOrEqualTo(5);
    }

    [Test]
    public async Task Submit_WhenTenureIsShort_IsRefusedWithTheRulesNumbers()
    {
        var instance = await StartApplicationAsync("applicant1");
        await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>()
            .HandleAsync(new UpdateLevelRule(CampaignId, TitleLevel.Intermediate, 90, 1, 5000, 1, 7, await ActorAsync("office"))));

        var act = () => FireAsync(instance, "submit", "applicant1");

        (await act.Should().ThrowAsync<DomainException>()).Which.Message
            .Should().Contain("任现职年限不符合申报条件：任现职 6 年 6 个月（2017年6月1日起，计算至2023年12月31日），要求满 7 年。");
        (await InstanceAsync(instance)).State.Should().Be("Draft");
    }

    [Test]
    public async Task Submit_WhenAProfessionalHourShortOfTheShare_IsRefused_AndExactlyTheShareIsAccepted()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = await ApplicationIdAsync(instance);
        await ReplaceHoursAsync(applicationId, 96, 63);

        var act = () => FireAsync(instance, "submit", "applicant1");

        (await act.Should().ThrowAsync<DomainException>()).Which.Message
            .Should().Contain("专业科目学时占比不符合申报条件：2022 年度专业科目 63 学时，共 96 学时，至少应为 64 学时");

        await ReplaceHoursAsync(applicationId, 96, 64);
        (await FireAsync(instance, "submit", "applicant1")).ToState.Should().Be("Submitted");
    }

    [Test]
    public async Task Submit_WithoutTheEducationTick_Succeeds_ButApprovalWaitsForIt()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = await ApplicationIdAsync(instance);
        await FireAsync(instance, "submit", "applicant1");
        await VerifyAllAsync(instance, "auditor1");
        await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<VerifyItem, Guid>>().HandleAsync(new VerifyItem(applicationId, DossierItemKeys.Degree, false, await ActorAsync("auditor1"))));

        var auditor = await ActorAsync("auditor1");
        var approve = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<ApproveDossier, FireResult>>().HandleAsync(new ApproveDossier(applicationId, auditor)));

        (await approve.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("学历已核实");
        (await EvaluateAsync(applicationId))[applicationId].Single(o => o.Rule == nameof(EducationVerifiedRule)).Met.Should().BeFalse();
    }

    [Test]
    public async Task ChangingTheEducation_WithdrawsTheAuditorsEducationTick_KeepingTheOthers()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = await ApplicationIdAsync(instance);
        await FireAsync(instance, "submit", "applicant1");
        await VerifyAllAsync(instance, "auditor1");
        (await EvaluateAsync(applicationId))[applicationId].Should().OnlyContain(o => o.Met);
        await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<ReturnDossier, FireResult>>().HandleAsync(
            new ReturnDossier(applicationId, new Dictionary<DossierSection, string?> { [DossierSection.PersonalInfo] = "学历与档案不符" }, null, await ActorAsync("auditor1"))));

        await SavePersonalAsync(applicationId, EducationDegree.Associate);

        var dossier = await InScopeAsync(async sp => await sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, await ActorAsync("auditor1"))));
        dossier.Mandatory.Single(m => m.Key == DossierItemKeys.Degree).Verified.Should().BeFalse();
        dossier.Mandatory.Where(m => m.Key is not DossierItemKeys.Degree and not DossierItemKeys.Personal).Should().OnlyContain(m => m.Verified);
        dossier.Eligibility.Single(o => o.Rule == nameof(EducationVerifiedRule)).Detail.Should().Be("大学专科，贵州大学，2010 年毕业；待单位核实");
    }

    [Test]
    public async Task SavePersonalInfo_WithHalfAnEducation_IsRefusedFieldByField_AndSavesNothing()
    {
        var instance = await StartApplicationAsync("applicant1");
        var applicationId = await ApplicationIdAsync(instance);
        var applicant = await ActorAsync("applicant1");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "助理政工师", new DateOnly(2017, 6, 1), "另一个岗位", EvaluationType.Regular, false, null, applicant)
            {
                EducationDegree = EducationDegree.Master,
                GraduationYear = 2030,
            }));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors["educationSchool"].Should().Equal("请填写毕业院校。");
        errors["graduationYear"].Should().Equal("毕业年份应在 1950 年至 2023 年之间。");
        var dossier = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, applicant)));
        dossier.CurrentPost.Should().Be("党群工作部副部长");
        dossier.Education!.Degree.Should().Be(EducationDegree.Bachelor);
    }

    [Test]
    public async Task UpdateLevelRule_WithAShareAboveTheWhole_IsRefusedWithAFieldMessage()
    {
        var office = await ActorAsync("office");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>()
            .HandleAsync(new UpdateLevelRule(CampaignId, TitleLevel.Intermediate, 90, 1, 5000, 1, 4, office) { ProfessionalShareNumerator = 4, ProfessionalShareDenominator = 3 }));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["professionalShare"].Single().Should().StartWith("专业科目学时占比应在 1% 到 100% 之间");
    }

    [Test]
    public async Task UpdateLevelRule_SetsTheShareSkippingAndFirstEvaluation_AndJournalsThem()
    {
        var office = await ActorAsync("office");

        var rule = await InScopeAsync(sp => sp.GetRequiredService<IHandler<UpdateLevelRule, LevelRule>>()
            .HandleAsync(new UpdateLevelRule(CampaignId, TitleLevel.Senior, 90, 1, 8000, 2, 5, office) { ProfessionalShareNumerator = 3, ProfessionalShareDenominator = 4, SkippingAllowed = true, FirstEvaluationOpen = false }));

        rule.ProfessionalShare.Should().Be(new ProfessionalShare(3, 4));
        rule.SkippingAllowed.Should().BeTrue();
        (await JournalAsync((await CampaignInstanceAsync()).Id)).Last().Reason.Should().Contain("专业科目占比 三分之二→3/4，越级申报 不允许→允许");
    }

    private Task<Guid> ApplicationIdAsync(Guid instanceId) => InstanceAsync(instanceId).ContinueWith(t => t.Result.SubjectId, TaskScheduler.Default);

    private Task<IReadOnlyDictionary<Guid, IReadOnlyList<EligibilityOutcome>>> EvaluateAsync(params Guid[] applicationIds) =>
        InScopeAsync(sp => sp.GetRequiredService<IEligibility>().EvaluateAsync(applicationIds));

    private async Task ReplaceHoursAsync(Guid applicationId, int hours, int professionalHours)
    {
        var applicant = await ActorAsync("applicant1");
        var dossier = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossier, DossierView>>().HandleAsync(new GetDossier(applicationId, applicant)));
        var year = dossier.EntriesOf(DossierEntryKinds.Education).Single();
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<DeleteDossierItem, DossierChange>>().HandleAsync(new DeleteDossierItem(applicationId, year.Id, null, applicant)));
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<AddDossierItem, DossierChange>>().HandleAsync(
            new AddDossierItem(applicationId, new DossierItemInput("education", Year: 2022, Hours: hours, ProfessionalHours: professionalHours), null, applicant)));
    }

    private async Task SavePersonalAsync(Guid applicationId, EducationDegree degree)
    {
        var applicant = await ActorAsync("applicant1");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "助理政工师", new DateOnly(2017, 6, 1), "党群工作部副部长", EvaluationType.Regular, false, null, applicant)
            {
                CurrentTitleLevel = CurrentTitleLevel.Assistant,
                EducationDegree = degree,
                EducationSchool = "贵州大学",
                GraduationYear = 2010,
            }));
    }

    /// <summary>Counts the database commands EF Core logs while an action runs.</summary>
    private sealed class CommandCounter : ILoggerProvider, ILogger
    {
        private static readonly EventId CommandExecuted = Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted;
        private int _count;
        private bool _counting;

        public async Task<int> CountAsync(Func<Task> action)
        {
            (_count, _counting) = (0, true);
            await action();
            _counting = false;
            return _count;
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (_counting && eventId.Id == CommandExecuted.Id)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }
}
