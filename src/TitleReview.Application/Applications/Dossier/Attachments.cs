using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Application.Workflows.Guards;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Dossier;

/// <summary>The applicant uploads the scan for a slot (a fixed one, or an entry); it replaces any earlier scan.</summary>
public sealed record UploadAttachment(
    Guid ApplicationId,
    string? SlotKey,
    Stream Content,
    string? FileName,
    long? DeclaredLength,
    Guid? ExpectedToken,
    WorkflowActor Actor);

public sealed record AttachmentInfo(Guid Id, string SlotKey, string Name, string ContentType, long Length, string Sha256, Guid ConcurrencyToken);

/// <summary>A stored scan, for the applicant, their auditor, the office and the experts assigned the candidate.</summary>
public sealed record OpenAttachment(Guid AttachmentId, WorkflowActor Actor);

public sealed record OpenedAttachment(Stream Content, string ContentType, string DownloadName);

internal sealed class UploadAttachmentHandler(
    IApplicationDbContext db,
    IFileStore files,
    IOptions<UploadOptions> options,
    IWorkflowDefinitions definitions,
    TimeProvider clock) : IHandler<UploadAttachment, AttachmentInfo>
{
    public async Task<AttachmentInfo> HandleAsync(UploadAttachment request, CancellationToken cancellationToken = default)
    {
        var (application, instance, campaign) = await DossierAccess.LoadDossierAsync(db, request.ApplicationId, request.Actor, cancellationToken);
        DossierAccess.EnsureEditable(definitions, application, instance, campaign, request.Actor, clock.GetUtcNow(), request.ExpectedToken);

        // The slot is checked before the file is read, so a scan for no item is never stored.
        var slot = request.SlotKey?.Trim() ?? string.Empty;
        new Validation().Check("slot", new ScanSlotIsFixedOrAnEntryRule(slot, application.Entries)).ThrowIfInvalid();
        var limit = options.Value.LimitForNextFile(application.ScanBytesOutside(slot));
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
        DossierAttachment attachment;
        DossierAttachment? replaced;
        try
        {
            attachment = DossierAttachment.Create(application.Id, slot, request.FileName!.Trim(), stored.SafeName, stored.StorageKey, stored.Sha256Hex, stored.Length, stored.ContentType, request.Actor.Id, clock.GetUtcNow());
            replaced = application.AttachScan(attachment);
            await DossierAccess.SaveAsync(db, cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }

        if (replaced is not null)
        {
            await files.DeleteAsync(replaced.StorageKey, CancellationToken.None);
        }

        return new AttachmentInfo(attachment.Id, slot, attachment.OriginalName, attachment.ContentType, attachment.Length, attachment.Sha256, application.ConcurrencyToken);
    }
}

internal sealed class OpenAttachmentHandler(IApplicationDbContext db, IFileStore files, Committee.ExpertReview.IAssignedDossiers assignments, TimeProvider clock)
    : IHandler<OpenAttachment, OpenedAttachment>
{
    /// <summary>Those whose openings are recorded: the people who review a dossier, not its applicant.</summary>
    public static readonly IReadOnlyList<string> ReviewerRoles = [Roles.Auditor, Roles.Office, Roles.Inspector, Roles.Expert];

    public async Task<OpenedAttachment> HandleAsync(OpenAttachment request, CancellationToken cancellationToken = default)
    {
        var attachment = await db.DossierAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AttachmentId, cancellationToken);
        var instance = attachment is null
            ? null
            : await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.SubjectType == ApplicationWorkflow.SubjectType && i.SubjectId == attachment.ApplicationId, cancellationToken);
        if (attachment is null || instance is null)
        {
            throw new NotFoundException("该文件");
        }

        // An expert reads the scans of the candidates assigned to them, and the inspector's log says so.
        Domain.Applications.Committee.ExpertReview.DossierOpening? expertOpening = null;
        if (!WorkflowAccess.CanSee(instance, request.Actor))
        {
            var assigned = (await assignments.FindAsync(request.Actor, attachment.ApplicationId, cancellationToken))?.Dossier
                ?? throw new NotFoundException("该文件");
            expertOpening = Domain.Applications.Committee.ExpertReview.DossierOpening.OfScan(
                assigned.Seat.ExpertId, assigned.CampaignId, assigned.ApplicationId, attachment.Id, clock.GetUtcNow());
        }

        var stream = await files.OpenVerifiedAsync(attachment.StorageKey, attachment.Sha256, cancellationToken);
        if (expertOpening is not null || request.Actor.HasAnyRole(ReviewerRoles))
        {
            try
            {
                if (expertOpening is not null)
                {
                    db.DossierOpenings.Add(expertOpening);
                }
                else
                {
                    db.AttachmentOpenings.Add(AttachmentOpening.Record(attachment.Id, request.Actor.Id, clock.GetUtcNow()));
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }

        return new OpenedAttachment(stream, attachment.ContentType, attachment.SafeName);
    }
}
