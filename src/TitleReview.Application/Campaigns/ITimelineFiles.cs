namespace TitleReview.Application.Campaigns;

/// <summary>The timeline files shipped in <c>workflows/timelines/</c>.</summary>
public interface ITimelineFiles
{
    IReadOnlyList<int> Years { get; }

    string Read(int year);
}
