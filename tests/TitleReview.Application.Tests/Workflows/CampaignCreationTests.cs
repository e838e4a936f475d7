using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CopyCampaign;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Campaigns.GetTimeline;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Workflows;

public class CampaignCreationTests : WorkflowTestBase
{
    [Test]
    public async Task Timeline2023_CarriesTheNoticesWindowsExactly()
    {
        var timeline = await TimelineAsync(2023);

        var windows = timeline.Stages.ToDictionary(s => s.Key, s => (Opens: s.OpensAt, Last: s.LastSecond));
        windows[StageKeys.AuditorRegistration].Should().Be((Beijing(2023, 7, 17, 0, 0, 0), Beijing(2023, 7, 21, 23, 59, 59)));
        windows[StageKeys.AuditorConfirmation].Should().Be((Beijing(2023, 7, 24, 0, 0, 0), Beijing(2023, 7, 28, 23, 59, 59)));
        windows[StageKeys.Filing].Should().Be((Beijing(2023, 8, 1, 0, 0, 0), Beijing(2023, 8, 31, 23, 59, 59)));
        windows["paperDelivery"].Should().Be((Beijing(2023, 9, 4, 0, 0, 0), Beijing(2023, 9, 8, 23, 59, 59)));
        windows["payment"].Should().Be((Beijing(2023, 9, 11, 0, 0, 0), Beijing(2023, 9, 15, 23, 59, 59)));
        timeline.TenureCutoff.Should().Be(new DateOnly(2023, 12, 31));
        timeline.Stages.Single(s => s.Key == "preliminaryReview").Note.Should().Contain("9月下旬至10月下旬");
    }

    [Test]
    public async Task Copy_ShiftsEveryWindowByWholeYears_AndStartsItsOwnWorkflow()
    {
        var office = await ActorAsync("office");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2023, 2024, office)));

        var copy = await TimelineAsync(2024);
        copy.Name.Should().Be("2024年度贵州省政工专业职务任职资格申报评审");
        copy.TenureCutoff.Should().Be(new DateOnly(2024, 12, 31));
        copy.Stages.Single(s => s.Key == StageKeys.Filing).LastSecond.Should().Be(Beijing(2024, 8, 31, 23, 59, 59));
        copy.WorkflowState.Should().Be("Planned");
    }

    [Test]
    public async Task Copy_IntoAnExistingYear_IsRefused()
    {
        var office = await ActorAsync("office");

        var act = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<CopyCampaign, Guid>>().HandleAsync(new CopyCampaign(2022, 2023, office)));

        await act.Should().ThrowAsync<NotFoundException>("there is no 2022 to copy");
        var again = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
            .HandleAsync(new CreateCampaignFromTimeline(TimelineDocument.Parse(sp.GetRequiredService<ITimelineFiles>().Read(2023)), office)));
        await again.Should().ThrowAsync<DomainException>().WithMessage("2023 年度评审工作已存在*");
    }

    [Test]
    public async Task Import_OfAnExport_RecreatesTheSameTimeline()
    {
        var exported = await InScopeAsync(async sp =>
        {
            var campaign = await sp.GetRequiredService<AppDbContext>().Campaigns.Include(c => c.Stages).SingleAsync();
            return TimelineDocument.From(campaign).ToJson();
        });
        var document = TimelineDocument.Parse(exported.Replace("\"year\": 2023", "\"year\": 2025", StringComparison.Ordinal));

        var (year, _, _, stages) = document.Read(Catalogue);

        year.Should().Be(2025);
        stages.Single(s => s.Key == StageKeys.Filing).ClosesAt.Should().Be(Beijing(2023, 9, 1, 0, 0, 0), "exact instants survive the round trip");
    }

    [Test]
    public void Import_WithProblems_ListsEveryOneOfThem()
    {
        var json = """
            {
              "year": 2025,
              "stages": [
                { "key": "auditorRegistration", "opens": "2025-07-17", "closes": "2025-07-11" },
                { "key": "lunch", "opens": "2025-07-20", "closes": "2025-07-21" },
                { "key": "filing", "opens": "2025/08/01", "closes": "2025-08-31" }
              ]
            }
            """;

        var act = () => TimelineDocument.Parse(json).Read(Catalogue);

        var errors = act.Should().Throw<ValidationException>().Which.Errors;
        errors["stages[1].key"].Single().Should().Contain("lunch");
        errors["stages[2].opens"].Single().Should().Contain("2025/08/01");
    }

    [Test]
    public void Import_OfBrokenJson_SaysSo()
    {
        var act = () => TimelineDocument.Parse("{ \"year\": 2025, ");

        act.Should().Throw<ValidationException>().Which.Errors["file"].Single().Should().Contain("不是有效的 JSON");
    }

    [Test]
    public void Import_WithAMissingStageAndAReversedWindow_NamesThem()
    {
        var stages = Catalogue.Stages.Select(s => s.Key).Where(k => k != "payment")
            .Select(k => $"{{ \"key\": \"{k}\", \"opens\": \"2025-08-01\", \"closes\": \"{(k == "results" ? "2025-07-01" : "2025-08-31")}\" }}");
        var json = $"{{ \"year\": 2025, \"stages\": [ {string.Join(",", stages)} ] }}";

        var act = () => TimelineDocument.Parse(json).Read(Catalogue);

        var messages = act.Should().Throw<ValidationException>().Which.Errors.SelectMany(e => e.Value).ToList();
        messages.Should().Contain(m => m.Contains("缺少阶段“缴纳评审费”"));
        messages.Should().Contain(m => m.Contains("“公布评审结果”的结束时间必须晚于开始时间"));
    }

    private StageCatalogue Catalogue => Services.GetRequiredService<IWorkflowDefinitions>().Latest("campaign").Stages;

    private Task<TimelineDto> TimelineAsync(int year) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetTimeline, TimelineDto>>().HandleAsync(new GetTimeline(year)));
}
