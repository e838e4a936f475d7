using Microsoft.Extensions.Diagnostics.HealthChecks;
using TitleReview.Infrastructure.Files;

namespace TitleReview.Application.Tests.Files;

/// <summary>
/// The storage contract against the embedded default, <c>{DataFolder}/uploads/</c> on a
/// temporary data folder, plus what only a folder on disk can show.
/// </summary>
public class LocalFileStoreTests : FileStoreContract
{
    [Test]
    public void Store_IsTheLocalFileStore_AndOneForTheApplication()
    {
        Store.Should().BeOfType<LocalFileStore>();
        Store.Should().BeSameAs(Store);
    }

    [Test]
    public async Task SaveAsync_StoresInsideTheUploadsFolder()
    {
        var stored = await Store.SaveAsync(new MemoryStream(TestContent.MinimalPdf()), "任职资格评审表.pdf", DefaultLimit);

        var file = Path.GetFullPath(Path.Combine(Paths.DataFolder, stored.StorageKey));
        file.Should().StartWith(Paths.UploadsFolder + Path.DirectorySeparatorChar);
        FilesIn(Paths.UploadsFolder).Should().Equal(file);
    }

    [Test]
    public async Task HealthCheck_UploadsFolderCannotBeCreated_IsUnhealthy()
    {
        // A file where the folder should be: neither created nor written, even by root.
        await File.WriteAllTextAsync(Paths.UploadsFolder, "not a folder");

        var report = await FileStoreHealthAsync();

        report.Status.Should().Be(HealthStatus.Unhealthy);
        report.Description.Should().Be($"本地上传文件目录不可写：{Paths.UploadsFolder}");
    }

    [Test]
    public async Task HealthCheck_UploadsFolderMissing_CreatesIt_AndLeavesNoProbeBehind()
    {
        Directory.Exists(Paths.UploadsFolder).Should().BeFalse();

        var report = await FileStoreHealthAsync();

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Description.Should().Be($"本地上传文件目录可写：{Paths.UploadsFolder}");
        FilesIn(Paths.UploadsFolder).Should().BeEmpty();
    }

    protected override Task<IReadOnlyList<string>> StoredKeysAsync() =>
        Task.FromResult<IReadOnlyList<string>>(FilesIn(Paths.UploadsFolder)
            .Where(file => !file.StartsWith(StagingFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Paths.DataFolder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList());

    protected override Task<byte[]> ReadStoredAsync(string storageKey) =>
        File.ReadAllBytesAsync(Path.Combine(Paths.DataFolder, storageKey));

    protected override Task OverwriteStoredAsync(string storageKey, byte[] content) =>
        File.WriteAllBytesAsync(Path.Combine(Paths.DataFolder, storageKey), content);

    protected override Task RemoveStoredAsync(string storageKey)
    {
        File.Delete(Path.Combine(Paths.DataFolder, storageKey));
        return Task.CompletedTask;
    }
}
