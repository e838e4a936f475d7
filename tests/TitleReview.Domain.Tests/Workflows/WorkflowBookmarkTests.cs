using TitleReview.Domain.Workflows;

namespace TitleReview.Domain.Tests.Workflows;

public class WorkflowBookmarkTests
{
    private static readonly DateTimeOffset Now = new(2023, 8, 31, 16, 0, 0, TimeSpan.Zero);

    /// <summary>The clock's batches ask "still pending?" as "not completed yet" (WorkflowBatchWriter).</summary>
    [Test]
    public void CompletedAt_IsEmptyExactlyWhileTheTimerIsPending()
    {
        var bookmark = WorkflowBookmark.Create(Guid.NewGuid(), "Draft", "closeFiling", "close:filing", Now, Now.AddDays(-30));
        bookmark.IsPending.Should().BeTrue();
        bookmark.CompletedAt.Should().BeNull();

        foreach (var complete in new Action<DateTimeOffset>[] { bookmark.MarkFired, bookmark.Cancel, bookmark.MarkFaulted })
        {
            complete(Now);
            bookmark.IsPending.Should().BeFalse();
            bookmark.CompletedAt.Should().Be(Now);

            bookmark.Retry();
            bookmark.IsPending.Should().BeTrue();
            bookmark.CompletedAt.Should().BeNull();
        }
    }
}
