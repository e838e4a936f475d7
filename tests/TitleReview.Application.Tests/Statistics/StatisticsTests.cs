using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications;
using TitleReview.Application.Applications.Statistics;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Statistics;

/// <summary>
/// 统计分析 against a hand-counted fixture (issue 18): two campaigns whose applications went down
/// known paths of application.v9's states, each written as the engine writes it (the journal row of
/// every state it entered, the instance left in the last), in three units of three regions and
/// natures. The expected figures below were counted by hand from the table in <see cref="Fixture2024"/>.
/// </summary>
public class StatisticsTests : WorkflowTestBase
{
    protected override bool ConfirmDemoUnits => false;

    private static readonly string[] UpToTheUnit = ["Draft", "Submitted", "UnitApproved", "UnitPublicity", "PublicityPassed"];
    private static readonly string[] Submitted = [.. UpToTheUnit, "AwaitingPaper"];
    private static readonly string[] Received = [.. Submitted, "PaperComplete"];
    private static readonly string[] Cleared = [.. Received, "DecidedPassed", "PublicizedPassed", "ClearedAfterPublicity"];
    private static readonly string[] Referred = [.. Cleared, "OnCommitteeList"];

    /// <summary>The paths, by letter; <c>L</c> is <c>K</c> with a certificate.</summary>
    private static readonly Dictionary<char, string[]> Paths = new()
    {
        ['A'] = ["Draft"],
        ['B'] = ["Draft", "NotSubmitted"],
        ['C'] = ["Draft", "Submitted", "Returned"],
        ['D'] = Submitted,
        ['E'] = [.. Submitted, "PaperNotDelivered"],
        ['F'] = [.. Received, "DecidedPassed"],
        ['G'] = [.. Submitted, "PaperIncomplete", "DecidedFailed", "PublicizedFailed", "FailedAfterPublicity"],
        ['H'] = [.. Submitted, "PaperIncomplete", "DecidedFailed", "PublicizedFailed", "SupplementSubmitted", "PublicizedPassed", "ClearedAfterPublicity"],
        ['I'] = [.. Cleared, "RemovedFromCommitteeList", "NotOnCommitteeList"],
        ['J'] = [.. Referred, "CommitteeFailed"],
        ['K'] = [.. Referred, "CommitteePassed"],
        ['L'] = [.. Referred, "CommitteePassed"],
        ['M'] = [.. Referred, "Vetoed"],
        ['N'] = ["Draft", "Submitted", "Vetoed"],
    };

    private static readonly (string Name, UnitNature Nature, string Region)[] Units =
    [
        ("甲示范能源集团有限公司", UnitNature.ProvincialEnterprise, "贵阳市"),
        ("乙示范建设有限公司", UnitNature.CityOrPrefectureEnterprise, "遵义市"),
        ("丙示范物流有限公司", UnitNature.OutOfProvinceEnterprise, "省外单位"),
    ];

    /// <summary>
    /// 2024, fifteen applications (unit index, level, path). Counted by hand:
    /// applied 15 (助理 6, 中级 6, 高级 3; 贵阳市 5, 遵义市 6, 省外单位 4);
    /// submitted 11 (all but A, B, C, N); received 9 (also not D, E); preliminary passed and published 7
    /// (H, I, J, K, L, L, M: not F, decided but unpublished, nor G); referred 5 (J, K, L, L, M);
    /// committee passed 3 (K, L, L); certified 2 (L, L).
    /// </summary>
    private static readonly (int Unit, TitleLevel Level, char Path)[] Fixture2024 =
    [
        (0, TitleLevel.Assistant, 'A'),
        (0, TitleLevel.Assistant, 'B'),
        (0, TitleLevel.Intermediate, 'D'),
        (0, TitleLevel.Intermediate, 'L'),
        (0, TitleLevel.Senior, 'K'),
        (1, TitleLevel.Assistant, 'C'),
        (1, TitleLevel.Assistant, 'G'),
        (1, TitleLevel.Intermediate, 'F'),
        (1, TitleLevel.Intermediate, 'H'),
        (1, TitleLevel.Intermediate, 'J'),
        (1, TitleLevel.Senior, 'M'),
        (2, TitleLevel.Senior, 'E'),
        (2, TitleLevel.Intermediate, 'L'),
        (2, TitleLevel.Assistant, 'I'),
        (2, TitleLevel.Assistant, 'N'),
    ];

    /// <summary>2023, four: applied 4, submitted 3, referred 3, committee passed 2, certified 1.</summary>
    private static readonly (int Unit, TitleLevel Level, char Path)[] Fixture2023 =
    [
        (0, TitleLevel.Intermediate, 'L'),
        (1, TitleLevel.Senior, 'J'),
        (1, TitleLevel.Assistant, 'A'),
        (2, TitleLevel.Assistant, 'K'),
    ];

    private WorkflowActor _office = null!;

    [SetUp]
    public async Task SeedFixtureAsync()
    {
        _office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, _office)));
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var campaigns = db.Campaigns.ToDictionary(c => c.Year, c => c.Id);
            var units = Units.Select((u, i) => Unit.Create(Guid.NewGuid(), u.Name, $"91520000MA6STAT{i:000}", u.Nature, u.Region)).ToList();
            db.Units.AddRange(units);
            var numberings = new Dictionary<(int, TitleLevel), CertificateNumbering>();
            var n = 0;
            foreach (var (year, fixture) in new[] { (2023, Fixture2023), (2024, Fixture2024) })
            {
                var campaignId = campaigns[year];
                var at = Beijing(year, 8, 1, 9, 0, 0);
                foreach (var (unit, level, path) in fixture)
                {
                    n++;
                    var application = TitleApplication.Start(Guid.NewGuid(), campaignId, $"stat-user-{n}", $"申报人{n:00}", units[unit].Id, level, at);
                    db.TitleApplications.Add(application);
                    var states = Paths[path];
                    var instance = WorkflowInstance.Start(
                        Guid.NewGuid(),
                        ApplicationWorkflow.DefinitionId,
                        9,
                        states[0],
                        new WorkflowSubject(ApplicationWorkflow.SubjectType, application.Id, application.ApplicantName, campaignId, units[unit].Id, application.ApplicantUserId, level.ToString()),
                        at);
                    db.WorkflowInstances.Add(instance);
                    db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, null, "start", states[0], _office, null, at));
                    for (var s = 1; s < states.Length; s++)
                    {
                        var when = at.AddDays(s);
                        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(instance.Id, states[s - 1], "step", states[s], _office, null, when));
                        instance.EnterState(states[s], false, when);
                    }

                    if (path == 'L')
                    {
                        if (!numberings.TryGetValue((year, level), out var numbering))
                        {
                            numbering = CertificateNumbering.Configure(campaignId, year, level, new CertificateNumberingScheme("黔政工", level.ToString()[..1], 4, 1), at, _office.Id);
                            numberings[(year, level)] = numbering;
                            db.CertificateNumberings.Add(numbering);
                        }

                        var today = DateOnly.FromDateTime(at.AddMonths(5).UtcDateTime);
                        db.Certificates.Add(Certificate.Issue(
                            new CertificateHolder(application.Id, campaignId, year, level, application.ApplicantName, "520103198509102011", units[unit].Id, units[unit].Name, "贵州省政工专业职务评审委员会"),
                            new CertificateIssuing(CommitteePassed: true, ResultsFirstDay: today, HasValidCertificate: false, Today: today),
                            numbering,
                            at.AddMonths(5),
                            _office.Id,
                            _office.Name));
                    }
                }
            }

            await db.SaveChangesAsync();
        });
    }

    [Test]
    public async Task Funnel_CountsEachStageByWhatTheCasesWentThrough_WithTheDropOffs()
    {
        var view = await StatisticsAsync(2024);

        view.Year.Should().Be(2024);
        view.Applied.Should().Be(15);
        view.Funnel.Select(s => (s.Key, s.Count, s.Dropped)).Should().Equal(
            (FunnelStages.Registered, 15, (int?)null),
            (FunnelStages.Submitted, 11, 4),
            (FunnelStages.Received, 9, 2),
            (FunnelStages.PreliminaryPassed, 7, 2),
            (FunnelStages.CommitteePassed, 3, 4),
            (FunnelStages.Certified, 2, 1));
        view.Funnel.Select(s => s.Name).Should().Equal("申报", "单位报送", "省职评办接收纸质材料", "初审通过", "评审通过", "发放证书");
    }

    [Test]
    public async Task PassRates_PerLevel_OfThoseReferredAndOfThoseWhoApplied()
    {
        var view = await StatisticsAsync(2024);

        view.PassRates.Select(r => (r.Level, r.Applied, r.Referred, r.Passed, r.RateOfReferred, r.RateOfApplied)).Should().Equal(
            (TitleLevel.Assistant, 6, 0, 0, (decimal?)null, (decimal?)0.0m),
            (TitleLevel.Intermediate, 6, 3, 2, (decimal?)66.7m, (decimal?)33.3m),
            (TitleLevel.Senior, 3, 2, 1, (decimal?)50.0m, (decimal?)33.3m));
    }

    [Test]
    public async Task Breakdowns_PerLevelRegionAndUnitNature()
    {
        var view = await StatisticsAsync(2024);

        view.ByLevel.Select(c => (c.Name, c.Count)).Should().Equal(("助理政工师", 6), ("政工师", 6), ("高级政工师", 3));
        view.ByRegion.Select(c => (c.Name, c.Count)).Should().Equal(("遵义市", 6), ("贵阳市", 5), ("省外单位", 4));
        view.ByNature.Select(c => (c.Name, c.Count)).Should().Equal(("省直企业", 5), ("市（州）企业", 6), ("省外企业", 4), ("其他", 0));
    }

    [Test]
    public async Task YearOverYear_ListsEveryCampaignOldestFirst_WithItsTotalsAndRates()
    {
        var view = await StatisticsAsync(null);

        view.Year.Should().Be(2024, "the latest campaign when no year is asked");
        view.Years.Should().Equal(2024, 2023);
        view.YearOverYear.Select(y => (y.Year, y.Applied, y.Submitted, y.Referred, y.Passed, y.Certified, y.RateOfReferred, y.RateOfApplied)).Should().Equal(
            (2023, 4, 3, 3, 2, 1, (decimal?)66.7m, (decimal?)50.0m),
            (2024, 15, 11, 5, 3, 2, (decimal?)60.0m, (decimal?)20.0m));
    }

    [Test]
    public async Task AnotherYear_CountsOnlyItsOwnCampaign()
    {
        var view = await StatisticsAsync(2023);

        view.Funnel.Select(s => s.Count).Should().Equal(4, 3, 3, 3, 2, 1);
        view.ByRegion.Select(c => (c.Name, c.Count)).Should().Equal(("遵义市", 2), ("省外单位", 1), ("贵阳市", 1));
    }

    [TestCase("auditor1")]
    [TestCase("applicant1")]
    [TestCase("expert1")]
    public async Task Statistics_ForAnyoneButTheOfficeAndTheInspector_AreRefused(string userName)
    {
        var actor = await ActorAsync(userName);

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetStatistics, StatisticsView>>().HandleAsync(new GetStatistics(2024, actor)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Test]
    public async Task Statistics_ForTheInspector_ReadAsForTheOffice()
    {
        var inspector = await ActorAsync("inspector1");

        var view = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetStatistics, StatisticsView>>().HandleAsync(new GetStatistics(2024, inspector)));

        view.Applied.Should().Be(15);
    }

    private Task<StatisticsView> StatisticsAsync(int? year) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetStatistics, StatisticsView>>().HandleAsync(new GetStatistics(year, _office)));
}
