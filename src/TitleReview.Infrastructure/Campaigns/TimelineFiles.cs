using System.Globalization;
using TitleReview.Application.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Infrastructure.Campaigns;

internal sealed class TimelineFiles(StoragePaths paths) : ITimelineFiles
{
    private string Folder => Path.Combine(paths.WorkflowsFolder, "timelines");

    public IReadOnlyList<int> Years =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json")
                .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0)
                .Where(y => y > 0)
                .Order()
                .ToList()
            : [];

    public string Read(int year)
    {
        var path = Path.Combine(Folder, $"{year}.json");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new DomainException($"没有 {year} 年的时间安排文件（workflows/timelines/{year}.json）。");
    }
}
