using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application;
using TitleReview.Infrastructure;
using TitleReview.Infrastructure.Backup;
using TitleReview.Infrastructure.Hosting;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;
using TitleReview.Web.Hosting;
using TitleReview.Web.Tests.Infrastructure;
using static TitleReview.Web.Tests.Infrastructure.WebTestHelpers;

namespace TitleReview.Web.Tests.Backup;

/// <summary>
/// Backup and restore of the embedded default (ADR 0060), on real SQLite files and real uploads:
/// a backup taken while uploads and submissions run restores into an empty folder where a second
/// host finds every row, every scan byte for byte, the accounts and the keys; tampered backups,
/// non-empty folders and SQL Server are refused and change nothing.
/// </summary>
[NonParallelizable]
public class BackupRestoreTests
{
    private readonly List<string> _folders = [];
    private TitleReviewFactory _system = null!;
    private string _quietBackup = null!;

    [OneTimeSetUp]
    public async Task StartTheSystemAndTakeAQuietBackup()
    {
        _system = new TitleReviewFactory(settings: new Dictionary<string, string?> { ["Demo:SeedCampaigns"] = "true" });
        _quietBackup = NewFolder();
        await BackupAsync(_quietBackup);
    }

    [OneTimeTearDown]
    public void StopAndClean()
    {
        _system.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A restored host's log file may be held for a moment; temp is cleaned later.
            }
        }
    }

    [Test]
    public async Task Backup_WhileUploadsAndSubmissionsRun_RestoresIntoAnEmptyFolder_WithEveryRowScanAccountAndKey()
    {
        var li = await ApplicationIdAsync("李华");
        var zhao = await ApplicationIdAsync("赵强");
        var officeCookie = await SignInCookieAsync(_system, "office");
        var applicant1 = await SignedInClientAsync(_system, "applicant1");
        var applicant3 = await SignedInClientAsync(_system, "applicant3");
        var auditor2 = await SignedInClientAsync(_system, "auditor2");
        var uploaded = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte[]>();
        var firstUpload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // 李华 keeps replacing her three personal scans (each replacement deletes the file it replaces),
        // while 赵强's dossier is returned, given a new scan and submitted again, round after round.
        async Task UploadsAsync()
        {
            string[] slots = ["personal.employment", "personal.appointment", "personal.qualification"];
            for (var i = 0; i < 12; i++)
            {
                var bytes = Pdf(i, 6000 + (i * 997));
                var response = await UploadAsync(applicant1, li, slots[i % slots.Length], bytes, $"扫描件-{i}.pdf");
                response.StatusCode.Should().Be(HttpStatusCode.Created, $"upload {i}");
                uploaded[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = bytes;
                firstUpload.TrySetResult();
            }
        }

        async Task SubmissionsAsync()
        {
            for (var i = 0; i < 4; i++)
            {
                (await auditor2.PostAsJsonAsync($"/api/applications/{zhao}/dossier/return", new { reasons = new Dictionary<string, string> { ["Achievements"] = "请补充工作材料。" } }))
                    .StatusCode.Should().Be(HttpStatusCode.OK, $"return {i}");
                var bytes = Pdf(100 + i, 5000);
                var response = await UploadAsync(applicant3, zhao, "personal.employment", bytes, $"聘书-{i}.pdf");
                response.StatusCode.Should().Be(HttpStatusCode.Created, $"zhao's upload {i}");
                uploaded[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = bytes;
                (await applicant3.PostAsJsonAsync($"/api/applications/{zhao}/dossier/submit", new { })).StatusCode.Should().Be(HttpStatusCode.OK, $"submit {i}");
            }
        }

        var work = Task.WhenAll(Task.Run(UploadsAsync), Task.Run(SubmissionsAsync));
        await Task.WhenAny(firstUpload.Task, work);
        var backupFolder = NewFolder();
        var backup = await Task.Run(() => BackupAsync(backupFolder));
        await work;

        var restored = NewFolder();
        var restore = await new SystemRestore(new StoragePaths(restored, WorkflowsFolder()), new ConfigurationBuilder().Build()).RestoreAsync(backupFolder);
        restore.DataFolder.Should().Be(Path.GetFullPath(restored));

        var snapshot = Path.Combine(backupFolder, BackupLocations.DatabaseEntry);
        var snapshotCounts = RowCounts(snapshot);
        snapshotCounts.Should().ContainKey("DossierAttachments").And.ContainKey("AspNetUsers");
        using var second = new TitleReviewFactory(dataFolder: restored);
        _ = second.Services;

        // Every table of the snapshot holds as many rows in the restored system, once it has started.
        RowCounts(Path.Combine(restored, BackupLocations.DatabaseEntry)).Should().Equal(snapshotCounts);

        // Every file is byte-identical: against the manifest, and against the rows that refer to it.
        foreach (var file in backup.Manifest.Files.Where(f => f.Path != BackupLocations.DatabaseEntry))
        {
            Sha256Of(Path.Combine(restored, file.Path)).Should().Be(file.Sha256, file.Path);
        }

        var references = ReferencesIn(Path.Combine(restored, BackupLocations.DatabaseEntry));
        references.Should().NotBeEmpty("the demo dossiers have scans");
        foreach (var reference in references)
        {
            Sha256Of(Path.Combine(restored, reference.StorageKey)).Should().Be(reference.Sha256, reference.Source);
        }

        // The scans uploaded before the snapshot are served by the restored system, byte for byte.
        using (var scope = second.Services.CreateScope())
        {
            var kept = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierAttachments
                .Select(a => a.Id).ToListAsync();
            var keptUploads = uploaded.Where(u => kept.Contains(u.Key)).ToList();
            keptUploads.Should().NotBeEmpty("the backup started after the first upload had been stored");
            await TestContext.Out.WriteLineAsync($"uploads during the backup: {uploaded.Count}, in the snapshot: {keptUploads.Count}");
            var reader = await SignedInClientAsync(second, "office");
            foreach (var (id, bytes) in keptUploads)
            {
                (await reader.GetByteArrayAsync($"/files/{id}")).Should().Equal(bytes, $"scan {id}");
            }
        }

        // Accounts and keys came back: a password sign-in works, and a cookie issued before the backup is accepted.
        (await PostLoginAsync(second.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }), "applicant1", DemoAccounts.Password))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookieClient = second.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Office");
        request.Headers.Add("Cookie", officeCookie);
        (await cookieClient.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Backup_WritesAManifestOfEveryFile_WithLengthsAndSha256_Last()
    {
        var manifest = BackupManifest.Read(Path.Combine(_quietBackup, BackupManifest.FileName));

        manifest.FormatVersion.Should().Be(1);
        manifest.Provider.Should().Be("Sqlite");
        manifest.LastMigration.Should().NotBeNullOrEmpty();
        manifest.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
        var onDisk = Directory.GetFiles(_quietBackup, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_quietBackup, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != BackupManifest.FileName);
        manifest.Files.Select(f => f.Path).Should().BeEquivalentTo(onDisk);
        manifest.Files.Should().Contain(f => f.Path == BackupLocations.DatabaseEntry).And.Contain(f => f.Path.StartsWith("uploads/", StringComparison.Ordinal));
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(_quietBackup, file.Path);
            new FileInfo(path).Length.Should().Be(file.Length, file.Path);
            Sha256Of(path).Should().Be(file.Sha256, file.Path);
        }

        File.Exists(Path.Combine(_quietBackup, "titlereview.db-wal")).Should().BeFalse("the snapshot is one self-contained file");
    }

    [Test]
    public void StoredFileColumns_AreFoundInTheModel_IncludingTheIntegrityScansInsideTheirJsonColumn()
    {
        using var scope = _system.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IDesignTimeModel>().Model;

        var columns = StoredFileReferences.ColumnsOf(model);

        columns.Select(c => c.Source).Should().BeEquivalentTo(
            "DossierAttachments.StorageKey", "SupplementFiles.StorageKey", "PaymentTransfers.VoucherStorageKey", "IntegrityCases.Evidence[].StorageKey");
        columns.Should().OnlyContain(c => c.HashColumn != null, "each key has its SHA-256 beside it");
    }

    [Test]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused_AndTheFolderIsLeftAsItWas()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "旧备份.txt"), "x");

        var act = () => BackupAsync(folder);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain("不是空的");
        Directory.GetFileSystemEntries(folder).Should().ContainSingle();
    }

    [Test]
    public async Task Backup_WhenAReferencedScanIsMissing_FailsNamingIt_AndWritesNoManifest()
    {
        // A copy of the system's data, restored from the quiet backup, with one scan removed.
        var data = NewFolder();
        await RestoreAsync(_quietBackup, data);
        var reference = ReferencesIn(Path.Combine(data, BackupLocations.DatabaseEntry)).First();
        File.Delete(Path.Combine(data, reference.StorageKey));
        var target = NewFolder();
        using var scope = _system.Services.CreateScope();
        var backup = new SystemBackup(new StoragePaths(data, WorkflowsFolder()), new ConfigurationBuilder().Build(), scope.ServiceProvider, TimeProvider.System);

        var act = () => backup.BackupAsync(target);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain(reference.StorageKey).And.Contain("manifest.json");
        File.Exists(Path.Combine(target, BackupManifest.FileName)).Should().BeFalse("a folder without a manifest is visibly incomplete");
    }

    [Test]
    public async Task Restore_IntoADataFolderWithADatabase_IsRefused_AndChangesNothing()
    {
        var data = NewFolder();
        Directory.CreateDirectory(data);
        var database = Path.Combine(data, BackupLocations.DatabaseEntry);
        await File.WriteAllTextAsync(database, "existing");

        var act = () => RestoreAsync(_quietBackup, data);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain("不是空的").And.Contain("titlereview.db").And.Contain("未做任何改动");
        (await File.ReadAllTextAsync(database)).Should().Be("existing");
        Directory.GetFileSystemEntries(data).Should().ContainSingle();
        StagingFoldersBeside(data).Should().BeEmpty();
    }

    [Test]
    public async Task Restore_IntoADataFolderWithUploads_IsRefused_AndChangesNothing()
    {
        var data = NewFolder();
        var upload = Path.Combine(data, "uploads", "ab", "ab00.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        await File.WriteAllTextAsync(upload, "scan");

        var act = () => RestoreAsync(_quietBackup, data);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain("uploads/ 中已有文件");
        File.Exists(Path.Combine(data, BackupLocations.DatabaseEntry)).Should().BeFalse();
        Directory.GetFiles(data, "*", SearchOption.AllDirectories).Should().Equal(upload);
    }

    [TestCase("flip", "SHA-256", TestName = "Restore_OfAScanWithAByteChanged_RestoresNothing")]
    [TestCase("truncate", "长度", TestName = "Restore_OfAScanCutShort_RestoresNothing")]
    [TestCase("delete", "不存在", TestName = "Restore_OfABackupMissingAScan_RestoresNothing")]
    [TestCase("database", "SHA-256", TestName = "Restore_OfADatabaseWithAByteChanged_RestoresNothing")]
    public async Task Restore_OfATamperedFile_RestoresNothing(string tampering, string expected)
    {
        var copy = CopyOfQuietBackup();
        var manifest = BackupManifest.Read(Path.Combine(copy, BackupManifest.FileName));
        var victim = Path.Combine(copy, tampering == "database" ? BackupLocations.DatabaseEntry : manifest.Files.Last(f => f.Path.StartsWith("uploads/", StringComparison.Ordinal)).Path);
        switch (tampering)
        {
            case "truncate":
                await using (var stream = new FileStream(victim, FileMode.Open))
                {
                    stream.SetLength(stream.Length - 1);
                }

                break;
            case "delete":
                File.Delete(victim);
                break;
            default:
                var bytes = await File.ReadAllBytesAsync(victim);
                bytes[bytes.Length / 2] ^= 0x01;
                await File.WriteAllBytesAsync(victim, bytes);
                break;
        }

        var data = NewFolder();
        var act = () => RestoreAsync(copy, data);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain(expected).And.Contain("未做任何恢复");
        AssertNothingRestored(data);
    }

    [TestCase("sha", "SHA-256", TestName = "Restore_WithAManifestWhoseHashWasEdited_RestoresNothing")]
    [TestCase("climb", "不合法", TestName = "Restore_WithAManifestPathClimbingOutOfTheFolder_RestoresNothing")]
    [TestCase("missing", "没有 manifest.json", TestName = "Restore_WithoutAManifest_RestoresNothing")]
    [TestCase("version", "不受支持", TestName = "Restore_OfAnUnknownFormatVersion_RestoresNothing")]
    public async Task Restore_WithATamperedManifest_RestoresNothing(string tampering, string expected)
    {
        var copy = CopyOfQuietBackup();
        var path = Path.Combine(copy, BackupManifest.FileName);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var files = json["files"]!.AsArray();
        switch (tampering)
        {
            case "sha":
                files[^1]!["sha256"] = new string('0', 64);
                break;
            case "climb":
                files[^1]!["path"] = "uploads/../../outside.bin";
                break;
            case "version":
                json["formatVersion"] = 99;
                break;
        }

        if (tampering == "missing")
        {
            File.Delete(path);
        }
        else
        {
            await File.WriteAllTextAsync(path, json.ToJsonString());
        }

        var data = NewFolder();
        var act = () => RestoreAsync(copy, data);

        (await act.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain(expected).And.Contain("未做任何恢复");
        AssertNothingRestored(data);
    }

    [Test]
    public async Task BackupAndRestore_WithSqlServer_Refuse_AndPointToNativeBackupsAndTheBucketsVersioning()
    {
        var data = NewFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:TitleReview"] = "Server=db;Database=TitleReview;User Id=sa;Password=x",
            ["Storage:Provider"] = "S3",
        }).Build();
        var paths = new StoragePaths(data, WorkflowsFolder());

        await using var noServices = new ServiceCollection().BuildServiceProvider();
        var backup = () => new SystemBackup(paths, configuration, noServices, TimeProvider.System).BackupAsync(NewFolder());
        var restore = () => new SystemRestore(paths, configuration).RestoreAsync(_quietBackup);

        (await backup.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should()
            .Contain("SQL Server").And.Contain("原生备份").And.Contain("对象存储桶").And.Contain("版本控制").And.Contain("deploy/README.md");
        (await restore.Should().ThrowAsync<BackupRefusedException>()).Which.Message.Should().Contain("SQL Server").And.Contain("恢复");
        Directory.Exists(data).Should().BeFalse();
    }

    [Test]
    public async Task CommandLine_BacksUpTheRunningSystem_AndRestoresIntoAnEmptyDataFolder_WithExitCodesAndChineseOutput()
    {
        var folder = NewFolder();
        var (backedUp, backupOutput) = await RunCommandLineAsync(_system.DataFolder, "backup", folder);
        backedUp.Should().Be(BackupCommandLine.Done);
        backupOutput.Should().StartWith($"备份完成：{folder}").And.Contain("已写入 manifest.json");
        File.Exists(Path.Combine(folder, BackupManifest.FileName)).Should().BeTrue();

        var again = await RunCommandLineAsync(_system.DataFolder, "backup", folder);
        again.Code.Should().Be(BackupCommandLine.Refused);
        again.Output.Should().Contain("不是空的");

        var data = NewFolder();
        var (restored, restoreOutput) = await RunCommandLineAsync(data, "restore", folder);
        restored.Should().Be(BackupCommandLine.Done);
        restoreOutput.Should().StartWith("恢复完成").And.Contain(data).And.Contain("SHA-256");
        File.Exists(Path.Combine(data, BackupLocations.DatabaseEntry)).Should().BeTrue();

        var twice = await RunCommandLineAsync(data, "restore", folder);
        twice.Code.Should().Be(BackupCommandLine.Refused);
        twice.Output.Should().Contain("不是空的").And.Contain("未做任何改动");
    }

    [TestCase(new[] { "backup" }, BackupCommandLine.WrongUsage, "用法", TestName = "CommandLine_BackupWithoutAFolder_Is2WithTheUsage")]
    [TestCase(new[] { "restore", "--DataFolder" }, BackupCommandLine.WrongUsage, "用法", TestName = "CommandLine_RestoreWithAnOptionForAFolder_Is2WithTheUsage")]
    [TestCase(new[] { "restore", "/backups/x", "--DataFolder=/tmp/y" }, BackupCommandLine.WrongUsage, "须放在命令行最后", TestName = "CommandLine_AnAbsoluteFolderBeforeASetting_Is2")]
    [TestCase(new[] { "restore", "no-such-backup-folder" }, BackupCommandLine.Refused, "不存在", TestName = "CommandLine_RestoreOfAFolderThatDoesNotExist_Is1")]
    public async Task CommandLine_Refusals(string[] args, int code, string message)
    {
        var result = await RunCommandLineAsync(NewFolder(), args);

        result.Code.Should().Be(code);
        result.Output.Should().Contain(message);
    }

    [Test]
    public async Task CommandLine_WithSqlServer_Is1_AndNamesTheNativeBackups()
    {
        var result = await RunCommandLineAsync(NewFolder(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:TitleReview"] = "Server=db;Database=TitleReview;User Id=sa;Password=x",
        }, "backup", NewFolder());

        result.Code.Should().Be(BackupCommandLine.Refused);
        result.Output.Should().Contain("SQL Server 的原生备份").And.Contain("uploads/");
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "titlereview-backuptest-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }

    private string WorkflowsFolder() => _system.Services.GetRequiredService<StoragePaths>().WorkflowsFolder;

    private async Task<BackupResult> BackupAsync(string folder)
    {
        await using var scope = _system.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SystemBackup>().BackupAsync(folder);
    }

    private Task<RestoreResult> RestoreAsync(string backup, string data) =>
        new SystemRestore(new StoragePaths(data, WorkflowsFolder()), new ConfigurationBuilder().Build()).RestoreAsync(backup);

    private string CopyOfQuietBackup()
    {
        var copy = NewFolder();
        foreach (var file in Directory.GetFiles(_quietBackup, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(_quietBackup, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return copy;
    }

    private static void AssertNothingRestored(string data)
    {
        File.Exists(Path.Combine(data, BackupLocations.DatabaseEntry)).Should().BeFalse();
        (Directory.Exists(data) ? Directory.GetFiles(data, "*", SearchOption.AllDirectories) : []).Should().BeEmpty();
        StagingFoldersBeside(data).Should().BeEmpty("the staging copy is removed");
    }

    private static string[] StagingFoldersBeside(string data) =>
        Directory.GetDirectories(Path.GetDirectoryName(data)!, $".{Path.GetFileName(data)}.restore-*");

    private IReadOnlyList<StoredFileReference> ReferencesIn(string database)
    {
        using var scope = _system.Services.CreateScope();
        var columns = StoredFileReferences.ColumnsOf(scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IDesignTimeModel>().Model);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return StoredFileReferences.Read(connection, columns);
    }

    private static Dictionary<string, long> RowCounts(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
#pragma warning disable CA2100 // Table names read from the database's own catalogue.
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
#pragma warning restore CA2100
            counts[table] = (long)count.ExecuteScalar()!;
        }

        return counts;
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static byte[] Pdf(int seed, int length)
    {
        var head = Encoding.UTF8.GetBytes($"%PDF-1.4\n% 备份测试 {seed}\n");
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)('a' + ((i + seed) % 26));
        }

        return bytes;
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

    private static async Task<string> SignInCookieAsync(TitleReviewFactory factory, string userName)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await PostLoginAsync(client, userName, DemoAccounts.Password);
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TitleReview.Auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<Guid> ApplicationIdAsync(string applicantName)
    {
        using var scope = _system.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = Domain.Time.BeijingTime.Today(TimeProvider.System).Year;
        return await (from a in db.TitleApplications
                      join c in db.Campaigns on a.CampaignId equals c.Id
                      where c.Year == year && a.ApplicantName == applicantName
                      select a.Id).SingleAsync();
    }

    /// <summary>The command line as <c>dotnet run -- …</c> runs it: the application's services on its configuration, not serving.</summary>
    private static Task<(int Code, string Output)> RunCommandLineAsync(string dataFolder, params string[] args) =>
        RunCommandLineAsync(dataFolder, new Dictionary<string, string?>(), args);

    private static async Task<(int Code, string Output)> RunCommandLineAsync(string dataFolder, Dictionary<string, string?> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { [StoragePaths.DataFolderKey] = dataFolder });
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration);
        await using var app = builder.Build();
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        var code = await BackupCommandLine.RunAsync(app.Services, args, output);
        return (code, output.ToString());
    }
}
