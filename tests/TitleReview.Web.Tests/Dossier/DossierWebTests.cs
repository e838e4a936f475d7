using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Dossier;

/// <summary>Uploads, file serving and access through HTTP, on the demo campaigns (李华's dossier is open for filing).</summary>
public class DossierWebTests
{
    private const int FileLimit = 4096;

    private TitleReviewFactory _factory = null!;
    private Guid _li;
    private Guid _zhao;

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
        var ids = await (from a in db.TitleApplications
                         join c in db.Campaigns on a.CampaignId equals c.Id
                         where c.Year == year
                         select new { a.Id, a.ApplicantName }).ToListAsync();
        _li = ids.Single(i => i.ApplicantName == "李华").Id;
        _zhao = ids.Single(i => i.ApplicantName == "赵强").Id;
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    private static readonly byte[] ValidPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 测试扫描件\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [TestCase("exe", "聘书.pdf", 400, "只接受 PDF、JPEG、PNG 文件", TestName = "Upload_WindowsExecutableRenamedPdf_Refused")]
    [TestCase("html", "photo.jpg", 400, "只接受 PDF、JPEG、PNG 文件", TestName = "Upload_HtmlRenamedJpg_Refused")]
    [TestCase("empty", "empty.pdf", 400, "文件为空", TestName = "Upload_EmptyFile_Refused")]
    [TestCase("over", "big.pdf", 413, "文件超过大小上限（4 KB）", TestName = "Upload_OneByteOverTheLimit_Is413")]
    [TestCase("pdf", "../../etc/聘书.pdf", 400, "文件名不合法", TestName = "Upload_NameWithDotDotSlash_Refused")]
    [TestCase("pdf", "a.pdf.exe", 400, "文件名与内容不符：“a.pdf.exe”的扩展名是 .exe，但文件内容是 PDF", TestName = "Upload_RealPdfNamedDotPdfDotExe_Refused")]
    [TestCase("png", "scan.pdf", 400, "文件名与内容不符：“scan.pdf”的扩展名是 .pdf，但文件内容是 PNG", TestName = "Upload_PngNamedScanDotPdf_Refused")]
    [TestCase("pdf", "聘书.exe.pdf", 400, "含有双重扩展名（.exe）", TestName = "Upload_PdfWithExeInsideItsName_Refused")]
    public async Task Upload_Refusals(string kind, string fileName, int status, string message)
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var bytes = kind switch
        {
            "exe" => new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00 },
            "html" => "<!DOCTYPE html><html><body>hi</body></html>"u8.ToArray(),
            "empty" => [],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
            "over" => [.. ValidPdf, .. new byte[FileLimit + 1 - ValidPdf.Length]],
            _ => ValidPdf,
        };
        var before = CountStoredFiles();
        var previous = Employment(await DossierJsonAsync(client, _li));

        var response = await UploadAsync(client, _li, "personal.employment", bytes, fileName);

        ((int)response.StatusCode).Should().Be(status);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain(message);
        CountStoredFiles().Should().Be(before, "nothing is stored");
        Employment(await DossierJsonAsync(client, _li)).Should().Be(previous, "the earlier scan is kept");
    }

    [Test]
    public async Task Upload_OfAValidPdf_RoundTripsByteForByte_WithSafeHeaders()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");

        var response = await UploadAsync(client, _li, "personal.employment", ValidPdf, "聘书.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var served = await client.GetAsync($"/files/{id}");
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(ValidPdf);
        served.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        served.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        served.Content.Headers.ContentDisposition!.DispositionType.Should().Be("inline");
        served.Content.Headers.ContentDisposition.FileNameStar.Should().Be("聘书.pdf");

        var auditor = await SignedInClientAsync(_factory, "auditor1");
        (await auditor.GetAsync($"/files/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task StoredFileTamperedWith_IsRefusedWhenServed()
    {
        var client = await SignedInClientAsync(_factory, "applicant1");
        var id = (await (await UploadAsync(client, _li, "personal.employment", ValidPdf, "聘书.pdf")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var scope = _factory.Services.CreateScope())
        {
            var key = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierAttachments.Where(a => a.Id == id).Select(a => a.StorageKey).SingleAsync();
            var path = Path.Combine(scope.ServiceProvider.GetRequiredService<StoragePaths>().DataFolder, key);
            var bytes = await File.ReadAllBytesAsync(path);
            bytes[^4] = (byte)'X';
            await File.WriteAllBytesAsync(path, bytes);
        }

        var response = await client.GetAsync($"/files/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("文件校验失败");
    }

    [Test]
    public async Task AnotherApplicant_AndAnotherUnitsAuditor_GetNotFound_OnEveryPageAndApiOfTheDossier()
    {
        var owner = await SignedInClientAsync(_factory, "applicant1");
        var fileId = (await (await UploadAsync(owner, _li, "personal.employment", ValidPdf, "聘书.pdf")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var stranger in new[] { "applicant2", "auditor2" })
        {
            var client = await SignedInClientAsync(_factory, stranger);
            var gets = new[] { $"/api/applications/{_li}/dossier", $"/files/{fileId}" }
                .Concat(stranger.StartsWith("applicant", StringComparison.Ordinal) ? [$"/Applicant/Dossier/{_li}", $"/Applicant/Dossier/{_li}/personal"] : [$"/Review/{_li}"]);
            foreach (var path in gets)
            {
                (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, $"{stranger} GET {path}");
            }

            (await client.PostAsJsonAsync($"/api/applications/{_li}/dossier/items", new { item = new { kind = "education", year = 2025, hours = 100, professionalHours = 70 } }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, stranger);
            (await client.PutAsJsonAsync($"/api/applications/{_li}/dossier/personal", new { currentPost = "x", evaluationType = "Regular" }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, stranger);
            (await UploadAsync(client, _li, "personal.appointment", ValidPdf, "x.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound, stranger);
            (await client.PostAsJsonAsync($"/api/applications/{_li}/dossier/verifications", new { itemKey = "personal", verified = true }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, stranger);
            (await client.PostAsJsonAsync($"/api/applications/{_li}/dossier/return", new { reasons = new Dictionary<string, string> { ["PersonalInfo"] = "x" } }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, stranger);
        }
    }

    [Test]
    public async Task Verify_BeforeOpeningTheItemsScans_Is409NamingTheItem_AndViewingThemInlineLetsItThrough()
    {
        var auditor = await SignedInClientAsync(_factory, "auditor2");
        var scans = (await DossierJsonAsync(auditor, _zhao)).GetProperty("attachments").EnumerateArray()
            .Where(a => a.GetProperty("slotKey").GetString()!.StartsWith("personal.", StringComparison.Ordinal))
            .Select(a => a.GetProperty("id").GetGuid())
            .ToList();
        scans.Should().NotBeEmpty();
        Task<HttpResponseMessage> Tick() => auditor.PostAsJsonAsync($"/api/applications/{_zhao}/dossier/verifications", new { itemKey = "personal", verified = true });

        var refused = await Tick();

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be($"请先打开查看“个人基本信息及任职文件、聘书、资格证书扫描件”的全部扫描件（还有 {scans.Count} 份未打开），核对无误后再勾选“核验无误”。");

        foreach (var scan in scans)
        {
            var viewed = await auditor.GetAsync($"/files/{scan}");
            viewed.Content.Headers.ContentDisposition!.DispositionType.Should().Be("inline", "the review page shows scans in viewers");
        }

        (await Tick()).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task SubmittedDossier_CannotBeEditedByItsApplicant()
    {
        var applicant3 = await SignedInClientAsync(_factory, "applicant3");

        var response = await applicant3.PutAsJsonAsync($"/api/applications/{_zhao}/dossier/personal", new { currentPost = "改动", evaluationType = "Regular" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("正在等待单位审核");
    }

    [Test]
    public async Task ReviewPage_WhenAScanIsAlsoInAnotherApplicantsDossier_ShowsTheFlagWithTheMaskedNameToTheOfficeOnly()
    {
        var office = await SignedInClientAsync(_factory, "office");
        var applicant = await SignedInClientAsync(_factory, "applicant1");
        (await office.GetStringAsync($"/Review/{_li}")).Should().NotContain("材料重复", "the demo scans are distinct");
        var zhaosScan = (await DossierJsonAsync(office, _zhao)).GetProperty("attachments").EnumerateArray().First().GetProperty("id").GetGuid();
        var copy = await office.GetByteArrayAsync($"/files/{zhaosScan}");

        (await UploadAsync(applicant, _li, "personal.employment", copy, "聘书.pdf")).StatusCode.Should().Be(HttpStatusCode.Created);

        var page = await office.GetStringAsync($"/Review/{_li}");
        page.Should().Contain("与其他 1 人的材料重复").And.Contain("赵*").And.NotContain("赵强");
        (await applicant.GetStringAsync($"/Applicant/Dossier/{_li}/personal")).Should().NotContain("材料重复", "the applicant is not told");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid applicationId, string slot, byte[] bytes, string fileName)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(slot), "slot");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/api/applications/{applicationId}/dossier/attachments", content);
    }

    private static async Task<JsonElement> DossierJsonAsync(HttpClient client, Guid applicationId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}/dossier");

    private static string? Employment(JsonElement dossier) =>
        dossier.GetProperty("attachments").EnumerateArray()
            .Where(a => a.GetProperty("slotKey").GetString() == "personal.employment")
            .Select(a => a.GetProperty("id").GetString())
            .SingleOrDefault();

    private int CountStoredFiles()
    {
        var uploads = _factory.Services.GetRequiredService<StoragePaths>().UploadsFolder;
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Length : 0;
    }
}
