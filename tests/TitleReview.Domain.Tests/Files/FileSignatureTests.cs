using System.Text;
using TitleReview.Domain.Files;

namespace TitleReview.Domain.Tests.Files;

public class FileSignatureTests
{
    private static IEnumerable<TestCaseData> Recognised()
    {
        yield return new TestCaseData(Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n"), FileKind.Pdf).SetName("Detect_Pdf");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("%PDF-"), FileKind.Pdf).SetName("Detect_PdfSignatureOnly");
        yield return new TestCaseData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 }, FileKind.Jpeg).SetName("Detect_JpegJfif");
        yield return new TestCaseData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34, 0x45, 0x78 }, FileKind.Jpeg).SetName("Detect_JpegExif");
        yield return new TestCaseData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, FileKind.Png).SetName("Detect_Png");
    }

    private static IEnumerable<TestCaseData> NotRecognised()
    {
        yield return new TestCaseData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }).SetName("Detect_WindowsExecutable_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("<!DOCTYPE html><html>")).SetName("Detect_HtmlDoctype_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("<html><body>")).SetName("Detect_Html_IsNull");
        yield return new TestCaseData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }).SetName("Detect_Zip_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("GIF89a\x01\x00")).SetName("Detect_Gif_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes(" %PDF-1.4")).SetName("Detect_PdfSignatureNotAtOffsetZero_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("%pdf-1.4")).SetName("Detect_LowerCasePdf_IsNull");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("%PDF")).SetName("Detect_TruncatedPdfSignature_IsNull");
        yield return new TestCaseData(new byte[] { 0xFF, 0xD8 }).SetName("Detect_TruncatedJpegSignature_IsNull");
        yield return new TestCaseData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }).SetName("Detect_TruncatedPngSignature_IsNull");
        yield return new TestCaseData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x0A, 0x0A }).SetName("Detect_PngWithLineEndingsMangled_IsNull");
        yield return new TestCaseData(Array.Empty<byte>()).SetName("Detect_Empty_IsNull");
    }

    [TestCaseSource(nameof(Recognised))]
    public void Detect_WhenSignatureAtStart_ReturnsKind(byte[] head, FileKind expected)
    {
        FileSignature.Detect(head).Should().Be(expected);
    }

    [TestCaseSource(nameof(NotRecognised))]
    public void Detect_WhenNoAcceptedSignature_ReturnsNull(byte[] head)
    {
        FileSignature.Detect(head).Should().BeNull();
    }

    [Test]
    public void HeadLength_CoversTheLongestSignature()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        FileSignature.Detect(png.AsSpan(0, FileSignature.HeadLength)).Should().Be(FileKind.Png);
    }
}
