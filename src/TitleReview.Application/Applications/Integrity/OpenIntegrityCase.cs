using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Integrity;

/// <summary>
/// The office opens a case by hand (立案) on an application: where it came from, the unit concerned
/// (the applicant's unless another is named) and the first note.
/// </summary>
public sealed record OpenIntegrityCase(Guid? ApplicationId, IntegrityCaseSource? Source, Guid? UnitId, string? FirstNote, WorkflowActor Actor);

/// <summary>A note added to an open case.</summary>
public sealed record AddIntegrityNote(Guid CaseId, string? Note, Guid? CaseToken, WorkflowActor Actor);

/// <summary>A scan added to an open case, stored and checked like every upload.</summary>
public sealed record AddIntegrityScan(Guid CaseId, Stream? Content, string? FileName, long? DeclaredLength, WorkflowActor Actor);

internal sealed class OpenIntegrityCaseHandler(IApplicationDbContext db, IUnitDirectory units, TimeProvider clock) : IHandler<OpenIntegrityCase, Guid>
{
    public async Task<Guid> HandleAsync(OpenIntegrityCase request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var note = request.FirstNote?.Trim() ?? string.Empty;
        new Validation()
            .Require(request.ApplicationId is not null, "ApplicationId", "请选择当事申报人（本年度的申报）。")
            .Require(request.Source is { } source && IntegrityCaseNames.OpenedByHand.Contains(source), "Source", "请选择案件来源：公示期间异议、评审委员会发现或省政工职评办立案。")
            .Require(note.Length > 0, "FirstNote", "请填写情况说明（收到的举报、异议或发现的问题）。")
            .Require(note.Length <= IntegrityCase.MaxNoteLength, "FirstNote", $"情况说明不能超过 {IntegrityCase.MaxNoteLength} 个字。")
            .ThrowIfInvalid();

        var application = await db.TitleApplications.AsNoTracking()
            .Where(a => a.Id == request.ApplicationId)
            .Select(a => new { a.Id, a.CampaignId, a.UnitId })
            .FirstOrDefaultAsync(cancellationToken);
        var unitId = request.UnitId ?? application?.UnitId;
        var validation = new Validation()
            .Require(application is not null, "ApplicationId", "未找到该申报，请从本年度的申报中选择当事申报人。");
        if (request.UnitId is { } named)
        {
            validation.Require(await units.FindAsync(named, cancellationToken) is not null, "UnitId", "未找到所选单位，请重新选择涉及的单位。");
        }

        validation.ThrowIfInvalid();

        var alreadyOpen = await db.IntegrityCases.AnyAsync(c => c.ApplicationId == application!.Id && c.Status == IntegrityCaseStatus.Open, cancellationToken);
        var opened = IntegrityCase.OpenByHand(application!.Id, application.CampaignId, unitId!.Value, request.Source!.Value, note, alreadyOpen, clock.GetUtcNow(), request.Actor.Id, request.Actor.Name);
        db.IntegrityCases.Add(opened);
        await db.SaveChangesAsync(cancellationToken);
        return opened.Id;
    }
}

internal sealed class AddIntegrityNoteHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<AddIntegrityNote, Guid>
{
    public async Task<Guid> HandleAsync(AddIntegrityNote request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var note = request.Note?.Trim() ?? string.Empty;
        new Validation()
            .Require(note.Length > 0, "Note", "请填写要补充的情况说明。")
            .Require(note.Length <= IntegrityCase.MaxNoteLength, "Note", $"情况说明不能超过 {IntegrityCase.MaxNoteLength} 个字。")
            .ThrowIfInvalid();

        var integrityCase = await IntegrityCommandData.LoadAsync(db, request.CaseId, request.CaseToken, cancellationToken);
        var added = integrityCase.AddNote(note, clock.GetUtcNow(), request.Actor.Name);
        await IntegrityCommandData.SaveAsync(db, cancellationToken);
        return added.EvidenceId;
    }
}

internal sealed class AddIntegrityScanHandler(IApplicationDbContext db, IFileStore files, IOptions<UploadOptions> options, TimeProvider clock) : IHandler<AddIntegrityScan, Guid>
{
    public async Task<Guid> HandleAsync(AddIntegrityScan request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        new Validation()
            .Require(request.Content is not null && !string.IsNullOrWhiteSpace(request.FileName), "file", "请选择要上传的证据扫描件（PDF、JPEG 或 PNG）。")
            .Require(request.FileName is null || request.FileName.Trim().Length <= IntegrityCase.MaxFileNameLength, "file", $"文件名不能超过 {IntegrityCase.MaxFileNameLength} 个字符。")
            .ThrowIfInvalid();

        // Refused before the file is read, so a decided case stores nothing.
        var integrityCase = await IntegrityCommandData.LoadAsync(db, request.CaseId, null, cancellationToken);
        if (integrityCase.IsDecided)
        {
            throw new BusinessRuleViolationException(new DecidedIntegrityCaseIsFinalRule(integrityCase));
        }

        var limit = options.Value.MaxFileBytes;
        if (request.DeclaredLength is { } declared && declared > limit)
        {
            throw UploadRejectedException.TooLarge(limit);
        }

        var stored = await files.SaveAsync(request.Content!, request.FileName!, limit, cancellationToken);
        try
        {
            var added = integrityCase.AddScan(
                new IntegrityScan(request.FileName!.Trim(), stored.StorageKey, stored.Sha256Hex, stored.ContentType, stored.SafeName, stored.Length),
                clock.GetUtcNow(),
                request.Actor.Name);
            await IntegrityCommandData.SaveAsync(db, cancellationToken);
            return added.EvidenceId;
        }
        catch
        {
            await files.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }
    }
}

/// <summary>What the commands on a case load and save alike.</summary>
internal static class IntegrityCommandData
{
    public const string StaleMessage = "该诚信案件刚刚已有变动（补充了证据或已作出决定），您这次的操作未保存；请刷新页面后再办理。";

    /// <param name="token">The case's token as the page read it; null skips the check.</param>
    public static async Task<IntegrityCase> LoadAsync(IApplicationDbContext db, Guid caseId, Guid? token, CancellationToken cancellationToken)
    {
        var integrityCase = await db.IntegrityCases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException("该诚信案件");
        if (token is { } expected && expected != integrityCase.ConcurrencyToken)
        {
            throw new ConcurrencyConflictException(StaleMessage);
        }

        return integrityCase;
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
