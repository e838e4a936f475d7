using System.Globalization;
using TitleReview.Domain.Time;
using TitleReview.Infrastructure.Backup;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Backup and restore of the embedded default (ADR 0060), run instead of the web host when the
/// first argument is <c>backup</c> or <c>restore</c>: <c>backup &lt;folder&gt;</c> writes a backup
/// into an empty or new folder while the system may be running; <c>restore &lt;folder&gt;</c>
/// restores one into the configured, empty data folder. Exit code 0 when done, 1 when refused or
/// failed (a refused restore changes nothing), 2 for a wrong command line.
/// </summary>
internal static class BackupCommandLine
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int WrongUsage = 2;

    private const string Backup = "backup";
    private const string Restore = "restore";

    public static bool Handles(string[] args) =>
        args.Length > 0 && (string.Equals(args[0], Backup, StringComparison.OrdinalIgnoreCase) || string.Equals(args[0], Restore, StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var backup = string.Equals(args[0], Backup, StringComparison.OrdinalIgnoreCase);
        var (folder, problem) = FolderOf(args);
        if (folder is null)
        {
            await output.WriteLineAsync(problem);
            return WrongUsage;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            if (backup)
            {
                var result = await scope.ServiceProvider.GetRequiredService<SystemBackup>().BackupAsync(folder);
                foreach (var warning in result.Warnings)
                {
                    await output.WriteLineAsync(warning);
                }

                var uploads = result.Manifest.Files.Count(f => f.Path.StartsWith(BackupLocations.UploadsEntry + "/", StringComparison.Ordinal));
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"备份完成：{result.Folder}，共 {result.Manifest.Files.Count} 个文件 {result.Manifest.Files.Sum(f => f.Length)} 字节（数据库 1 个，上传文件 {uploads} 个），已写入 manifest.json。"));
            }
            else
            {
                var result = await scope.ServiceProvider.GetRequiredService<SystemRestore>().RestoreAsync(folder);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"恢复完成：已将 {BeijingTime.Format(result.Manifest.CreatedAt)} 的备份（{result.Manifest.Files.Count} 个文件，{result.Bytes} 字节，均已通过 SHA-256 校验）恢复到数据目录 {result.DataFolder}。现在可以启动系统。"));
            }

            return Done;
        }
        catch (BackupRefusedException refused)
        {
            await output.WriteLineAsync(refused.Message);
            return Refused;
        }
    }

    /// <summary>
    /// The one folder after the command; settings (<c>--Key=value</c> or <c>--Key value</c>) may
    /// stand before it. .NET's command-line configuration reads <c>/path</c> as a switch that takes
    /// the next argument as its value, so a setting after an absolute folder would silently not
    /// apply: such a folder must come last.
    /// </summary>
    private static (string? Folder, string Problem) FolderOf(string[] args)
    {
        const string usage = "用法：backup <备份目录>（目录须为空或不存在） | restore <备份目录>（恢复到配置的数据目录，该目录须为空）";
        string? folder = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                i += arg.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            if (folder is not null || string.IsNullOrWhiteSpace(arg))
            {
                return (null, usage);
            }

            if (arg.StartsWith('/') && i < args.Length - 1)
            {
                return (null, "以 / 开头的备份目录须放在命令行最后：其他设置请写在它前面（如 restore --DataFolder=/srv/titlereview /备份目录），或用环境变量（如 DataFolder=/srv/titlereview）。未做任何改动。");
            }

            folder = arg;
        }

        return (folder, usage);
    }
}
