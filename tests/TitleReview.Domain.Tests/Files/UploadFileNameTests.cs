using TitleReview.Domain.Files;

namespace TitleReview.Domain.Tests.Files;

public class UploadFileNameTests
{
    [TestCase("任职资格评审表.pdf")]
    [TestCase("scan 2023-08-01 (1).JPG")]
    [TestCase("photo.png")]
    [TestCase(".pdf")]
    [TestCase("no-extension")]
    [TestCase("报告😀.pdf", TestName = "Check_WhenNameHasEmojiSurrogatePair_IsValid")]
    public void Check_WhenPlainName_IsValid(string name)
    {
        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(name);
    }

    [Test]
    public void Check_TrimsAndNormalizesToFormC()
    {
        // "é" as e + combining acute accent, as macOS sends it.
        var result = UploadFileName.Check("  re\u0301sume\u0301.pdf ");

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be("r\u00E9sum\u00E9.pdf");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Check_WhenEmpty_Refuses(string? name)
    {
        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名为空，请重新选择文件。");
    }

    [Test]
    public void Check_WhenExactlyMaxLength_IsValid()
    {
        var name = new string('文', UploadFileName.MaxLength - 4) + ".pdf";

        UploadFileName.Check(name).IsValid.Should().BeTrue();
    }

    [Test]
    public void Check_WhenLongerThanMaxLength_RefusesNamingLength()
    {
        var name = new string('文', UploadFileName.MaxLength - 3) + ".pdf";

        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名过长（201 个字符），请改为不超过 200 个字符后重新上传。");
    }

    [TestCase("../etc/passwd")]
    [TestCase("../../titlereview.db")]
    [TestCase("a/b.pdf")]
    [TestCase("/etc/passwd")]
    [TestCase("..\\..\\windows\\win.ini")]
    [TestCase("C:\\Users\\a.pdf")]
    [TestCase("dir\\a.pdf")]
    [TestCase("..")]
    [TestCase("report..pdf")]
    [TestCase("a.pdf\0.exe", TestName = "Check_WhenNulCharacter_Refuses")]
    [TestCase("a\r\nb.pdf", TestName = "Check_WhenLineBreak_Refuses")]
    [TestCase("a\tb.pdf", TestName = "Check_WhenTab_Refuses")]
    [TestCase("a\u007Fb.pdf", TestName = "Check_WhenDelete_Refuses")]
    [TestCase("invoice\u202Efdp.exe", TestName = "Check_WhenRightToLeftOverride_Refuses")]
    public void Check_WhenPathOrControlCharacter_Refuses(string name)
    {
        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名不合法：不能包含路径（/ \\ ..）或控制字符。");
    }

    [Test]
    public void Check_WhenUnpairedSurrogate_Refuses()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var name = "a" + (char)0xD800 + "b.pdf";

        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名不合法：不能包含路径（/ \\ ..）或控制字符。");
    }

    [TestCase(".")]
    [TestCase(" . ")]
    public void Check_WhenOnlyDots_Refuses(string name)
    {
        var result = UploadFileName.Check(name);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名不合法：不能只由“.”组成。");
    }

    [TestCase("评审表.pdf", FileKind.Pdf, "评审表.pdf")]
    [TestCase("评审表.PDF", FileKind.Pdf, "评审表.PDF")]
    [TestCase("photo.jpeg", FileKind.Jpeg, "photo.jpeg")]
    [TestCase("photo.JPG", FileKind.Jpeg, "photo.JPG")]
    [TestCase("scan.png", FileKind.Png, "scan.png")]
    public void ToDownloadName_WhenExtensionFitsKind_KeepsIt(string name, FileKind kind, string expected)
    {
        UploadFileName.ToDownloadName(name, kind).Should().Be(expected);
    }

    [TestCase("照片.pdf", FileKind.Png, "照片.pdf.png")]
    [TestCase("setup.exe", FileKind.Pdf, "setup.exe.pdf")]
    [TestCase("page.html", FileKind.Jpeg, "page.html.jpg")]
    [TestCase("no-extension", FileKind.Pdf, "no-extension.pdf")]
    public void ToDownloadName_WhenExtensionDoesNotFitKind_AppendsKindsExtension(string name, FileKind kind, string expected)
    {
        UploadFileName.ToDownloadName(name, kind).Should().Be(expected);
    }

    [Test]
    public void ToDownloadName_ReplacesCharactersWindowsRefuses()
    {
        UploadFileName.ToDownloadName("a\"b<c>d:e|f?g*h.pdf", FileKind.Pdf).Should().Be("a_b_c_d_e_f_g_h.pdf");
    }

    [TestCase(null)]
    [TestCase("../../etc/passwd")]
    [TestCase("a\r\nContent-Type: text/html")]
    public void ToDownloadName_WhenNameIsNotAcceptable_UsesFallback(string? name)
    {
        UploadFileName.ToDownloadName(name, FileKind.Jpeg).Should().Be("附件.jpg");
    }

    [TestCase("任职资格评审表.pdf", FileKind.Pdf)]
    [TestCase("评审表.PDF", FileKind.Pdf)]
    [TestCase("证件照.jpg", FileKind.Jpeg)]
    [TestCase("证件照.JPEG", FileKind.Jpeg)]
    [TestCase("scan.png", FileKind.Png)]
    [TestCase("scan 2023.08.01.png", FileKind.Png, TestName = "CheckMatchesContent_WhenDotsInADate_IsValid")]
    [TestCase("证书.jpg.png", FileKind.Png, TestName = "CheckMatchesContent_WhenInnerSegmentIsAnImageExtension_IsValid")]
    public void CheckMatchesContent_WhenExtensionFitsTheContent_IsValid(string name, FileKind kind)
    {
        var result = UploadFileName.CheckMatchesContent(name, kind);

        result.IsValid.Should().BeTrue(result.Error);
        result.Normalized.Should().Be(name);
    }

    [Test]
    public void CheckMatchesContent_WhenPdfNamedExe_RefusesNamingBoth()
    {
        var result = UploadFileName.CheckMatchesContent("a.pdf.exe", FileKind.Pdf);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名与内容不符：“a.pdf.exe”的扩展名是 .exe，但文件内容是 PDF。请上传真实的 PDF 文件，或将扩展名改为 .pdf。");
    }

    [Test]
    public void CheckMatchesContent_WhenPngNamedPdf_Refuses()
    {
        var result = UploadFileName.CheckMatchesContent("scan.pdf", FileKind.Png);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be("文件名与内容不符：“scan.pdf”的扩展名是 .pdf，但文件内容是 PNG。请上传真实的 PNG 文件，或将扩展名改为 .png。");
    }

    [TestCase("photo.png", FileKind.Jpeg, TestName = "CheckMatchesContent_WhenJpegNamedPng_Refuses")]
    [TestCase("scan.jpg", FileKind.Pdf, TestName = "CheckMatchesContent_WhenPdfNamedJpg_Refuses")]
    [TestCase("page.html", FileKind.Png, TestName = "CheckMatchesContent_WhenPngNamedHtml_Refuses")]
    public void CheckMatchesContent_WhenExtensionIsAnotherKinds_Refuses(string name, FileKind kind)
    {
        var result = UploadFileName.CheckMatchesContent(name, kind);

        result.IsValid.Should().BeFalse();
        result.Error.Should().StartWith("文件名与内容不符：");
    }

    [TestCase("no-extension")]
    [TestCase("ends-with-dot.")]
    public void CheckMatchesContent_WhenNoExtension_RefusesSuggestingOne(string name)
    {
        var result = UploadFileName.CheckMatchesContent(name, FileKind.Jpeg);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"文件名“{name}”没有扩展名：文件内容是 JPEG，请将文件名改为以 .jpg 或 .jpeg 结尾后重新上传。");
    }

    [TestCase("a.exe.pdf", FileKind.Pdf, ".exe")]
    [TestCase("x.php.png", FileKind.Png, ".php")]
    [TestCase("report.PDF.jpg", FileKind.Jpeg, ".PDF")]
    [TestCase("证件照.docx.jpeg", FileKind.Jpeg, ".docx")]
    [TestCase("run.sh.backup.png", FileKind.Png, ".sh")]
    public void CheckMatchesContent_WhenAnInnerSegmentIsAProgramScriptOrDocumentExtension_Refuses(string name, FileKind kind, string inner)
    {
        var result = UploadFileName.CheckMatchesContent(name, kind);

        result.IsValid.Should().BeFalse();
        result.Error.Should().Be($"文件名不合法：“{name}”含有双重扩展名（{inner}），请去掉文件名中间的 {inner} 后重新上传。");
    }
}
