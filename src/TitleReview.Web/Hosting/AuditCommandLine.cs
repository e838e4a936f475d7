using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.Audit;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The audit trail's command line (ADR 0053), run instead of the web host when the first argument is
/// <c>audit</c>: <c>audit verify</c> walks the chain in the database, <c>audit verify --file F</c>
/// an archive file, <c>audit archive --before yyyy-MM-dd [--to F]</c> archives older rows. Exit
/// code 0 when the chain verifies (or the archive was written), 1 otherwise.
/// </summary>
internal static class AuditCommandLine
{
    public static readonly WorkflowActor Actor = new("system:cli", "命令行", [WorkflowActor.SystemRole]);

    public static bool Handles(string[] args) => args.Length > 0 && string.Equals(args[0], "audit", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var command = args.Length > 1 ? args[1].ToLowerInvariant() : string.Empty;
        try
        {
            // The schema as the application would have it (no demo data is seeded here).
            await sp.GetRequiredService<Infrastructure.Persistence.AppDbContext>().Database.MigrateAsync();
            switch (command)
            {
                case "verify":
                {
                    var file = Option(args, "--file");
                    var result = file is null
                        ? await sp.GetRequiredService<IHandler<VerifyAuditTrail, AuditVerification>>().HandleAsync(new VerifyAuditTrail())
                        : await sp.GetRequiredService<IHandler<VerifyAuditArchive, AuditVerification>>().HandleAsync(new VerifyAuditArchive(file));
                    await output.WriteLineAsync(result.Message);
                    return result.Intact ? 0 : 1;
                }

                case "archive":
                {
                    var before = Option(args, "--before");
                    DateOnly? day = DateOnly.TryParseExact(before, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
                    var done = await sp.GetRequiredService<IHandler<ArchiveAuditTrail, AuditArchived>>()
                        .HandleAsync(new ArchiveAuditTrail(day, Actor, Option(args, "--to")));
                    await output.WriteLineAsync($"已将第 {done.FromSequence} 至 {done.ThroughSequence} 条（共 {done.Rows} 条）归档至 {done.Path}。");
                    return 0;
                }

                default:
                    await output.WriteLineAsync("用法：audit verify [--file 归档文件] | audit archive --before yyyy-MM-dd [--to 文件]");
                    return 1;
            }
        }
        catch (Exception ex) when (ex is DomainException or Application.Common.Exceptions.ValidationException or IOException or Application.Common.Exceptions.ForbiddenAccessException)
        {
            await output.WriteLineAsync(ex is Application.Common.Exceptions.ValidationException invalid
                ? string.Join("；", invalid.Errors.Values.SelectMany(m => m))
                : ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
