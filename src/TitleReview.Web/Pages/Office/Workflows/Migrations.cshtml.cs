using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows.Migrations;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Workflows;

/// <summary>The office previews and runs the migration of running instances onto a newer definition version.</summary>
public sealed class MigrationsModel(
    IHandler<ListMigrationTargets, IReadOnlyList<MigrationTarget>> targets,
    IHandler<PreviewMigration, MigrationPreview> preview,
    IHandler<RunMigration, MigrationResult> run) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public string? Definition { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public IReadOnlyList<MigrationTarget> Targets { get; private set; } = [];

    public MigrationPreview? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int? expectedTotal, CancellationToken cancellationToken)
    {
        var result = await run.HandleAsync(new RunMigration(Definition, Version, expectedTotal, User.ToWorkflowActor()), cancellationToken);
        Message = result.Conflicts == 0
            ? $"已迁移 {result.Migrated} 个流程实例至第 {Version} 版，每个实例均已记录流转日志并重新安排定时任务。"
            : $"已迁移 {result.Migrated} 个流程实例至第 {Version} 版；{result.Conflicts} 个实例在迁移时正被办理，未迁移，请稍后再次执行。";
        return RedirectToPage(new { definition = Definition, version = Version });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Targets = await targets.HandleAsync(new ListMigrationTargets(), cancellationToken);
        var chosen = Targets.FirstOrDefault(t => t.DefinitionId == Definition && t.Version == Version) ?? Targets.FirstOrDefault();
        if (chosen is null)
        {
            return;
        }

        (Definition, Version) = (chosen.DefinitionId, chosen.Version);
        Preview = await preview.HandleAsync(new PreviewMigration(Definition, Version, User.ToWorkflowActor()), cancellationToken);
    }
}
