using Microsoft.Extensions.Configuration;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Hosting;

/// <summary>
/// SQLite serves one application instance (ADR 0058): its Hangfire storage is in memory, so a
/// second instance would run the clock again, and its writers would wait on one file's lock.
/// Start-up refuses a configuration that asks for more (<c>Deployment:Instances</c> above 1),
/// and while serving, an instance holds <c>instance.lock</c> in the data folder exclusively, so a
/// second one started on the same folder stops with a message instead of sharing it. The lock
/// goes with the process (the operating system releases it even after a crash). The command
/// lines (backup, audit) do not take it: they run beside the serving instance.
/// </summary>
public sealed class SingleInstanceLock(IConfiguration configuration, StoragePaths paths) : IDisposable
{
    public const string InstancesKey = "Deployment:Instances";
    public const string LockFileName = "instance.lock";

    private FileStream? _lock;

    public string LockFile => Path.Combine(paths.DataFolder, LockFileName);

    /// <summary>Throws <see cref="InvalidOperationException"/> when this topology is not supported.</summary>
    public void Acquire()
    {
        if (DependencyInjection.ReadProvider(configuration) != DatabaseProvider.Sqlite || _lock is not null)
        {
            return;
        }

        var instances = configuration.GetValue(InstancesKey, defaultValue: 1);
        if (instances > 1)
        {
            throw new InvalidOperationException(
                $"部署配置不受支持：{InstancesKey} 为 {instances}，而嵌入式 SQLite 数据库只支持一个应用实例。多实例部署请使用 SQL Server（Database:Provider=SqlServer），见 deploy/README.md。");
        }

        try
        {
            _lock = new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"另一个 TitleReview 实例正在使用数据文件夹 {paths.DataFolder}（{LockFileName} 已被占用）。嵌入式 SQLite 数据库只支持一个应用实例；多实例部署请使用 SQL Server，见 deploy/README.md。",
                e);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
