using TitleReview.Benchmarks.Data;
using TitleReview.Domain.Files;

namespace TitleReview.Benchmarks.Data.Tests;

public class ScansTests
{
    private static readonly string[] Lines = ["申报人：测试", "材料：任职文件"];

    [Test]
    public void Files_WhenMade_AreRecognisedByTheirContent()
    {
        FileSignature.Detect(Scans.Pdf(Lines)).Should().Be(FileKind.Pdf);
        FileSignature.Detect(Scans.Pdf(Lines, new byte[10_000])).Should().Be(FileKind.Pdf);
        FileSignature.Detect(Scans.Jpeg(Lines)).Should().Be(FileKind.Jpeg);
        FileSignature.Detect(Scans.Png(Lines)).Should().Be(FileKind.Png);
    }

    [Test]
    public void Files_WhenTheirLinesDiffer_DifferInContent()
    {
        string[] other = ["申报人：测试", "材料：聘书"];

        Scans.Pdf(Lines).Should().NotEqual(Scans.Pdf(other));
        Scans.Jpeg(Lines).Should().NotEqual(Scans.Jpeg(other));
        Scans.Png(Lines).Should().NotEqual(Scans.Png(other));
    }

    [Test]
    public void Pdf_WhenGivenNoise_IsAsLargeAsTheNoise()
    {
        Scans.Pdf(Lines, new byte[3_000_000]).Length.Should().BeGreaterThan(3_000_000);
    }
}
