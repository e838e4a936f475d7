using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Domain.Files;
using TitleReview.Infrastructure.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Application.Tests.Files;

/// <summary>The file store as the application resolves it, on a temporary data folder.</summary>
public partial class LocalFileStoreTests : ApplicationTestBase
{
    private const string PathOrControlMessage = "文件名不合法：不能包含路径（/ \\ ..）或控制字符。";
    private const string TamperedMessage = "文件校验失败：存储的文件与上传时的记录不一致，已拒绝提供。请联系省政工职评办。";

    private IFileStore Store => Services.GetRequiredService<IFileStore>();

    private StoragePaths Paths => Services.GetRequiredService<StoragePaths>();

    private string TemporaryFolder => Path.Combine(Paths.UploadsFolder, ".tmp");

    private long DefaultLimit => Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;

    [Test]
    public void Store_IsTheLocalFileStore_AndOneForTheApplication()
    {
        Store.Should().BeOfType<LocalFileStore>();
        Store.Should().BeSameAs(Store);
    }

    [Test]
    public async Task SaveAsync_WindowsExecutableNamedPdf_IsRefusedByContent()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.WindowsExecutable()), "任职资格评审表.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.UnsupportedType);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("只接受 PDF、JPEG、PNG 文件（按文件内容识别），该文件不是其中任何一种。");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_HtmlNamedJpg_IsRefusedByContent()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.Html()), "证件照.jpg", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.UnsupportedType);
        refused.Message.Should().Be("只接受 PDF、JPEG、PNG 文件（按文件内容识别），该文件不是其中任何一种。");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_EmptyFile_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(), "评审表.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.Empty);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("文件为空，请重新选择。");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_FileExactlyAtTheDefaultLimit_IsAccepted()
    {
        DefaultLimit.Should().Be(10 * 1024 * 1024);
        var content = new UploadStream(TestContent.PdfHead, DefaultLimit);

        var stored = await Store.SaveAsync(content, "材料.pdf", DefaultLimit);

        stored.Length.Should().Be(DefaultLimit);
        stored.Sha256Hex.Should().Be(Convert.ToHexStringLower(SHA256.HashData(TestContent.Bytes(TestContent.PdfHead, DefaultLimit))));
        new FileInfo(Path.Combine(Paths.DataFolder, stored.StorageKey)).Length.Should().Be(DefaultLimit);
    }

    [Test]
    public async Task SaveAsync_FileOneByteOverTheDefaultLimit_IsRefusedAsTooLarge_AndItsPartIsRemoved()
    {
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PdfHead, DefaultLimit + 1)
        {
            BeforeRead = _ => partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(TemporaryFolder).Length),
        };

        var act = () => Store.SaveAsync(content, "材料.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.TooLarge);
        refused.StatusCode.Should().Be(413);
        refused.LimitBytes.Should().Be(DefaultLimit);
        refused.Message.Should().Be("文件超过大小上限（10 MB），请压缩后重新上传。");
        partsDuringUpload.Should().Be(1, "the content was being written to a temporary file when the limit was passed");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_HugeUpload_StopsReadingOneBytePastTheLimit()
    {
        const long limit = 1024 * 1024;
        var content = new UploadStream(TestContent.PngHead, 1024L * 1024 * 1024);

        var act = () => Store.SaveAsync(content, "扫描件.png", limit);

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Message.Should().Be("文件超过大小上限（1 MB），请压缩后重新上传。");
        content.BytesRead.Should().Be(limit + 1);
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_LimitSmallerThanTheSignature_IsRefusedAsTooLarge()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "a.pdf", maxBytes: 4);

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Reason.Should().Be(UploadRejectionReason.TooLarge);
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_TenMegabytes_IsStreamedNotBuffered()
    {
        var content = new UploadStream(TestContent.JpegHead, DefaultLimit);
        _ = await Store.SaveAsync(new UploadStream(TestContent.JpegHead, 1024), "warm-up.jpg", DefaultLimit);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await Store.SaveAsync(content, "照片.jpg", DefaultLimit);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        allocated.Should().BeLessThan(DefaultLimit / 4, "a 10 MB upload must not be held in memory");
    }

    [TestCase("../任职资格评审表.pdf")]
    [TestCase("../../etc/passwd")]
    [TestCase("uploads/ab/0123.bin")]
    public async Task SaveAsync_NameWithPath_IsRefusedBeforeReading(string name)
    {
        var content = new UploadStream(TestContent.PdfHead, 1000);

        var act = () => Store.SaveAsync(content, name, DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.BadName);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be(PathOrControlMessage);
        content.BytesRead.Should().Be(0);
        UploadsShouldHoldNoFiles();
    }

    [TestCase("..\\..\\Windows\\win.ini")]
    [TestCase("C:\\Users\\张三\\评审表.pdf")]
    public async Task SaveAsync_NameWithBackslash_IsRefused(string name)
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), name, DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.BadName);
        refused.Message.Should().Be(PathOrControlMessage);
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_ValidPdf_RoundTripsByteForByte()
    {
        var pdf = TestContent.MinimalPdf();

        var stored = await Store.SaveAsync(new MemoryStream(pdf), "任职资格评审表.pdf", DefaultLimit);

        stored.Sha256Hex.Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        stored.Length.Should().Be(pdf.Length);
        stored.Kind.Should().Be(FileKind.Pdf);
        stored.ContentType.Should().Be("application/pdf");
        stored.SafeName.Should().Be("任职资格评审表.pdf");

        await using var served = await Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);
        served.Position.Should().Be(0);
        var copy = new MemoryStream();
        await served.CopyToAsync(copy);
        copy.ToArray().Should().Equal(pdf);
    }

    [Test]
    public async Task SaveAsync_StoresUnderARandomNameInsideTheUploadsFolder()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "任职资格评审表.pdf", DefaultLimit);

        stored.StorageKey.Should().MatchRegex(StorageKeyPattern().ToString());
        stored.StorageKey.Should().NotContain("评审表");
        var file = Path.GetFullPath(Path.Combine(Paths.DataFolder, stored.StorageKey));
        file.Should().StartWith(Paths.UploadsFolder + Path.DirectorySeparatorChar);
        File.ReadAllBytes(file).Should().Equal(TestContent.MinimalPdf());
        FilesIn(Paths.UploadsFolder).Should().Equal(file);
    }

    [Test]
    public async Task SaveAsync_PdfNamedPng_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "照片.png", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().Be("文件名与内容不符：“照片.png”的扩展名是 .png，但文件内容是 PDF。请上传真实的 PDF 文件，或将扩展名改为 .pdf。");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_RealPdfNamedDotPdfDotExe_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "a.pdf.exe", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("文件名与内容不符：“a.pdf.exe”的扩展名是 .exe，但文件内容是 PDF。请上传真实的 PDF 文件，或将扩展名改为 .pdf。");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_PngNamedScanDotPdf_IsRefused()
    {
        var act = () => Store.SaveAsync(new UploadStream(TestContent.PngHead, 2000), "scan.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().Be("文件名与内容不符：“scan.pdf”的扩展名是 .pdf，但文件内容是 PNG。请上传真实的 PNG 文件，或将扩展名改为 .png。");
        UploadsShouldHoldNoFiles();
    }

    [TestCase("a.exe.pdf")]
    [TestCase("x.php.pdf")]
    public async Task SaveAsync_PdfWithADisguisingInnerExtension_IsRefused(string name)
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), name, DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().StartWith($"文件名不合法：“{name}”含有双重扩展名");
        UploadsShouldHoldNoFiles();
    }

    [TestCase(FileKind.Jpeg, "证件照.JPEG", "image/jpeg")]
    [TestCase(FileKind.Png, "扫描件.png", "image/png")]
    public async Task SaveAsync_ImageArrivingOneByteAtATime_IsRecognised(FileKind kind, string name, string contentType)
    {
        var head = kind == FileKind.Jpeg ? TestContent.JpegHead : TestContent.PngHead;
        var content = new UploadStream(head, 3000, maxChunk: 1);

        var stored = await Store.SaveAsync(content, name, DefaultLimit);

        stored.Kind.Should().Be(kind);
        stored.ContentType.Should().Be(contentType);
        stored.SafeName.Should().Be(name);
        stored.Length.Should().Be(3000);
        stored.Sha256Hex.Should().Be(Convert.ToHexStringLower(SHA256.HashData(TestContent.Bytes(head, 3000))));
    }

    [Test]
    public async Task SaveAsync_SameContentTwice_GetsTwoKeysAndTheSameHash()
    {
        var pdf = TestContent.MinimalPdf();

        var first = await Store.SaveAsync(new MemoryStream(pdf), "评审表.pdf", DefaultLimit);
        var second = await Store.SaveAsync(new MemoryStream(pdf), "评审表.pdf", DefaultLimit);

        second.StorageKey.Should().NotBe(first.StorageKey);
        second.Sha256Hex.Should().Be(first.Sha256Hex);
        FilesIn(Paths.UploadsFolder).Should().HaveCount(2);
    }

    [Test]
    public async Task SaveAsync_ConnectionCutOffHalfway_LeavesNoFile()
    {
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PdfHead, 1024 * 1024)
        {
            FailAfter = 512 * 1024,
            BeforeRead = _ => partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(TemporaryFolder).Length),
        };

        var act = () => Store.SaveAsync(content, "评审表.pdf", DefaultLimit);

        await act.Should().ThrowAsync<IOException>().WithMessage("The client disconnected.");
        partsDuringUpload.Should().Be(1, "half of the file had been written when the connection broke");
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task SaveAsync_CancelledHalfway_LeavesNoFile()
    {
        using var cancellation = new CancellationTokenSource();
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PngHead, 1024 * 1024)
        {
            BeforeRead = read =>
            {
                partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(TemporaryFolder).Length);
                if (read >= 512 * 1024)
                {
                    cancellation.Cancel();
                }
            },
        };

        var act = () => Store.SaveAsync(content, "扫描件.png", DefaultLimit, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        partsDuringUpload.Should().Be(1);
        content.BytesRead.Should().BeLessThan(1024 * 1024);
        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task OpenVerifiedAsync_FileChangedOnDisk_IsRefused()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);
        await using (var file = File.OpenWrite(Path.Combine(Paths.DataFolder, stored.StorageKey)))
        {
            file.Position = 20;
            file.WriteByte((byte)'X');
        }

        var act = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);

        var refused = (await act.Should().ThrowAsync<StoredFileTamperedException>()).Which;
        refused.Message.Should().Be(TamperedMessage);
        refused.StorageKey.Should().Be(stored.StorageKey);
    }

    [Test]
    public async Task OpenVerifiedAsync_WrongRecordedHash_IsRefused()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);
        var other = Convert.ToHexStringLower(SHA256.HashData(TestContent.Html()));

        var act = () => Store.OpenVerifiedAsync(stored.StorageKey, other);

        (await act.Should().ThrowAsync<StoredFileTamperedException>()).Which.Message.Should().Be(TamperedMessage);
    }

    [Test]
    public async Task OpenVerifiedAsync_RecordedHashInUpperCase_IsAccepted()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await using var served = await Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex.ToUpperInvariant());

        served.CanRead.Should().BeTrue();
    }

    [Test]
    public async Task OpenVerifiedAsync_FileGone_IsRefusedAsTampered()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);
        File.Delete(Path.Combine(Paths.DataFolder, stored.StorageKey));

        var act = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);

        (await act.Should().ThrowAsync<StoredFileTamperedException>()).Which.Message.Should().Be(TamperedMessage);
    }

    [TestCase("../../etc/passwd")]
    [TestCase("/etc/passwd")]
    [TestCase("uploads/../titlereview.db")]
    [TestCase("uploads/ab/../../titlereview.db")]
    [TestCase("uploads\\ab\\ab0123456789abcdef0123456789abcd.bin")]
    [TestCase("uploads/AB/AB0123456789ABCDEF0123456789ABCD.bin")]
    [TestCase("uploads/cd/ab0123456789abcdef0123456789abcd.bin")]
    [TestCase("uploads/ab/ab0123456789abcdef0123456789abcd.bin\n")]
    [TestCase("uploads/ab/ab0123456789abcdef0123456789abc.bin")]
    [TestCase("uploads/.tmp/ab0123456789abcdef0123456789abcd.part")]
    [TestCase("")]
    public async Task OpenVerifiedAsync_KeyNotIssuedByTheStore_IsRefused(string key)
    {
        var anyHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Paths.SqliteDatabaseFile)));

        var act = () => Store.OpenVerifiedAsync(key, anyHash);

        await act.Should().ThrowAsync<ArgumentException>().WithParameterName("storageKey");
    }

    [Test]
    public async Task OpenVerifiedAsync_KeyOfTheRightFormat_IsServed()
    {
        // The counterpart of the refusals above: a well-formed key with a real file is served.
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await using var served = await Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);

        served.Length.Should().Be(TestContent.MinimalPdf().Length);
    }

    [TestCase("../titlereview.db")]
    [TestCase("uploads/../titlereview.db")]
    public async Task DeleteAsync_KeyNotIssuedByTheStore_IsRefusedAndDeletesNothing(string key)
    {
        var act = () => Store.DeleteAsync(key);

        await act.Should().ThrowAsync<ArgumentException>().WithParameterName("storageKey");
        File.Exists(Paths.SqliteDatabaseFile).Should().BeTrue();
    }

    [Test]
    public async Task DeleteAsync_RemovesTheFile_AndDoesNothingTheSecondTime()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await Store.DeleteAsync(stored.StorageKey);
        await Store.DeleteAsync(stored.StorageKey);

        UploadsShouldHoldNoFiles();
        var open = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);
        await open.Should().ThrowAsync<StoredFileTamperedException>();
    }

    [Test]
    public async Task DeleteAsync_WhenTheRequestWasCancelled_StillCompensates()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await Store.DeleteAsync(stored.StorageKey, new CancellationToken(canceled: true));

        UploadsShouldHoldNoFiles();
    }

    [Test]
    public async Task DeleteAsync_KeyNeverStored_DoesNothing()
    {
        var act = () => Store.DeleteAsync("uploads/ab/ab0123456789abcdef0123456789abcd.bin");

        await act.Should().NotThrowAsync();
    }

    private static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    /// <summary>No stored file and no temporary part anywhere under <c>uploads/</c>, <c>.tmp</c> included.</summary>
    private void UploadsShouldHoldNoFiles()
    {
        FilesIn(Paths.UploadsFolder).Should().BeEmpty();
    }

    [GeneratedRegex(@"\Auploads/([0-9a-f]{2})/\1[0-9a-f]{30}\.bin\z")]
    private static partial Regex StorageKeyPattern();
}
