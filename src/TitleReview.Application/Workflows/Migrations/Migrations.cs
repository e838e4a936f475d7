using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Migrations;

/// <summary>One line of a migration's preview: how many running cases go from a version's state to a new state.</summary>
public sealed record MigrationLine(int FromVersion, string FromState, string FromStateName, string ToState, string ToStateName, int Count);

/// <summary>What a migration would do now: the lines, and running cases on versions the target cannot take.</summary>
public sealed record MigrationPreview(
    string DefinitionId,
    string Title,
    int ToVersion,
    IReadOnlyList<MigrationLine> Lines,
    IReadOnlyDictionary<int, int> NotMigratable)
{
    public int Total => Lines.Sum(l => l.Count);
}

/// <summary>A definition version that declares migrations from older ones, for the office's chooser.</summary>
public sealed record MigrationTarget(string DefinitionId, string Title, int Version, IReadOnlyList<int> FromVersions);

public sealed record MigrationResult(int Migrated, int Conflicts);

/// <summary>Moves running instances onto a newer definition version as its <c>migrateFrom</c> declares.</summary>
public interface IWorkflowMigrations
{
    Task<MigrationPreview> PreviewAsync(string definitionId, int toVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Migrates every running instance the preview counts, in batches (one transaction each):
    /// version and state, a journal row per instance, pending timers cancelled and the new
    /// state's timers planned. An instance changed meanwhile is left for the next run.
    /// </summary>
    Task<MigrationResult> RunAsync(string definitionId, int toVersion, WorkflowActor actor, CancellationToken cancellationToken = default);
}

/// <summary>The definition versions the office can migrate to.</summary>
public sealed record ListMigrationTargets;

public sealed record PreviewMigration(string? DefinitionId, int? ToVersion, WorkflowActor Actor);

/// <param name="ExpectedTotal">The total the office saw in the preview: a different total now refuses the run.</param>
public sealed record RunMigration(string? DefinitionId, int? ToVersion, int? ExpectedTotal, WorkflowActor Actor);

internal sealed class ListMigrationTargetsHandler(IWorkflowDefinitions definitions) : IHandler<ListMigrationTargets, IReadOnlyList<MigrationTarget>>
{
    public Task<IReadOnlyList<MigrationTarget>> HandleAsync(ListMigrationTargets request, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MigrationTarget>>(definitions.All
            .Where(d => d.MigrateFrom.Count > 0)
            .OrderBy(d => d.DefinitionId, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version)
            .Select(d => new MigrationTarget(d.DefinitionId, d.Title, d.Version, d.MigrateFrom.Select(m => m.FromVersion).Order().ToList()))
            .ToList());
}

internal sealed class PreviewMigrationHandler(IWorkflowDefinitions definitions, IWorkflowMigrations migrations) : IHandler<PreviewMigration, MigrationPreview>
{
    public Task<MigrationPreview> HandleAsync(PreviewMigration request, CancellationToken cancellationToken = default)
    {
        MigrationChecks.EnsureOffice(request.Actor);
        var (id, version) = MigrationChecks.Target(definitions, request.DefinitionId, request.ToVersion);
        return migrations.PreviewAsync(id, version, cancellationToken);
    }
}

internal sealed class RunMigrationHandler(IWorkflowDefinitions definitions, IWorkflowMigrations migrations) : IHandler<RunMigration, MigrationResult>
{
    public async Task<MigrationResult> HandleAsync(RunMigration request, CancellationToken cancellationToken = default)
    {
        MigrationChecks.EnsureOffice(request.Actor);
        var (id, version) = MigrationChecks.Target(definitions, request.DefinitionId, request.ToVersion);
        var preview = await migrations.PreviewAsync(id, version, cancellationToken);
        if (preview.Total == 0)
        {
            throw new Domain.Common.DomainException("没有需要迁移的运行中实例。");
        }

        if (request.ExpectedTotal is { } expected && expected != preview.Total)
        {
            throw new ConcurrencyConflictException($"预览后实例情况已有变化（预览时 {expected} 个，现在 {preview.Total} 个），请重新预览后再执行。");
        }

        return await migrations.RunAsync(id, version, request.Actor, cancellationToken);
    }
}

internal static class MigrationChecks
{
    public static void EnsureOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办可以迁移流程实例。");
        }
    }

    public static (string DefinitionId, int Version) Target(IWorkflowDefinitions definitions, string? definitionId, int? version)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(definitionId), "definitionId", "请选择流程。");
        v.Require(version is not null, "toVersion", "请选择目标版本。");
        v.ThrowIfInvalid();

        var target = definitions.All.FirstOrDefault(d => d.DefinitionId == definitionId && d.Version == version);
        if (target is null)
        {
            throw new ValidationException("toVersion", $"没有流程“{definitionId}”的第 {version} 版。");
        }

        if (target.MigrateFrom.Count == 0)
        {
            throw new ValidationException("toVersion", $"“{target.Title}”第 {version} 版没有声明可从哪些旧版本迁移。");
        }

        return (target.DefinitionId, target.Version);
    }
}
