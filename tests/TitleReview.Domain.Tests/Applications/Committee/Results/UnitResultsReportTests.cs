using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Applications.Committee.Results;

/// <summary>A unit's report-back on the committee's results (results stage Dec 11–22, 2023; the results published Dec 11).</summary>
public class UnitResultsReportTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Others = Guid.NewGuid();
    private static readonly DateTimeOffset Opens = BeijingTime.StartOfDay(new DateOnly(2023, 12, 11));
    private static readonly DateTimeOffset Closes = BeijingTime.StartOfDay(new DateOnly(2023, 12, 23));
    private static readonly DateTimeOffset Dec18 = BeijingTime.StartOfDay(new DateOnly(2023, 12, 18)).AddHours(10);

    private static readonly ResultsReportContent Clean = new(new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 18), "本单位公示栏", []);

    private static ResultsReportContext At(DateTimeOffset now) => new(2023, new DateOnly(2023, 12, 11), [Own], Opens, Closes, now);

    [Test]
    public void Submit_WhenClean_RecordsTheReport()
    {
        var report = UnitResultsReport.Start(Guid.NewGuid(), Unit, " 黔南能源集团有限公司 ", Dec18);

        report.Submit(Unit, Clean with { Objections = [new ResultsObjection(Own, " 有异议 ")] }, At(Dec18), "auditor1", "李华");

        (report.UnitName, report.PublicisedFrom, report.PublicisedTo, report.Place, report.SubmittedAt).Should().Be(("黔南能源集团有限公司", Clean.PublicisedFrom, Clean.PublicisedTo, "本单位公示栏", Dec18));
        report.Objections.Should().Equal(new ResultsObjection(Own, "有异议"));
    }

    [Test]
    public void Submit_Again_BeforeTheClose_ReplacesTheReport()
    {
        var report = UnitResultsReport.Start(Guid.NewGuid(), Unit, "黔南能源集团有限公司", Dec18);
        report.Submit(Unit, Clean with { Objections = [new ResultsObjection(Own, "有异议")] }, At(Dec18), "auditor1", "李华");

        report.Submit(Unit, Clean, At(Dec18.AddDays(1)), "auditor1", "李华");

        report.Objections.Should().BeEmpty();
        report.SubmittedAt.Should().Be(Dec18.AddDays(1));
    }

    [Test]
    public void Submit_ByAnotherUnitsAuditor_BreaksResultsReportOnlyByTheUnitsOwnAuditor() =>
        Broken<ResultsReportOnlyByTheUnitsOwnAuditorRule>(Clean, At(Dec18), auditorUnit: Guid.NewGuid());

    [Test]
    public void Submit_AtTheClose_BreaksResultsReportWithinTheResultsStage() =>
        Broken<ResultsReportWithinTheResultsStageRule>(Clean, At(Closes));

    [Test]
    public void Submit_BeforeTheStage_BreaksResultsReportWithinTheResultsStage() =>
        Broken<ResultsReportWithinTheResultsStageRule>(Clean, At(Opens.AddTicks(-1)));

    [Test]
    public void Submit_WithADateInAnotherYear_BreaksInternalPublicityDatesInTheCampaignYear() =>
        Broken<InternalPublicityDatesInTheCampaignYearRule>(Clean with { PublicisedFrom = new DateOnly(2022, 12, 12) }, At(Dec18));

    [Test]
    public void Submit_WithTheEndBeforeTheStart_BreaksInternalPublicityEndsNotBeforeItStarts() =>
        Broken<InternalPublicityEndsNotBeforeItStartsRule>(Clean with { PublicisedFrom = new DateOnly(2023, 12, 18), PublicisedTo = new DateOnly(2023, 12, 12) }, At(Dec18));

    [Test]
    public void Submit_StartingBeforeTheResults_BreaksInternalPublicityNotBeforeTheResults() =>
        Broken<InternalPublicityNotBeforeTheResultsRule>(Clean with { PublicisedFrom = new DateOnly(2023, 12, 10) }, At(Dec18));

    [Test]
    public void Submit_EndingAfterToday_BreaksInternalPublicityEndedByTheReport() =>
        Broken<InternalPublicityEndedByTheReportRule>(Clean with { PublicisedTo = new DateOnly(2023, 12, 19) }, At(Dec18));

    [TestCase("")]
    [TestCase("   ")]
    public void Submit_WithoutAPlace_BreaksInternalPublicityPlaceIsGiven(string place) =>
        Broken<InternalPublicityPlaceIsGivenRule>(Clean with { Place = place }, At(Dec18));

    [Test]
    public void Submit_WithAPlaceTooLong_BreaksInternalPublicityPlaceIsGiven() =>
        Broken<InternalPublicityPlaceIsGivenRule>(Clean with { Place = new string('栏', UnitResultsReport.MaxPlaceLength + 1) }, At(Dec18));

    [Test]
    public void Submit_WithAnObjectionAboutAnotherUnitsCandidate_BreaksObjectionsNameTheUnitsOwnCandidates() =>
        Broken<ObjectionsNameTheUnitsOwnCandidatesRule>(Clean with { Objections = [new ResultsObjection(Others, "有异议")] }, At(Dec18));

    [Test]
    public void Submit_WithTwoObjectionsForOneCandidate_BreaksObjectionIsDescribedOnce() =>
        Broken<ObjectionIsDescribedOnceRule>(Clean with { Objections = [new ResultsObjection(Own, "一"), new ResultsObjection(Own, "二")] }, At(Dec18));

    [Test]
    public void Submit_WithAnObjectionTooLong_BreaksObjectionIsDescribedOnce() =>
        Broken<ObjectionIsDescribedOnceRule>(Clean with { Objections = [new ResultsObjection(Own, new string('异', UnitResultsReport.MaxObjectionLength + 1))] }, At(Dec18));

    [Test]
    public void Describe_WithAndWithoutObjections_ReadsAsTheJournalShowsIt()
    {
        var names = new Dictionary<Guid, string> { [Own] = "李华" };

        UnitResultsReport.Describe(Clean, names).Should().Be("已于2023年12月12日至12月18日在本单位公示栏公示评审结果，未收到异议。");
        UnitResultsReport.Describe(Clean with { Objections = [new ResultsObjection(Own, "任职年限有误")] }, names)
            .Should().Be("已于2023年12月12日至12月18日在本单位公示栏公示评审结果，收到异议：李华：任职年限有误。");
    }

    private static void Broken<TRule>(ResultsReportContent content, ResultsReportContext context, Guid? auditorUnit = null)
        where TRule : IBusinessRule
    {
        var report = UnitResultsReport.Start(Guid.NewGuid(), Unit, "黔南能源集团有限公司", Dec18);

        var act = () => report.Submit(auditorUnit ?? Unit, content, context, "auditor1", "李华");

        act.Should().Throw<BusinessRuleViolationException>().Which.BrokenRule.Should().BeOfType<TRule>();
        report.IsSubmitted.Should().BeFalse();
    }
}
