using TitleReview.Application.Campaigns;
using TitleReview.Benchmarks.Data;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Benchmarks.Data.Tests;

public class CampaignTimelinesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Test]
    public void ShiftedToNow_WhenToday_OpensTheFilingThreeWeeksAgoForAtLeastAWeekMore()
    {
        var (opens, closes) = CampaignTimelines.Window(CampaignTimelines.ShiftedToNow(Template(), Today), StageKeys.Filing);

        opens.Should().Be(Today.AddDays(-CampaignTimelines.FilingDaysBehind));
        closes.DayNumber.Should().BeGreaterThanOrEqualTo(Today.DayNumber + CampaignTimelines.DaysAheadRequired);
    }

    [Test]
    public void ShiftedToNow_WhenToday_HasTheAuditorStagesBehindAndKeepsEveryStagesLength()
    {
        var template = Template();
        var shifted = CampaignTimelines.ShiftedToNow(template, Today);

        CampaignTimelines.Window(shifted, StageKeys.AuditorRegistration).Closes.Should().BeBefore(Today);
        CampaignTimelines.Window(shifted, StageKeys.AuditorConfirmation).Closes.Should().BeBefore(Today);
        shifted.Year.Should().Be(Today.Year);
        shifted.TenureCutoff.Should().Be("2026-12-31");
        foreach (var stage in template.Stages)
        {
            var (opens, closes) = CampaignTimelines.Window(template, stage.Key!);
            var (movedOpens, movedCloses) = CampaignTimelines.Window(shifted, stage.Key!);
            (movedCloses.DayNumber - movedOpens.DayNumber).Should().Be(closes.DayNumber - opens.DayNumber, stage.Key);
        }
    }

    [Test]
    public void ForYear_WhenAnEarlierYear_KeepsTheDaysAndNamesTheYear()
    {
        var moved = CampaignTimelines.ForYear(Template(), 2021);

        moved.Year.Should().Be(2021);
        moved.Name.Should().StartWith("2021年度");
        CampaignTimelines.Window(moved, StageKeys.Filing).Should().Be((new DateOnly(2021, 8, 1), new DateOnly(2021, 8, 31)));
    }

    private static TimelineDocument Template()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "TitleReview.sln")))
        {
            folder = folder.Parent;
        }

        return TimelineDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "workflows", "timelines", "2023.json")));
    }
}
