using TitleReview.Domain.Files;

namespace TitleReview.Domain.Tests.Files;

public class FileSizeTests
{
    [TestCase(10L * 1024 * 1024, "10 MB")]
    [TestCase(100L * 1024 * 1024, "100 MB")]
    [TestCase(1536L * 1024, "1.5 MB")]
    [TestCase(10L * 1024 * 1024 - 1, "9.9 MB", TestName = "Format_RoundsDown_SoALimitIsNeverOverstated")]
    [TestCase(512L * 1024, "512 KB")]
    [TestCase(1024L, "1 KB")]
    [TestCase(1023L, "1023 字节")]
    [TestCase(0L, "0 字节")]
    [TestCase(2L * 1024 * 1024 * 1024, "2 GB")]
    public void Format_UsesTheLargestFittingUnit(long bytes, string expected)
    {
        FileSize.Format(bytes).Should().Be(expected);
    }

    [Test]
    public void Format_WhenNegative_Throws()
    {
        var act = () => FileSize.Format(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
