using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Home.GetApplicantHome;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee.Results;

/// <summary>Publishing the committee's results (Dec 11–22, 2023 is the results stage), and the public list by the clock.</summary>
public class ResultsPublicityTests : ResultsTestBase
{
    private Guid _li;
    private Guid _zhao;

    [SetUp]
    public async Task DecideTwoCasesAsync()
    {
        _li = await DecidedAsync("applicant1", "auditor1", TitleLevel.Intermediate, passed: true);
        _zhao = await DecidedAsync("applicant3", "auditor2", TitleLevel.Senior, passed: false);
    }

    [Test]
    public async Task Publish_WhenEveryLevelHasVoted_PublishesForTheTermsWorkingDays_AndStartsEachUnitsReport()
    {
        InTheResultsStage();
        var published = await PublishAsync(new DateOnly(2023, 12, 11));

        published.PeriodText.Should().Be("公示期：2023年12月11日至12月15日");
        (published.Passed, published.Failed, published.Units).Should().Be((1, 1, 2));
        var publicity = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PublicPublicities.AsNoTracking().SingleAsync(p => p.Kind == PublicPublicityKind.CommitteeResults));
        publicity.Title.Should().Be("2023年度贵州省政工专业职务任职资格评审结果公示");
        var reports = await ReportStatesAsync();
        reports.Should().HaveCount(2);
        reports.Values.Should().OnlyContain(r => r.Awaited && !r.Reported && !r.Missing);
        (await LastMessageToAsync("13900000201")).Body.Should().Contain("评审结果请登录系统查看").And.NotContain("通过");
    }

    [Test]
    public async Task Publish_WhileACaseIsStillBeforeTheCommittee_IsRefused_NamingTheLevel()
    {
        var pending = await OnCommitteeListAsync("applicant4", "auditor2", TitleLevel.Assistant);
        pending.Should().NotBeEmpty();
        InTheResultsStage();

        var act = () => PublishAsync(new DateOnly(2023, 12, 11));

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.BrokenRule.Should().BeOfType<NoCandidateStillBeforeTheCommitteeRule>()
            .Which.Message.Should().Contain("助理政工师 1 人");
        (await ReportStatesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Publish_Twice_IsRefused()
    {
        InTheResultsStage();
        await PublishAsync(new DateOnly(2023, 12, 11));

        var act = () => PublishAsync(new DateOnly(2023, 12, 12));

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OneResultsPublicityPerCampaignRule>();
    }

    [Test]
    public async Task Publish_WithFewerWorkingDaysThanTheTerms_IsAFieldMessage()
    {
        InTheResultsStage();
        var act = () => PublishAsync(new DateOnly(2023, 12, 11), workingDays: 4);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["workingDays"].Should().Contain("评审结果公示期不能少于 5 个工作日。");
    }

    [Test]
    public async Task Publish_AfterTheResultsStage_IsRefused()
    {
        InTheResultsStage();
        Clock.SetUtcNow(Beijing(2023, 12, 23, 9, 0, 0));

        var act = () => PublishAsync(new DateOnly(2023, 12, 25));

        (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<ResultsPublishedInTheResultsStageRule>();
    }

    [Test]
    public async Task PublicList_ByTheClock_ShowsTheResultsOnlyFromTheFirstToTheLastWorkingDay()
    {
        InTheResultsStage();
        var published = await PublishAsync(new DateOnly(2023, 12, 12));

        (await RunningAsync()).Should().NotContain(p => p.Id == published.PublicityId, "before its first day it is not public");
        var before = () => PublicAsync(published.PublicityId);
        await before.Should().ThrowAsync<NotFoundException>();

        Clock.SetUtcNow(Beijing(2023, 12, 12, 0, 0, 0));
        (await RunningAsync()).Should().Contain(p => p.Id == published.PublicityId);
        var running = await PublicAsync(published.PublicityId);
        running.Columns.Columns.Select(c => c.Header).Should().Equal("序号", "姓名", "工作单位", "申报等级", "评审结果");
        running.Lines.Select(l => $"{l.Name}|{l.LevelName}|{l.Result}").Should().Equal("赵强|高级政工师|未通过", "李华|政工师|通过");

        Clock.SetUtcNow(Beijing(2023, 12, 18, 23, 59, 0));
        (await RunningAsync()).Should().Contain(p => p.Id == published.PublicityId, "the fifth working day is Monday Dec 18");

        Clock.SetUtcNow(Beijing(2023, 12, 19, 0, 0, 0));
        (await RunningAsync()).Should().NotContain(p => p.Id == published.PublicityId);
        var ended = await PublicAsync(published.PublicityId);
        ended.Status.Should().Be(PublicityStatus.Ended);
        ended.Lines.Should().BeEmpty();
    }

    [Test]
    public async Task Export_HasTheResultColumn()
    {
        InTheResultsStage();
        var published = await PublishAsync(new DateOnly(2023, 12, 11));

        var sheet = await SendAsync<ExportPublicity, Spreadsheet<PublicityLine>>(new ExportPublicity(published.PublicityId, await ActorAsync("office")));

        sheet.Spec.Should().BeSameAs(PublicityColumns.CommitteeResults);
        var lines = new List<PublicityLine>();
        await foreach (var line in sheet.Rows)
        {
            lines.Add(line);
        }

        lines.Select(l => $"{l.Number}|{l.Name}|{l.Result}").Should().Equal("1|赵强|未通过", "2|李华|通过");
    }

    [Test]
    public async Task ApplicantHome_ShowsTheOwnResultOnlyOncePublished()
    {
        InTheResultsStage();
        var before = await HomeAsync("applicant1");
        before.StateName.Should().Be("评审结果待公布");
        before.CommitteeResult.Should().BeNull();
        (await HomeAsync("applicant3")).LatestReason.Should().BeNull("the tally is the reason of the failing transition");

        await PublishAsync(new DateOnly(2023, 12, 12));
        (await HomeAsync("applicant1")).CommitteeResult.Should().BeNull("the publicity starts tomorrow");

        Clock.SetUtcNow(Beijing(2023, 12, 12, 8, 0, 0));
        (await HomeAsync("applicant1")).CommitteeResult.Should().Be("通过");
        (await HomeAsync("applicant3")).CommitteeResult.Should().Be("未通过");
    }

    [Test]
    public async Task OfficePage_BeforePublication_ShowsTheResultsPerLevelAndTheForm()
    {
        InTheResultsStage();
        var view = await OfficeViewAsync();

        view.Levels.Select(l => $"{l.LevelName}:{l.Passed}/{l.Failed}").Should().Equal("高级政工师:0/1", "政工师:1/0");
        view.Levels[0].Rows[0].TallyText.Should().Contain("同意 3 票");
        view.Form.RefusedBecause.Should().BeNull();
        view.Form.MinimumWorkingDays.Should().Be(5);
        view.Form.DefaultFirstDay.Should().Be(new DateOnly(2023, 12, 11));
        view.Published.Should().BeNull();
        view.Reports.Should().BeEmpty();
        _li.Should().NotBe(_zhao);
    }

    /// <summary>Monday Dec 11, 2023: the results stage's first day. Cases are filed first, as the clock only moves forward.</summary>
    private void InTheResultsStage() => Clock.SetUtcNow(Beijing(2023, 12, 11, 9, 30, 0));

    private async Task<ApplicationListItemView> HomeAsync(string applicant)
    {
        var home = await SendAsync<GetApplicantHome, ApplicantHome>(new GetApplicantHome(await ActorAsync(applicant)));
        var row = home.Applications.Single(a => a.Year == 2023);
        return new ApplicationListItemView(row.StateName, row.LatestReason, row.CommitteeResult);
    }

    private Task<IReadOnlyList<RunningPublicity>> RunningAsync() =>
        SendAsync<GetRunningPublicities, IReadOnlyList<RunningPublicity>>(new GetRunningPublicities());

    private Task<PublicPublicityView> PublicAsync(Guid id) =>
        SendAsync<GetPublicPublicity, PublicPublicityView>(new GetPublicPublicity(id));

    private sealed record ApplicationListItemView(string StateName, string? LatestReason, string? CommitteeResult);
}
