using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Dossier;

/// <summary>
/// The upload endpoint reads its multipart body as a stream (ADR 0028): fields before or after
/// the file, broken and over-long bodies refused with nothing left on disk, and files served
/// with their length and byte ranges.
/// </summary>
public class StreamedUploadTests
{
    private const int FileLimit = 64 * 1024;
    private const string Boundary = "streamed-upload-boundary";
    private const string Slot = "personal.employment";

    private TitleReviewFactory _factory = null!;
    private Guid _li;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(settings: new Dictionary<string, string?>
        {
            ["Demo:SeedCampaigns"] = "true",
            ["Uploads:MaxFileBytes"] = FileLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Uploads:MaxDossierBytes"] = (FileLimit * 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = Domain.Time.BeijingTime.Today(TimeProvider.System).Year;
        _li = await (from a in db.TitleApplications
                     join c in db.Campaigns on a.CampaignId equals c.Id
                     where c.Year == year && a.ApplicantName == "李华"
                     select a.Id).SingleAsync();
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    private static byte[] Pdf(int length)
    {
        var head = "%PDF-1.4\n% 流式上传测试\n"u8.ToArray();
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    [Test]
    public async Task Upload_WhenTheFieldsComeAfterTheFile_StoresTheFile()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var bytes = Pdf(20_000);
        var token = await DossierTokenAsync(client);

        var response = await PostAsync(client, [File(bytes, "聘书.pdf"), Field("slot", Slot), Field("expectedToken", token.ToString())]);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.GetByteArrayAsync(response.Headers.Location)).Should().Equal(bytes);
        TemporaryParts().Should().BeEmpty();
    }

    [Test]
    public async Task Upload_WhenTheFieldsComeAfterTheFile_StillChecksTheToken()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var before = StoredFiles();

        var response = await PostAsync(client, [File(Pdf(1000), "聘书.pdf"), Field("slot", Slot), Field("expectedToken", Guid.NewGuid().ToString())]);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        StoredFiles().Should().BeEquivalentTo(before);
    }

    [Test]
    public async Task Upload_OfABodyCutOffInsideTheFile_Is400AndLeavesNothingBehind()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var whole = Envelope([Field("slot", Slot), File(Pdf(40_000), "聘书.pdf")]);
        var cut = whole[..(whole.Length / 2)];
        var before = StoredFiles();
        var previous = await EmploymentScanAsync();

        var response = await client.PostAsync(UploadPath(_li), Body(cut));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain("multipart/form-data");
        StoredFiles().Should().BeEquivalentTo(before, "neither a final file nor a temporary part is left");
        (await EmploymentScanAsync()).Should().Be(previous);
    }

    [TestCase(true, TestName = "Upload_OfAStreamOverTheLimit_WithTheSlotFirst_StopsEarlyWith413AndNoFile")]
    [TestCase(false, TestName = "Upload_OfAStreamOverTheLimit_WithTheFileFirst_StopsEarlyWith413AndNoFile")]
    public async Task Upload_OfAStreamOverTheLimit_StopsEarlyWith413AndNoFile(bool slotFirst)
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var head = Encoding.UTF8.GetBytes(
            (slotFirst ? $"--{Boundary}\r\nContent-Disposition: form-data; name=\"slot\"\r\n\r\n{Slot}\r\n" : string.Empty) +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n");
        const long endless = 64L * 1024 * 1024;
        var body = new CountingContent(head, endless);
        var before = StoredFiles();

        var response = await client.PostAsync(UploadPath(_li), body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain("文件超过大小上限（64 KB）");
        body.BytesRead.Should().BeLessThan(endless / 8, "the server stops reading soon after the limit");
        StoredFiles().Should().BeEquivalentTo(before);
    }

    [TestCase(true, TestName = "Upload_OfAnHtmlPageNamedPdf_WithTheSlotFirst_IsRefusedByItsContent")]
    [TestCase(false, TestName = "Upload_OfAnHtmlPageNamedPdf_WithTheFileFirst_IsRefusedByItsContent")]
    public async Task Upload_OfAnHtmlPageNamedPdf_IsRefusedByItsContent(bool slotFirst)
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var html = File("<!DOCTYPE html><html><body>不是扫描件</body></html>"u8.ToArray(), "聘书.pdf");
        var slot = Field("slot", Slot);
        var before = StoredFiles();

        var response = await PostAsync(client, slotFirst ? [slot, html] : [html, slot]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain("只接受 PDF、JPEG、PNG 文件");
        StoredFiles().Should().BeEquivalentTo(before);
    }

    [Test]
    public async Task Upload_RecordsTheSha256OfTheBytesSent()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var bytes = Pdf(FileLimit);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var response = await PostAsync(client, [Field("slot", Slot), File(bytes, "聘书.pdf")]);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var info = await response.Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("sha256").GetString().Should().Be(expected);
        info.GetProperty("length").GetInt64().Should().Be(bytes.Length);
        using var scope = _factory.Services.CreateScope();
        var id = info.GetProperty("id").GetGuid();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierAttachments.SingleAsync(a => a.Id == id);
        stored.Sha256.Should().Be(expected);
        var path = Path.Combine(scope.ServiceProvider.GetRequiredService<StoragePaths>().DataFolder, stored.StorageKey);
        Convert.ToHexStringLower(SHA256.HashData(await System.IO.File.ReadAllBytesAsync(path))).Should().Be(expected);
    }

    [Test]
    public async Task Upload_WithoutAFileSection_Is400AskingForAFile()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        var response = await PostAsync(client, [Field("slot", Slot)]);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Be("请选择要上传的文件。");
    }

    [Test]
    public async Task OpenFile_WithARange_AnswersThatRangeWithItsLength()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var bytes = Pdf(30_000);
        var uploaded = await PostAsync(client, [Field("slot", Slot), File(bytes, "聘书.pdf")]);
        using var whole = await client.GetAsync(uploaded.Headers.Location);
        using var request = new HttpRequestMessage(HttpMethod.Get, uploaded.Headers.Location);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var part = await client.SendAsync(request);

        whole.Content.Headers.ContentLength.Should().Be(bytes.Length);
        whole.Headers.AcceptRanges.Should().Contain("bytes");
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[1000..2000]);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[][] parts) =>
        await client.PostAsync(UploadPath(_li), Body(Envelope(parts)));

    private static string UploadPath(Guid applicationId) => $"/api/applications/{applicationId}/dossier/attachments";

    private static byte[] Field(string name, string value) =>
        Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");

    private static byte[] File(byte[] content, string fileName) =>
        [.. Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename*=utf-8''{Uri.EscapeDataString(fileName)}\r\nContent-Type: application/pdf\r\n\r\n"), .. content, .. "\r\n"u8.ToArray()];

    private static byte[] Envelope(byte[][] parts) => [.. parts.SelectMany(p => p), .. Encoding.UTF8.GetBytes($"--{Boundary}--\r\n")];

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private async Task<Guid> DossierTokenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/applications/{_li}/dossier")).GetProperty("dossierToken").GetGuid();

    private async Task<Guid?> EmploymentScanAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierAttachments
            .Where(a => a.ApplicationId == _li && a.SlotKey == Slot)
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync();
    }

    private string[] StoredFiles()
    {
        var uploads = _factory.Services.GetRequiredService<StoragePaths>().UploadsFolder;
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : [];
    }

    private string[] TemporaryParts()
    {
        var parts = Path.Combine(_factory.Services.GetRequiredService<StoragePaths>().UploadsFolder, ".tmp");
        return Directory.Exists(parts) ? Directory.GetFiles(parts) : [];
    }

    /// <summary>A multipart head followed by an endless file, sent chunked, that counts what the server read.</summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly byte[] _head;
        private readonly long _fileBytes;
        private long _read;

        public CountingContent(byte[] head, long fileBytes)
        {
            _head = head;
            _fileBytes = fileBytes;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        public long BytesRead => Interlocked.Read(ref _read);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)'x');
            try
            {
                for (long sent = 0; sent < _fileBytes; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk);
                    Interlocked.Add(ref _read, chunk.Length);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and stopped reading: that is the point of the test.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
