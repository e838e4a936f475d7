using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Preliminary;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Applications.Supplements;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Supplements;

/// <summary>The applicant's supplement page: why they failed, the publicity's period, their supplements.</summary>
public sealed record GetSupplement(Guid ApplicationId, WorkflowActor Actor);

/// <param name="MayUpload">Whether files can be added and submitted now.</param>
/// <param name="WhyNot">Why not, in the applicant's words; null when they may.</param>
/// <param name="Draft">The round being prepared (files uploaded, not yet submitted); null when none.</param>
/// <param name="Submitted">The submitted rounds, oldest first, with the office's decisions.</param>
public sealed record SupplementView(
    Guid ApplicationId,
    int Year,
    string ApplicantName,
    TitleLevel Level,
    string StateName,
    FailingReason? FailingReason,
    string? PeriodText,
    bool MayUpload,
    string? WhyNot,
    SupplementRound? Draft,
    IReadOnlyList<SupplementRound> Submitted);

/// <summary>The applicant adds a file to the supplement they are preparing (same upload rules as the dossier).</summary>
public sealed record UploadSupplementFile(Guid ApplicationId, Stream Content, string? FileName, long? DeclaredLength, WorkflowActor Actor);

public sealed record SupplementFileInfo(Guid Id, string Name, string ContentType, long Length, string Sha256);

public sealed record RemoveSupplementFile(Guid ApplicationId, Guid FileId, WorkflowActor Actor);

/// <summary>The applicant submits the prepared supplement with a note; the office then reviews it.</summary>
public sealed record SubmitSupplement(Guid ApplicationId, string? Note, WorkflowActor Actor);

/// <summary>A supplement's file, for the applicant, their unit's auditor and the office.</summary>
public sealed record OpenSupplementFile(Guid FileId, WorkflowActor Actor);

/// <summary>The applicant's own case, as the supplement use cases load it.</summary>
internal sealed record SupplementCase(TitleApplication Application, WorkflowInstance Instance, PublicPublicity? Publicity)
{
    public static async Task<SupplementCase> LoadAsync(IApplicationDbContext db, Guid applicationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var (application, instance, _) = await DossierAccess.ReadAsync(db, applicationId, actor, cancellationToken);
        if (!actor.Roles.Contains(Roles.Applicant) || instance.OwnerUserId != actor.Id)
        {
            throw new ForbiddenAccessException("只有申报人本人可以上传和提交补充材料。");
        }

        return new SupplementCase(application, instance, await SupplementData.PublicityAsync(db, application.CampaignId, cancellationToken));
    }

    /// <summary>Why the applicant cannot supplement now, naming the rule; null when they can.</summary>
    public string? WhyNot(IWorkflowDefinitions definitions, DateTimeOffset now)
    {
        IBusinessRule[] rules =
        [
            new SupplementOnlyForFailedApplicantsRule(definitions.Has(Instance, StateCapabilities.PreliminaryFailed)),
            new SupplementOnlyWhilePublicityRunsRule(Publicity, now),
        ];
        if (rules.FirstOrDefault(r => r.IsBroken()) is { } broken)
        {
            return broken.Message;
        }

        return definitions.Has(Instance, StateCapabilities.SupplementAllowed) ? null
            : definitions.Has(Instance, StateCapabilities.SupplementAwaitingReview) ? "补充材料已提交，等待省政工职评办审核。"
            : "初审结果尚未公示，公示期内才能上传补充材料。";
    }

    public void EnsureMaySupplement(IWorkflowDefinitions definitions, DateTimeOffset now)
    {
        if (WhyNot(definitions, now) is { } why)
        {
            throw new DomainException(why);
        }
    }

    /// <summary>The round being prepared, tracked; a new round when there is none.</summary>
    public async Task<Supplement> DraftAsync(IApplicationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rounds = await db.Supplements.Include(s => s.Files).Where(s => s.ApplicationId == Application.Id).ToListAsync(cancellationToken);
        if (rounds.FirstOrDefault(s => !s.IsSubmitted) is { } draft)
        {
            return draft;
        }

        var opened = Supplement.Open(Application.Id, rounds.Count + 1, failed: true, Publicity, now, Instance.OwnerUserId ?? string.Empty);
        db.Supplements.Add(opened);
        return opened;
    }
}

internal sealed class GetSupplementHandler(IApplicationDbContext db, IWorkflowDefinitions definitions, IPreliminaryDecisions decisions, TimeProvider clock) : IHandler<GetSupplement, SupplementView>
{
    public async Task<SupplementView> HandleAsync(GetSupplement request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.ReadAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        var publicity = await SupplementData.PublicityAsync(db, application.CampaignId, cancellationToken);
        var reasons = await SupplementData.FailingReasonsAsync(decisions, [application.Id], cancellationToken);
        var rounds = (await SupplementData.RoundsAsync(db, [application.Id], cancellationToken))[application.Id].ToList();
        var now = clock.GetUtcNow();
        var whyNot = new SupplementCase(application, instance, publicity).WhyNot(definitions, now);
        var stateName = await ResultsSecrecy.HiddenAsync(db, definitions.Has(instance, StateCapabilities.CommitteeDecided), application.CampaignId, request.Actor, now, cancellationToken)
            ? ResultsSecrecy.AwaitingResults
            : definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State);
        return new SupplementView(
            application.Id,
            campaign.Year,
            application.ApplicantName,
            application.Level,
            stateName,
            reasons.GetValueOrDefault(application.Id),
            publicity?.PeriodText,
            whyNot is null,
            whyNot,
            rounds.FirstOrDefault(r => r.SubmittedAt is null),
            [.. rounds.Where(r => r.SubmittedAt is not null)]);
    }
}

internal sealed class UploadSupplementFileHandler(
    IApplicationDbContext db,
    IFileStore files,
    IOptions<UploadOptions> options,
    IWorkflowDefinitions definitions,
    TimeProvider clock) : IHandler<UploadSupplementFile, SupplementFileInfo>
{
    public async Task<SupplementFileInfo> HandleAsync(UploadSupplementFile request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = await SupplementCase.LoadAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        found.EnsureMaySupplement(definitions, now);
        var draft = await found.DraftAsync(db, now, cancellationToken);
        new Validation().Check("file", new SupplementHasRoomForAnotherFileRule(draft.Files.Count)).ThrowIfInvalid();

        // Supplements have the dossier's budget of their own: the files of every round count.
        var used = await db.SupplementFiles.AsNoTracking()
            .Where(f => db.Supplements.Any(s => s.Id == f.SupplementId && s.ApplicationId == request.ApplicationId))
            .SumAsync(f => f.Length, cancellationToken);
        var limit = options.Value.LimitForNextFile(used);
        if (limit <= 0)
        {
            throw UploadRejectedException.DossierFull(options.Value.MaxDossierBytes);
        }

        if (request.DeclaredLength is { } declared && declared > limit)
        {
            throw UploadRejectedException.TooLarge(limit);
        }

        // The file is complete on disk before its row commits; if the commit fails, it is removed.
        var stored = await files.SaveAsync(request.Content, request.FileName ?? string.Empty, limit, cancellationToken);
        try
        {
            var file = SupplementFile.Create(draft.Id, request.FileName!.Trim(), stored.SafeName, stored.StorageKey, stored.Sha256Hex, stored.Length, stored.ContentType, now);
            draft.AddFile(file, found.Publicity, now);
            await db.SaveChangesAsync(cancellationToken);
            return new SupplementFileInfo(file.Id, file.OriginalName, file.ContentType, file.Length, file.Sha256);
        }
        catch
        {
            await files.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }
    }
}

internal sealed class RemoveSupplementFileHandler(IApplicationDbContext db, IFileStore files, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<RemoveSupplementFile, Guid>
{
    public async Task<Guid> HandleAsync(RemoveSupplementFile request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = await SupplementCase.LoadAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        found.EnsureMaySupplement(definitions, now);
        var draft = await db.Supplements.Include(s => s.Files)
            .FirstOrDefaultAsync(s => s.ApplicationId == request.ApplicationId && s.SubmittedAt == null, cancellationToken)
            ?? throw new NotFoundException("该补充材料文件");
        var removed = draft.RemoveFile(request.FileId, found.Publicity, now);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(removed.StorageKey, CancellationToken.None);
        return removed.Id;
    }
}

internal sealed class SubmitSupplementHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<SubmitSupplement, FireResult>
{
    public async Task<FireResult> HandleAsync(SubmitSupplement request, CancellationToken cancellationToken = default)
    {
        var note = request.Note?.Trim() ?? string.Empty;
        new Validation()
            .Require(note.Length > 0, "note", "请说明补充材料针对哪些不通过原因。")
            .Require(note.Length <= Supplement.MaxNoteLength, "note", $"说明不能超过 {Supplement.MaxNoteLength} 个字。")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var found = await SupplementCase.LoadAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        found.EnsureMaySupplement(definitions, now);
        var draft = await db.Supplements.Include(s => s.Files)
            .FirstOrDefaultAsync(s => s.ApplicationId == request.ApplicationId && s.SubmittedAt == null, cancellationToken);
        if (draft is null)
        {
            throw new BusinessRuleViolationException(new SupplementHasFilesRule(0));
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        draft.Submit(note, found.Publicity, now);
        await db.SaveChangesAsync(cancellationToken);
        var result = await engine.PerformAsync(new PerformRequest(found.Instance.Id, WorkflowOperations.SubmitSupplement, request.Actor, $"第 {draft.Round} 次补充材料（{draft.Files.Count} 个文件）：{note}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

internal sealed class OpenSupplementFileHandler(IApplicationDbContext db, IFileStore files) : IHandler<OpenSupplementFile, OpenedAttachment>
{
    public async Task<OpenedAttachment> HandleAsync(OpenSupplementFile request, CancellationToken cancellationToken = default)
    {
        var found = await (
                from file in db.SupplementFiles.AsNoTracking()
                join supplement in db.Supplements.AsNoTracking() on file.SupplementId equals supplement.Id
                join instance in db.WorkflowInstances.AsNoTracking() on supplement.ApplicationId equals instance.SubjectId
                where file.Id == request.FileId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { File = file, Instance = instance })
            .FirstOrDefaultAsync(cancellationToken);

        // The office, the applicant and their unit's auditor: the people the case belongs to.
        if (found is null || !WorkflowAccess.CanSee(found.Instance, request.Actor))
        {
            throw new NotFoundException("该文件");
        }

        var stream = await files.OpenVerifiedAsync(found.File.StorageKey, found.File.Sha256, cancellationToken);
        return new OpenedAttachment(stream, found.File.ContentType, found.File.SafeName);
    }
}
