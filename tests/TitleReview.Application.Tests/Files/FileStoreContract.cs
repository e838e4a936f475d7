using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TitleReview.Application.Files;
using TitleReview.Domain.Files;
using TitleReview.Infrastructure.Files;
using TitleReview.Infrastructure.Hosting;

namespace TitleReview.Application.Tests.Files;

/// <summary>
/// What every <see cref="IFileStore"/> promises, run against each implementation available in
/// the run (<see cref="LocalFileStoreTests"/>, <see cref="S3FileStoreTests"/>): the store as the
/// application resolves it from configuration, looked at out of band through the hooks below.
/// </summary>
public abstract partial class FileStoreContract : ApplicationTestBase
{
    protected const string PathOrControlMessage = "文件名不合法：不能包含路径（/ \\ ..）或控制字符。";
    protected const string TamperedMessage = "文件校验失败：存储的文件与上传时的记录不一致，已拒绝提供。请联系省政工职评办。";

    protected IFileStore Store => Services.GetRequiredService<IFileStore>();

    protected StoragePaths Paths => Services.GetRequiredService<StoragePaths>();

    /// <summary>Where both stores stage an upload before keeping it.</summary>
    protected string StagingFolder => Path.Combine(Paths.UploadsFolder, ".tmp");

    protected long DefaultLimit => Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;

    /// <summary>Every key the store holds a file or object under, read out of band.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredKeysAsync();

    /// <summary>The bytes kept under <paramref name="storageKey"/>, read out of band.</summary>
    protected abstract Task<byte[]> ReadStoredAsync(string storageKey);

    /// <summary>Replaces what is kept under <paramref name="storageKey"/> behind the store's back.</summary>
    protected abstract Task OverwriteStoredAsync(string storageKey, byte[] content);

    /// <summary>Removes what is kept under <paramref name="storageKey"/> behind the store's back.</summary>
    protected abstract Task RemoveStoredAsync(string storageKey);

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
    public async Task SaveAsync_StoresUnderARandomKey_AndNothingElse()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "任职资格评审表.pdf", DefaultLimit);

        stored.StorageKey.Should().MatchRegex(StorageKeyPattern().ToString());
        stored.StorageKey.Should().NotContain("评审表");
        (await StoredKeysAsync()).Should().Equal(stored.StorageKey);
        (await ReadStoredAsync(stored.StorageKey)).Should().Equal(TestContent.MinimalPdf());
        FilesIn(StagingFolder).Should().BeEmpty("the staged copy is gone once the file is kept");
    }

    [Test]
    public async Task SaveAsync_WindowsExecutableNamedPdf_IsRefusedByContent()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.WindowsExecutable()), "任职资格评审表.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.UnsupportedType);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("只接受 PDF、JPEG、PNG 文件（按文件内容识别），该文件不是其中任何一种。");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_HtmlNamedJpg_IsRefusedByContent()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.Html()), "证件照.jpg", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.UnsupportedType);
        refused.Message.Should().Be("只接受 PDF、JPEG、PNG 文件（按文件内容识别），该文件不是其中任何一种。");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_EmptyFile_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(), "评审表.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.Empty);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("文件为空，请重新选择。");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_PdfNamedPng_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "照片.png", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().Be("文件名与内容不符：“照片.png”的扩展名是 .png，但文件内容是 PDF。请上传真实的 PDF 文件，或将扩展名改为 .pdf。");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_RealPdfNamedDotPdfDotExe_IsRefused()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "a.pdf.exe", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.StatusCode.Should().Be(400);
        refused.Message.Should().Be("文件名与内容不符：“a.pdf.exe”的扩展名是 .exe，但文件内容是 PDF。请上传真实的 PDF 文件，或将扩展名改为 .pdf。");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_PngNamedScanDotPdf_IsRefused()
    {
        var act = () => Store.SaveAsync(new UploadStream(TestContent.PngHead, 2000), "scan.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().Be("文件名与内容不符：“scan.pdf”的扩展名是 .pdf，但文件内容是 PNG。请上传真实的 PNG 文件，或将扩展名改为 .png。");
        await NothingShouldBeStoredAsync();
    }

    [TestCase("a.exe.pdf")]
    [TestCase("x.php.pdf")]
    public async Task SaveAsync_PdfWithADisguisingInnerExtension_IsRefused(string name)
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), name, DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.NameMismatch);
        refused.Message.Should().StartWith($"文件名不合法：“{name}”含有双重扩展名");
        await NothingShouldBeStoredAsync();
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
        await NothingShouldBeStoredAsync();
    }

    [TestCase("..\\..\\Windows\\win.ini")]
    [TestCase("C:\\Users\\张三\\评审表.pdf")]
    public async Task SaveAsync_NameWithBackslash_IsRefused(string name)
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), name, DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.BadName);
        refused.Message.Should().Be(PathOrControlMessage);
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_FileExactlyAtTheDefaultLimit_IsAccepted()
    {
        DefaultLimit.Should().Be(10 * 1024 * 1024);
        var content = new UploadStream(TestContent.PdfHead, DefaultLimit);

        var stored = await Store.SaveAsync(content, "材料.pdf", DefaultLimit);

        stored.Length.Should().Be(DefaultLimit);
        var expected = TestContent.Bytes(TestContent.PdfHead, DefaultLimit);
        stored.Sha256Hex.Should().Be(Convert.ToHexStringLower(SHA256.HashData(expected)));
        (await ReadStoredAsync(stored.StorageKey)).Should().Equal(expected);
    }

    [Test]
    public async Task SaveAsync_FileOneByteOverTheDefaultLimit_IsRefusedAsTooLarge_AndItsPartIsRemoved()
    {
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PdfHead, DefaultLimit + 1)
        {
            BeforeRead = _ => partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(StagingFolder).Length),
        };

        var act = () => Store.SaveAsync(content, "材料.pdf", DefaultLimit);

        var refused = (await act.Should().ThrowAsync<UploadRejectedException>()).Which;
        refused.Reason.Should().Be(UploadRejectionReason.TooLarge);
        refused.StatusCode.Should().Be(413);
        refused.LimitBytes.Should().Be(DefaultLimit);
        refused.Message.Should().Be("文件超过大小上限（10 MB），请压缩后重新上传。");
        partsDuringUpload.Should().Be(1, "the content was being staged when the limit was passed");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_HugeUpload_StopsReadingOneBytePastTheLimit()
    {
        const long limit = 1024 * 1024;
        var content = new UploadStream(TestContent.PngHead, 1024L * 1024 * 1024);

        var act = () => Store.SaveAsync(content, "扫描件.png", limit);

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Message.Should().Be("文件超过大小上限（1 MB），请压缩后重新上传。");
        content.BytesRead.Should().Be(limit + 1);
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_LimitSmallerThanTheSignature_IsRefusedAsTooLarge()
    {
        var act = () => Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "a.pdf", maxBytes: 4);

        (await act.Should().ThrowAsync<UploadRejectedException>()).Which.Reason.Should().Be(UploadRejectionReason.TooLarge);
        await NothingShouldBeStoredAsync();
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
        (await StoredKeysAsync()).Should().BeEquivalentTo([first.StorageKey, second.StorageKey]);
    }

    [Test]
    public async Task SaveAsync_ConnectionCutOffHalfway_LeavesNothing()
    {
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PdfHead, 1024 * 1024)
        {
            FailAfter = 512 * 1024,
            BeforeRead = _ => partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(StagingFolder).Length),
        };

        var act = () => Store.SaveAsync(content, "评审表.pdf", DefaultLimit);

        await act.Should().ThrowAsync<IOException>().WithMessage("The client disconnected.");
        partsDuringUpload.Should().Be(1, "half of the file had been staged when the connection broke");
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_CancelledHalfway_LeavesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        var partsDuringUpload = 0;
        var content = new UploadStream(TestContent.PngHead, 1024 * 1024)
        {
            BeforeRead = read =>
            {
                partsDuringUpload = Math.Max(partsDuringUpload, FilesIn(StagingFolder).Length);
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
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task SaveAsync_CancelledOnceWhollyRead_LeavesNothing()
    {
        // The last moment a cancellation can stop an upload: the content is all read and staged.
        using var cancellation = new CancellationTokenSource();
        var content = new UploadStream(TestContent.PdfHead, 4096)
        {
            BeforeRead = read =>
            {
                if (read == 4096)
                {
                    cancellation.Cancel();
                }
            },
        };

        var act = () => Store.SaveAsync(content, "评审表.pdf", DefaultLimit, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task OpenVerifiedAsync_ContentChangedBehindTheStoresBack_IsRefused()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);
        var changed = TestContent.MinimalPdf();
        changed[20] = (byte)'X';
        await OverwriteStoredAsync(stored.StorageKey, changed);

        var act = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);

        var refused = (await act.Should().ThrowAsync<StoredFileTamperedException>()).Which;
        refused.Message.Should().Be(TamperedMessage);
        refused.StorageKey.Should().Be(stored.StorageKey);
        FilesIn(StagingFolder).Should().BeEmpty("a refused download is not left behind");
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
        await RemoveStoredAsync(stored.StorageKey);

        var act = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);

        var refused = (await act.Should().ThrowAsync<StoredFileTamperedException>()).Which;
        refused.Message.Should().Be(TamperedMessage);
        refused.StorageKey.Should().Be(stored.StorageKey);
    }

    [Test]
    public async Task OpenVerifiedAsync_KeyNeverStored_IsRefusedAsTampered()
    {
        var act = () => Store.OpenVerifiedAsync("uploads/ab/ab0123456789abcdef0123456789abcd.bin", new string('0', 64));

        await act.Should().ThrowAsync<StoredFileTamperedException>();
    }

    [TestCase("../../etc/passwd")]
    [TestCase("../x")]
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
    [TestCase("../x")]
    [TestCase("uploads/../titlereview.db")]
    [TestCase("uploads/AB/AB0123456789ABCDEF0123456789ABCD.bin")]
    public async Task DeleteAsync_KeyNotIssuedByTheStore_IsRefusedAndDeletesNothing(string key)
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        var act = () => Store.DeleteAsync(key);

        await act.Should().ThrowAsync<ArgumentException>().WithParameterName("storageKey");
        File.Exists(Paths.SqliteDatabaseFile).Should().BeTrue();
        (await StoredKeysAsync()).Should().Equal(stored.StorageKey);
    }

    [Test]
    public async Task DeleteAsync_RemovesTheFile_AndDoesNothingTheSecondTime()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await Store.DeleteAsync(stored.StorageKey);
        await Store.DeleteAsync(stored.StorageKey);

        await NothingShouldBeStoredAsync();
        var open = () => Store.OpenVerifiedAsync(stored.StorageKey, stored.Sha256Hex);
        await open.Should().ThrowAsync<StoredFileTamperedException>();
    }

    [Test]
    public async Task DeleteAsync_WhenTheRequestWasCancelled_StillCompensates()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "评审表.pdf", DefaultLimit);

        await Store.DeleteAsync(stored.StorageKey, new CancellationToken(canceled: true));

        await NothingShouldBeStoredAsync();
    }

    [Test]
    public async Task DeleteAsync_KeyNeverStored_DoesNothing()
    {
        var act = () => Store.DeleteAsync("uploads/ab/ab0123456789abcdef0123456789abcd.bin");

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task HealthCheck_StoreUsable_IsHealthy()
    {
        var report = await FileStoreHealthAsync();

        report.Status.Should().Be(HealthStatus.Healthy, report.Description);
    }

    /// <summary>The <c>file-store</c> entry of the application's health report.</summary>
    protected async Task<HealthReportEntry> FileStoreHealthAsync()
    {
        var report = await Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Name == "file-store");
        return report.Entries.Should().ContainKey("file-store").WhoseValue;
    }

    protected static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    /// <summary>No kept file or object, and nothing staged.</summary>
    protected async Task NothingShouldBeStoredAsync()
    {
        (await StoredKeysAsync()).Should().BeEmpty();
        FilesIn(StagingFolder).Should().BeEmpty();
    }

    [GeneratedRegex(@"\Auploads/([0-9a-f]{2})/\1[0-9a-f]{30}\.bin\z")]
    private static partial Regex StorageKeyPattern();
}
