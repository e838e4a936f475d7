using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Originals;

/// <summary>One item as the office ticked it: matches, or not with the finding; an item left blank is not recorded.</summary>
public sealed record OriginalItemInput(string? Key, bool? Matches, string? Finding);

/// <summary>The office records (or corrects) items of a chosen person's originals check; the others keep what they had.</summary>
/// <param name="CheckToken">The check's token as the page read it (<see cref="Guid.Empty"/> before anything was recorded); null skips the check.</param>
public sealed record RecordOriginals(Guid ApplicationId, IReadOnlyList<OriginalItemInput> Items, Guid? CheckToken, WorkflowActor Actor);

/// <summary>The office concludes the check (完成复核): every item recorded; after the close with a reason.</summary>
public sealed record ConcludeOriginalsCheck(Guid ApplicationId, string? Reason, Guid? CheckToken, WorkflowActor Actor);

public sealed record OriginalsConcluded(string ApplicantName, bool Matched, Guid? IntegrityCaseId);

/// <summary>What recording and concluding load alike: the dossier's items, the case, the check.</summary>
internal static class OriginalsCommandData
{
    public const string StaleMessage = "该申报人的原件核对记录刚刚已有变动，您这次的操作未保存；请刷新页面核对后再保存。";

    public static async Task<(DossierView Dossier, WorkflowInstance Instance, Guid CampaignId, Guid UnitId, OriginalsCheck? Check)> LoadAsync(
        IApplicationDbContext db, IHandler<GetDossier, DossierView> dossiers, Guid applicationId, Guid? token, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var dossier = await dossiers.HandleAsync(new GetDossier(applicationId, actor), cancellationToken);
        var found = await (
                from instance in db.WorkflowInstances.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on instance.SubjectId equals application.Id
                where instance.Id == dossier.InstanceId
                select new { Instance = instance, application.CampaignId, application.UnitId })
            .FirstAsync(cancellationToken);
        var check = await db.OriginalsChecks.FirstOrDefaultAsync(c => c.ApplicationId == applicationId, cancellationToken);
        if (token is { } expected && expected != (check?.ConcurrencyToken ?? Guid.Empty))
        {
            throw new ConcurrencyConflictException(StaleMessage);
        }

        return (dossier, found.Instance, found.CampaignId, found.UnitId, check);
    }

    public static async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(StaleMessage, ex);
        }
    }
}

internal sealed class RecordOriginalsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IHandler<GetDossier, DossierView> dossiers, TimeProvider clock)
    : IHandler<RecordOriginals, int>
{
    public async Task<int> HandleAsync(RecordOriginals request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var validation = new Validation();
        var given = request.Items.Where(i => i.Matches is not null && !string.IsNullOrWhiteSpace(i.Key)).ToList();
        validation.Require(given.Count > 0, "Items", "请至少对一项选择“原件一致”或“不一致”。");
        for (var index = 0; index < request.Items.Count; index++)
        {
            var item = request.Items[index];
            var finding = item.Finding?.Trim() ?? string.Empty;
            validation
                .Require(item.Matches is not false || finding.Length > 0, $"Items[{index}].Finding", "原件与扫描件不一致时，请填写不一致的情况。")
                .Require(finding.Length <= OriginalsCheck.MaxFindingLength, $"Items[{index}].Finding", $"不一致的情况不能超过 {OriginalsCheck.MaxFindingLength} 个字。");
        }

        validation.ThrowIfInvalid();

        var (dossier, instance, campaignId, unitId, check) = await OriginalsCommandData.LoadAsync(db, dossiers, request.ApplicationId, request.CheckToken, request.Actor, cancellationToken);
        var items = OriginalsData.ItemsOf(dossier);
        var keys = items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var names = items.ToDictionary(i => i.Key, i => i.Name, StringComparer.Ordinal);
        var awaiting = OriginalsData.AwaitsCheck(definitions, instance);
        var now = clock.GetUtcNow();
        if (check is null)
        {
            check = OriginalsCheck.Start(request.ApplicationId, campaignId, unitId, awaiting, now);
            db.OriginalsChecks.Add(check);
        }

        check.Record(
            [.. given.Select(i => new OriginalItemEntry(i.Key!, names.GetValueOrDefault(i.Key!) ?? i.Key!, i.Matches!.Value, i.Matches == false ? i.Finding : null))],
            keys,
            awaiting,
            now,
            request.Actor.Name);
        await OriginalsCommandData.SaveAsync(db, cancellationToken);
        return given.Count;
    }
}

internal sealed class ConcludeOriginalsCheckHandler(
    IApplicationDbContext db, IWorkflowDefinitions definitions, IWorkflowEngine engine, IHandler<GetDossier, DossierView> dossiers, TimeProvider clock)
    : IHandler<ConcludeOriginalsCheck, OriginalsConcluded>
{
    public async Task<OriginalsConcluded> HandleAsync(ConcludeOriginalsCheck request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var reason = request.Reason?.Trim() ?? string.Empty;
        new Validation()
            .Require(reason.Length <= OriginalsCheck.MaxReasonLength, "Reason", $"逾期完成复核的原因不能超过 {OriginalsCheck.MaxReasonLength} 个字。")
            .ThrowIfInvalid();

        var (dossier, instance, campaignId, unitId, check) = await OriginalsCommandData.LoadAsync(db, dossiers, request.ApplicationId, request.CheckToken, request.Actor, cancellationToken);
        var keys = OriginalsData.ItemsOf(dossier).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var awaiting = OriginalsData.AwaitsCheck(definitions, instance);
        var overdue = definitions.Has(instance, StateCapabilities.SpotCheckOverdue);
        var now = clock.GetUtcNow();

        // Without a check nothing was recorded: the rules say what is missing.
        check ??= OriginalsCheck.Start(request.ApplicationId, campaignId, unitId, awaiting, now);
        var matched = check.Conclude(keys, awaiting, overdue, reason.Length == 0 ? null : reason, now, request.Actor.Name);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        IntegrityCase? opened = null;
        if (!matched)
        {
            var alreadyOpen = await db.IntegrityCases.AnyAsync(c => c.ApplicationId == request.ApplicationId && c.Status == IntegrityCaseStatus.Open, cancellationToken);
            opened = IntegrityCase.OpenFromSpotCheck(
                request.ApplicationId,
                campaignId,
                unitId,
                [.. check.Mismatches.Select(m => new IntegrityFinding(m.Name, m.Finding!))],
                alreadyOpen,
                now,
                request.Actor.Id,
                request.Actor.Name);
            db.IntegrityCases.Add(opened);
        }

        await OriginalsCommandData.SaveAsync(db, cancellationToken);
        var said = matched
            ? $"原件与扫描件逐项核对一致（共 {check.Items.Count} 项）。"
            : $"原件与扫描件不一致：{check.FindingsText}。已移交诚信处理。";
        var operation = matched ? WorkflowOperations.PassSpotCheck : WorkflowOperations.RecordSpotCheckMismatch;
        await engine.PerformAsync(new PerformRequest(instance.Id, operation, request.Actor, overdue ? $"{said}逾期核对原因：{reason}" : said), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OriginalsConcluded(dossier.ApplicantName, matched, opened?.Id);
    }
}
