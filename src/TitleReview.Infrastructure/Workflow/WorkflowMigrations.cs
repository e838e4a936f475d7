using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Migrations;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Workflow;

/// <summary>
/// Moves running instances onto a newer definition version, as that version's <c>migrateFrom</c>
/// maps their states (ADR 15). Each batch is one transaction; an instance that a person changed
/// meanwhile is retried alone and, if it still conflicts, left for the next run.
/// </summary>
internal sealed class WorkflowMigrations(
    AppDbContext db,
    IServiceScopeFactory scopes,
    IWorkflowDefinitions definitions,
    ILogger<WorkflowMigrations> logger) : IWorkflowMigrations
{
    private const int BatchSize = 200;

    public async Task<MigrationPreview> PreviewAsync(string definitionId, int toVersion, CancellationToken cancellationToken = default)
    {
        var target = definitions.Get(definitionId, toVersion);
        var groups = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.DefinitionVersion < toVersion && i.Status != WorkflowStatus.Finished)
            .GroupBy(i => new { i.DefinitionVersion, i.State })
            .Select(g => new { g.Key.DefinitionVersion, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var lines = new List<MigrationLine>();
        var notMigratable = new Dictionary<int, int>();
        foreach (var group in groups.OrderBy(g => g.DefinitionVersion).ThenBy(g => g.State, StringComparer.Ordinal))
        {
            if (target.MigrationFrom(group.DefinitionVersion) is not { } migration)
            {
                notMigratable[group.DefinitionVersion] = notMigratable.GetValueOrDefault(group.DefinitionVersion) + group.Count;
                continue;
            }

            var from = definitions.Get(definitionId, group.DefinitionVersion);
            var toState = migration.Target(group.State);
            lines.Add(new MigrationLine(group.DefinitionVersion, group.State, from.StateDisplayName(group.State), toState, target.StateDisplayName(toState), group.Count));
        }

        return new MigrationPreview(definitionId, target.Title, toVersion, lines, notMigratable);
    }

    public async Task<MigrationResult> RunAsync(string definitionId, int toVersion, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var target = definitions.Get(definitionId, toVersion);
        var versions = target.MigrateFrom.Select(m => m.FromVersion).ToList();
        var candidates = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && versions.Contains(i.DefinitionVersion) && i.Status != WorkflowStatus.Finished)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);

        var (migrated, conflicts) = (0, 0);
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            if (await TryMigrateAsync(batch, target, actor, cancellationToken))
            {
                migrated += batch.Length;
                continue;
            }

            foreach (var id in batch)
            {
                if (await TryMigrateAsync([id], target, actor, cancellationToken))
                {
                    migrated++;
                }
                else
                {
                    conflicts++;
                }
            }
        }

        logger.LogInformation("Migrated {Count} instances of {Definition} to version {Version} ({Conflicts} left for the next run)", migrated, definitionId, toVersion, conflicts);
        return new MigrationResult(migrated, conflicts);
    }

    private async Task<bool> TryMigrateAsync(IReadOnlyCollection<Guid> ids, Domain.Workflows.Definitions.WorkflowDefinition target, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopedDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = (WorkflowEngine)scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instances = await scopedDb.WorkflowInstances.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        foreach (var instance in instances.Where(i => i.DefinitionVersion < target.Version && !i.IsFinished))
        {
            await engine.MigrateAsync(instance, target, actor, cancellationToken);
        }

        try
        {
            await scopedDb.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
