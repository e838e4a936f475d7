using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;

namespace TitleReview.Application.Campaigns.ExportTimeline;

/// <summary>A year's timeline as the JSON document a campaign can be created or imported from.</summary>
public sealed record ExportTimeline(int Year);

internal sealed class ExportTimelineHandler(IApplicationDbContext db) : IHandler<ExportTimeline, string>
{
    public async Task<string> HandleAsync(ExportTimeline request, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).Include(c => c.Rules).AsNoTracking().FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度评审工作");
        return TimelineDocument.From(campaign).ToJson();
    }
}
