using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.Committee.Results;

/// <summary>The units' report-back on the results (Dec 11–22, 2023), and the clock at its close.</summary>
public class ResultsReportTests : ResultsTestBase
{
    private Guid _li;
    private Guid _zhao;

    [SetUp]
    public async Task PublishAsync()
    {
        _li = await DecidedAsync("applicant1", "auditor1", TitleLevel.Intermediate, passed: true);
        _zhao = await DecidedAsync("applicant3", "auditor2", TitleLevel.Senior, passed: true);
        Clock.SetUtcNow(Beijing(2023, 12, 11, 9, 30, 0));
        await PublishAsync(new DateOnly(2023, 12, 11));
        Clock.SetUtcNow(Beijing(2023, 12, 18, 10, 0, 0));
    }

    [Test]
    public async Task Report_ByTheUnitsAuditor_IsRecordedAndJournalled()
    {
        await ReportAsync("auditor1", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18));

        var states = await ReportStatesAsync();
        states[DemoAccounts.QiannanEnergy.Id].Reported.Should().BeTrue();
        states[DemoAccounts.ProvincialTransport.Id].Awaited.Should().BeTrue();
        var report = (await OfficeViewAsync()).Reports.Single(r => r.UnitId == DemoAccounts.QiannanEnergy.Id);
        (report.Status, report.PublicisedFrom, report.PublicisedTo, report.Place).Should().Be((ResultsReportStatus.Reported, new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "本单位公示栏"));
        report.Objections.Should().BeEmpty();
        var instance = await ReportInstanceAsync(DemoAccounts.QiannanEnergy.Id);
        (await JournalAsync(instance)).Last().Reason.Should().Be("已于2023年12月12日至12月18日在本单位公示栏公示评审结果，未收到异议。");
    }

    [Test]
    public async Task Report_Again_BeforeTheClose_AmendsIt_WithTheObjection()
    {
        await ReportAsync("auditor1", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18));
        Clock.SetUtcNow(Beijing(2023, 12, 20, 9, 0, 0));

        await ReportAsync("auditor1", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 19), new ObjectionInput(_li, "有职工反映其任职年限计算有误。"));

        var report = (await OfficeViewAsync()).Reports.Single(r => r.UnitId == DemoAccounts.QiannanEnergy.Id);
        report.PublicisedTo.Should().Be(new DateOnly(2023, 12, 19));
        report.Objections.Should().Equal(new ReportedObjection(_li, "李华", "有职工反映其任职年限计算有误。"));
        var journal = await JournalAsync(await ReportInstanceAsync(DemoAccounts.QiannanEnergy.Id));
        journal.Where(j => j.Reason != null).Should().HaveCount(2, "each report and amendment is journalled");
    }

    [Test]
    public async Task Report_NamingAnotherUnitsCandidate_IsAFieldMessage_AndChangesNothing()
    {
        var act = () => ReportAsync("auditor1", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), new ObjectionInput(_zhao, "赵强的答辩不合格。"));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors["objections"].Should().Equal("只能反馈本单位参评人员的异议。");
        (await ReportStatesAsync())[DemoAccounts.QiannanEnergy.Id].Awaited.Should().BeTrue();
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitResultsReports.AsNoTracking().SingleAsync(r => r.UnitId == DemoAccounts.QiannanEnergy.Id));
        stored.SubmittedAt.Should().BeNull();
    }

    [Test]
    public async Task UnitPage_ShowsOnlyTheUnitsOwnCandidates()
    {
        var view = await SendAsync<GetUnitResults, UnitResultsView>(new GetUnitResults(2023, await ActorAsync("auditor2")));

        view.Rows.Select(r => $"{r.ApplicantName}|{r.Result}").Should().Equal("赵强|通过");
        view.Rows.Should().OnlyContain(r => r.TallyText == null);
        view.MayReport.Should().BeTrue();
        view.Report!.Status.Should().Be(ResultsReportStatus.Awaited);
    }

    [TestCase("2023-12-18", "2023-12-12", "publicisedTo", "单位内部公示的结束日期不能早于开始日期。")]
    [TestCase("2023-12-08", "2023-12-15", "publicisedFrom", "单位内部公示不能早于评审结果公布之日（2023年12月11日）。")]
    [TestCase("2023-12-12", "2023-12-20", "publicisedTo", "单位内部公示结束后才能反馈：结束日期不能晚于今天（2023年12月18日）。")]
    [TestCase("2022-12-12", "2023-12-15", "publicisedFrom", "单位内部公示的日期须在 2023 年内。")]
    public async Task Report_WithBadDates_IsAFieldMessage(string from, string to, string field, string message)
    {
        var act = () => ReportAsync("auditor1", DateOnly.Parse(from), DateOnly.Parse(to));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors[field].Should().Contain(message);
    }

    [Test]
    public async Task Clock_AtTheResultsClose_MarksTheUnitsThatDidNotReport_AndReportingIsThenRefused()
    {
        await ReportAsync("auditor1", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18));

        Clock.SetUtcNow(Beijing(2023, 12, 23, 0, 0, 0));
        await RunClockAsync();

        var states = await ReportStatesAsync();
        states[DemoAccounts.QiannanEnergy.Id].Reported.Should().BeTrue();
        states[DemoAccounts.ProvincialTransport.Id].Missing.Should().BeTrue();
        var view = await OfficeViewAsync();
        (view.Reported, view.Awaited, view.Missing).Should().Be((1, 0, 1));
        view.Reports[0].UnitName.Should().Be(DemoAccounts.ProvincialTransport.Name, "the missing come first");
        var late = () => ReportAsync("auditor2", new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18));
        (await late.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<ResultsReportWithinTheResultsStageRule>();
    }

    [Test]
    public async Task Report_ByTheOffice_IsForbidden()
    {
        var act = async () => await SendAsync<SubmitResultsReport, Guid>(new SubmitResultsReport(2023, new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "公示栏", [], await ActorAsync("office")));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    private Task<Guid> ReportInstanceAsync(Guid unitId) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var reportId = await db.UnitResultsReports.Where(r => r.UnitId == unitId).Select(r => r.Id).SingleAsync();
        return await db.WorkflowInstances.Where(i => i.SubjectId == reportId).Select(i => i.Id).SingleAsync();
    });
}
