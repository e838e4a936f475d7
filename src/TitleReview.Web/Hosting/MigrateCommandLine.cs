using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Web.Hosting;

/// <summary>
/// The <c>migrate</c> command line (ADR 0058): prepares the database once (migrations, workflow
/// definitions, roles, failure reasons, the first office account) and exits, for the one-shot
/// step that runs before several instances with <c>Database:MigrateAtStartup=false</c> start.
/// Exit code 0 when the database is ready, 1 when it could not be prepared.
/// </summary>
internal static class MigrateCommandLine
{
    public static bool Handles(string[] args) => args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync();
            await output.WriteLineAsync("数据库已准备就绪：迁移、工作流定义、角色均已是当前版本。");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException
            or Infrastructure.Workflow.WorkflowDefinitionException)
        {
            await output.WriteLineAsync($"数据库准备失败：{ex.Message}");
            return 1;
        }
    }
}
