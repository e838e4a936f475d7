using Microsoft.Extensions.Configuration;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Backup;

/// <summary>
/// Backup and restore cover the embedded default only: SQLite and the local file store. With SQL
/// Server or an object store they refuse and say what to use instead (ADR 0060).
/// </summary>
public static class EmbeddedDefault
{
    public const string StorageProviderKey = "Storage:Provider";
    public const string ObjectStoreProvider = "S3";

    /// <summary>Throws <see cref="BackupRefusedException"/> unless the configuration is SQLite with the local store.</summary>
    /// <param name="action">备份 or 恢复, for the message.</param>
    public static void Ensure(IConfiguration configuration, string action)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var objectStore = string.Equals(configuration[StorageProviderKey], ObjectStoreProvider, StringComparison.OrdinalIgnoreCase);
        if (DependencyInjection.ReadProvider(configuration) == DatabaseProvider.SqlServer)
        {
            throw new BackupRefusedException(
                $"当前数据库为 SQL Server（Database:Provider = SqlServer），本命令只能{action}内置的 SQLite 数据库，未做任何改动。" +
                "请使用 SQL Server 的原生备份与恢复（完整备份加事务日志备份，BACKUP DATABASE / RESTORE DATABASE），数据保护密钥在数据库中随之备份；" +
                (objectStore
                    ? "上传文件保存在对象存储桶中（Storage:Provider = S3，桶为 Storage:S3:Bucket），请开启该桶的版本控制，按时间点恢复对象。"
                    : "上传文件在数据目录的 uploads/ 中，请与数据库备份同时按文件备份。") +
                "详见 deploy/README.md。");
        }

        if (objectStore)
        {
            throw new BackupRefusedException(
                $"上传文件保存在对象存储桶中（Storage:Provider = S3，桶为 Storage:S3:Bucket），本命令不能{action}其中的文件，未做任何改动。" +
                "请开启该桶的版本控制，并用数据库自身的备份方式备份数据库。详见 deploy/README.md。");
        }
    }
}
