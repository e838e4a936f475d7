using TitleReview.Benchmarks.Data;

namespace TitleReview.Benchmarks.Data.Tests;

/// <summary>
/// A 20,000-row export streams (issue 18): written through the app's real writer, the live memory it
/// holds while writing grows far less than its rows. A ratio of two runs, never a time.
/// </summary>
public class ExportMemoryTests
{
    [Test]
    public async Task LargeExport_HoldsFarLessThanTenTimesTheMemoryOfASmallOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"titlereview-export-memory-test-{Guid.NewGuid():N}");
        try
        {
            var (small, large) = await ExportMemoryRun.MeasureAsync(folder, ExportMemoryRun.DefaultSmall, ExportMemoryRun.DefaultLarge);
            TestContext.Out.WriteLine(small);
            TestContext.Out.WriteLine(large);

            small.Written.Should().Be(2_000);
            large.Written.Should().Be(20_000);
            ((double)large.FileBytes / small.FileBytes).Should().BeGreaterThan(7, "the large sheet really holds about ten times the data");
            ExportMemoryRun.Ratio(large, small).Should().BeLessThan(MaxRatio, "rows are written as they come, not kept: ten times the rows must not hold ten times the memory");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Ten times the rows, at most this many times the peak retained growth.</summary>
    private const double MaxRatio = 3;
}
