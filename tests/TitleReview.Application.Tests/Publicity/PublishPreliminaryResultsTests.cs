using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Publicity;

/// <summary>
/// The office publishes the preliminary results (issue 14, item 3). The decisions are arranged by
/// performing the review desk's operations on the engine, as its use cases do.
/// </summary>
public class PublishPreliminaryResultsTests : WorkflowTestBase
{
    private readonly Dictionary<string, Guid> _applications = [];
    private readonly Dictionary<string, Guid> _instances = [];

    /// <summary>李华 and 张丽 (黔南, 政工师 and 助理政工师) and 赵强 (交通, 高级政工师): submitted in August, their envelopes received complete on Sep 5, 2023.</summary>
    [SetUp]
    public async Task CheckedInAtTheCounterAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 8, 10, 9, 0, 0));
        foreach (var (applicant, auditor, level) in new[] { ("applicant1", "auditor1", TitleLevel.Intermediate), ("applicant2", "auditor1", TitleLevel.Assistant), ("applicant3", "auditor2", TitleLevel.Senior) })
        {
            var instance = await StartApplicationAsync(applicant, level);
            await FireAsync(instance, "submit", applicant);
            await FireAsync(instance, "approve", auditor);
            _instances[applicant] = instance;
            _applications[applicant] = (await InstanceAsync(instance)).SubjectId;
        }

        Clock.SetUtcNow(Beijing(2023, 8, 14, 9, 0, 0));
        await StartUnitPublicityAsync("auditor1", "applicant1", "applicant2");
        await StartUnitPublicityAsync("auditor2", "applicant3");
        Clock.SetUtcNow(Beijing(2023, 8, 21, 9, 0, 0));
        foreach (var (applicant, auditor) in new[] { ("applicant1", "auditor1"), ("applicant2", "auditor1"), ("applicant3", "auditor2") })
        {
            var actor = await ActorAsync(auditor);
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<RecordUnitPublicity, FireResult>>().HandleAsync(new RecordUnitPublicity(_applications[applicant], PublicityOutcome.NoObjection, null, actor)));
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<SubmitToOffice, int>>().HandleAsync(new SubmitToOffice([_applications[applicant]], actor)));
        }
    }

    [Test]
    public async Task Publish_WhenEveryCheckedInDossierIsDecided_PublishesEachDecisionAndOnePublicity()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant3"], fail: ["applicant2"]);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));

        var published = await PublishAsync(new DateOnly(2023, 10, 9));

        published.Should().BeEquivalentTo(new { FirstDay = new DateOnly(2023, 10, 9), LastDay = new DateOnly(2023, 10, 13), PeriodText = "公示期：2023年10月9日至10月13日", Passed = 2, Failed = 1, Title = "2023年度贵州省政工专业职务任职资格初审结果公示" });
        await MeansAsync("applicant1", StateCapabilities.PreliminaryPublished, StateCapabilities.PreliminaryPassed);
        await MeansAsync("applicant3", StateCapabilities.PreliminaryPublished, StateCapabilities.PreliminaryPassed);
        await MeansAsync("applicant2", StateCapabilities.PreliminaryPublished, StateCapabilities.PreliminaryFailed, StateCapabilities.SupplementAllowed);
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync())).Should().Be(1);
        (await JournalAsync(_instances["applicant2"])).Last().Reason.Should().Contain("公示期：2023年10月9日至10月13日");
    }

    [Test]
    public async Task Publish_TellsEachApplicantAndAuditor_WithThePeriod_AndNoReasons()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant3"], fail: ["applicant2"]);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));

        await PublishAsync(new DateOnly(2023, 10, 9));

        var failed = await LastMessageToAsync("13900000202");
        failed.Body.Should().Contain("公示期：2023年10月9日至10月13日").And.Contain("未通过").And.Contain("登录系统查看").And.Contain("补充材料")
            .And.NotContain("任现职年限不足", "reasons are read after signing in, never in an e-mail or SMS");
        (await LastMessageToAsync("13900000201")).Body.Should().Contain("初审结果为通过").And.Contain("公示期：2023年10月9日至10月13日");
        (await LastMessageToAsync("13800000101")).Body.Should().Contain("初审通过 1 人、未通过 1 人").And.Contain("公示期：2023年10月9日至10月13日");
        (await LastMessageToAsync("13800000102")).Body.Should().Contain("初审通过 1 人、未通过 0 人");
    }

    [Test]
    public async Task Publish_WhileCheckedInDossiersAreUndecided_IsRefusedNamingHowManyAndWhichUnits_AndChangesNothing()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));

        var act = () => PublishAsync(new DateOnly(2023, 10, 9));

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message
            .Should().Be("尚有 2 份已接收纸质材料的申报未作出初审结论（贵州省示范交通投资集团有限公司 1 份、黔南能源集团有限公司 1 份），全部作出结论后才能公示初审结果。");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync())).Should().Be(0);
        await MeansAsync("applicant1", StateCapabilities.PreliminaryDecided);
    }

    [Test]
    public async Task Publish_WhenNothingIsDecided_IsRefused()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 30, 0));

        var act = () => PublishAsync(new DateOnly(2023, 10, 9));

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Be("尚无作出初审结论的申报，没有可以公示的初审结果。");
    }

    [Test]
    public async Task Publish_Twice_IsRefusedNamingTheFirst()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant2", "applicant3"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));
        await PublishAsync(new DateOnly(2023, 10, 9));

        var again = () => PublishAsync(new DateOnly(2023, 10, 10));

        (await again.Should().ThrowAsync<BusinessRuleViolationException>()).Which.Message.Should().Contain("已经公示").And.Contain("公示期：2023年10月9日至10月13日");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.CountAsync())).Should().Be(1);
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    public async Task Publish_ByAnyoneButTheOffice_IsForbidden(string userName)
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant2", "applicant3"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));
        var actor = await ActorAsync(userName);

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, new DateOnly(2023, 10, 9), null, null, actor)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [TestCase(2023, 10, 2, "2023年10月2日不是工作日，公示期须从工作日开始。", TestName = "Publish_FromAHoliday_IsRefusedOnTheFirstDay")]
    [TestCase(2023, 9, 27, "公示期不能从过去的日期（2023年9月27日）开始，最早从今天开始。", TestName = "Publish_FromADayPast_IsRefusedOnTheFirstDay")]
    public async Task Publish_FromADayThatCannotStartIt_IsRefusedOnTheFirstDay(int year, int month, int day, string message)
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant2", "applicant3"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 30, 0));

        var act = () => PublishAsync(new DateOnly(year, month, day));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["firstDay"].Should().Equal(message);
        await MeansAsync("applicant1", StateCapabilities.PreliminaryDecided);
    }

    [Test]
    public async Task Publish_WithNoDaysOrNoFirstDay_IsRefusedFieldByField()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 30, 0));
        var office = await ActorAsync("office");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, null, 0, new string('题', 101), office)));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(["firstDay", "workingDays", "title"]);
    }

    [Test]
    public async Task Publish_TheDayBeforeTheNationalDayHoliday_CountsTheMakeUpWorkingDays()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant2", "applicant3"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 9, 28, 9, 30, 0));

        var published = await PublishAsync(new DateOnly(2023, 9, 28));

        published.LastDay.Should().Be(new DateOnly(2023, 10, 10), "Sep 28, then the holiday Sep 29–Oct 6, then the make-up Saturday and Sunday Oct 7–8, Oct 9 and Oct 10");
        published.PeriodText.Should().Be("公示期：2023年9月28日至10月10日");
    }

    [Test]
    public async Task PublicPublicity_WhileItRuns_ListsNameUnitLevelAndResult_ByLevelUnitAndName_LiveFromTheState()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant3"], fail: ["applicant2"]);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));
        var published = await PublishAsync(new DateOnly(2023, 10, 9));
        Clock.SetUtcNow(Beijing(2023, 10, 10, 9, 0, 0));
        await FireAsync(_instances["applicant2"], "submitSupplement", "applicant2");
        await FireAsync(_instances["applicant2"], "passOnSupplement", "office", reason: "补充的继续教育证明符合要求。");

        var view = await PublicAsync(published.PublicityId);

        view.Status.Should().Be(PublicityStatus.Running);
        view.Lines.Select(l => (l.Number, l.Name, l.UnitName, l.LevelName, l.Result)).Should().Equal(
            (1, "赵强", "贵州省示范交通投资集团有限公司", "高级政工师", "通过"),
            (2, "李华", "黔南能源集团有限公司", "政工师", "通过"),
            (3, "张丽", "黔南能源集团有限公司", "助理政工师", "通过"));
    }

    [Test]
    public async Task PublicPublicity_ByTheClock_IsHiddenBeforeItsFirstDay_AndEndsAt24OfItsLastDay()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant3"], fail: ["applicant2"]);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));
        var published = await PublishAsync(new DateOnly(2023, 10, 9));

        var before = () => PublicAsync(published.PublicityId);
        await before.Should().ThrowAsync<NotFoundException>();
        (await RunningAsync()).Should().BeEmpty();

        Clock.SetUtcNow(Beijing(2023, 10, 13, 23, 59, 0));
        (await PublicAsync(published.PublicityId)).Lines.Should().HaveCount(3);
        (await RunningAsync()).Select(r => r.PeriodText).Should().Equal("公示期：2023年10月9日至10月13日");

        Clock.SetUtcNow(Beijing(2023, 10, 14, 0, 0, 0));
        var ended = await PublicAsync(published.PublicityId);
        ended.Status.Should().Be(PublicityStatus.Ended);
        ended.Lines.Should().BeEmpty();
        (await RunningAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task FindPreliminaryPublicity_GivesThePeriodOtherStepsAsk()
    {
        await CheckInAllAsync();
        await DecideAsync(pass: ["applicant1", "applicant2", "applicant3"], fail: []);
        Clock.SetUtcNow(Beijing(2023, 10, 8, 9, 30, 0));
        (await FindAsync()).Should().BeNull();
        await PublishAsync(new DateOnly(2023, 10, 9));

        var found = await FindAsync();

        found!.IsRunningAt(Beijing(2023, 10, 13, 23, 59, 59)).Should().BeTrue();
        found.HasEndedAt(Beijing(2023, 10, 14, 0, 0, 0)).Should().BeTrue();
    }

    private Task<PublicPublicity?> FindAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<FindPreliminaryPublicity, PublicPublicity?>>().HandleAsync(new FindPreliminaryPublicity(CampaignId)));

    private Task<PublicPublicityView> PublicAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicPublicity, PublicPublicityView>>().HandleAsync(new GetPublicPublicity(id)));

    private Task<IReadOnlyList<RunningPublicity>> RunningAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetRunningPublicities, IReadOnlyList<RunningPublicity>>>().HandleAsync(new GetRunningPublicities()));

    private async Task<PreliminaryResultsPublished> PublishAsync(DateOnly firstDay)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishPreliminaryResults, PreliminaryResultsPublished>>()
            .HandleAsync(new PublishPreliminaryResults(2023, firstDay, null, null, office)));
    }

    private async Task StartUnitPublicityAsync(string auditor, params string[] applicants)
    {
        var actor = await ActorAsync(auditor);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<StartUnitPublicity, PublicityStarted>>().HandleAsync(new StartUnitPublicity([.. applicants.Select(a => _applications[a])], actor)));
    }

    /// <summary>Every envelope checked in complete on Sep 5, 2023.</summary>
    private async Task CheckInAllAsync()
    {
        Clock.SetUtcNow(Beijing(2023, 9, 5, 9, 0, 0));
        var office = await ActorAsync("office");
        foreach (var applicant in _applications.Keys)
        {
            var unitId = (await InstanceAsync(_instances[applicant])).UnitId!.Value;
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenPaperDelivery, Guid>>().HandleAsync(new OpenPaperDelivery(2023, unitId, office)));
            var counter = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPaperCounter, PaperCounterView>>().HandleAsync(new GetPaperCounter(2023, null, unitId, _applications[applicant], office)));
            var items = counter.Unit!.Person!.Items.Select(i => new ItemCheck(i.Number, ItemStatus.Received, null)).ToList();
            await InScopeAsync(sp => sp.GetRequiredService<IHandler<CheckInEnvelope, EnvelopeCheckedIn>>().HandleAsync(new CheckInEnvelope(2023, unitId, _applications[applicant], items, office)));
        }
    }

    /// <summary>The review desk's decisions on Sep 25, 2023, performed on the engine as its use cases do.</summary>
    private async Task DecideAsync(string[] pass, string[] fail)
    {
        Clock.SetUtcNow(Beijing(2023, 9, 25, 9, 0, 0));
        foreach (var applicant in pass)
        {
            await FireAsync(_instances[applicant], "passPreliminary", "office");
        }

        foreach (var applicant in fail)
        {
            await FireAsync(_instances[applicant], "failPreliminary", "office", reason: "任现职年限不足。说明：任现职 4 年 7 个月，要求满 5 年。");
        }
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
