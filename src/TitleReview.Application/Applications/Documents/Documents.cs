using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Applications.Opinions;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Documents;

/// <summary>A generated paper for an approved dossier, with its number and verification code.</summary>
public sealed record GetDocument(Guid ApplicationId, DocumentKind Kind, WorkflowActor Actor);

public sealed record PublicityView(DateOnly Start, DateOnly End, PublicityOutcome? Outcome, string? Note, DateTimeOffset? RecordedAt);

public sealed record DocumentView(
    DocumentKind Kind,
    string Title,
    string Number,
    string VerificationCode,
    DateTimeOffset GeneratedAt,
    bool IsCurrent,
    DossierSnapshotContent Content,
    PublicityView? Publicity,
    IReadOnlyList<ChecklistItem> Checklist)
{
    /// <summary>The review form's opinions, printed in their boxes; null until the auditor saves them.</summary>
    public ReviewFormOpinionsView? Opinions { get; init; }
}

/// <summary>The public check of a printed paper by its code: what it is, whose, and whether it still counts.</summary>
public sealed record VerifyDocument(string? Code);

public sealed record VerificationResult(string Title, string Number, string ApplicantName, string UnitName, DateTimeOffset GeneratedAt, bool IsCurrent);

internal sealed class GetDocumentHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<GetDocument, DocumentView>
{
    public async Task<DocumentView> HandleAsync(GetDocument request, CancellationToken cancellationToken = default)
    {
        var (application, _, campaign) = await DossierAccess.LoadAsync(db, request.ApplicationId, request.Actor, track: false, cancellationToken);
        var snapshot = await db.DossierSnapshots.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.TakenAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"单位审核人审核通过后，才能生成《{DocumentKinds.DisplayName(request.Kind)}》。");

        PublicityView? publicity = application.PublicityStart is { } start
            ? new PublicityView(start, application.PublicityEnd!.Value, application.PublicityOutcome, application.PublicityNote, application.PublicityRecordedAt)
            : null;
        if (request.Kind == DocumentKind.PublicityResult && publicity?.Outcome is null)
        {
            throw new DomainException("单位公示结束并记录公示结果后，才能生成公示结果。");
        }

        var document = await db.GeneratedDocuments
            .FirstOrDefaultAsync(d => d.ApplicationId == application.Id && d.Kind == request.Kind && d.SnapshotId == snapshot.Id && d.SupersededAt == null, cancellationToken);
        if (document is null)
        {
            var issued = await (from d in db.GeneratedDocuments
                                join a in db.TitleApplications on d.ApplicationId equals a.Id
                                where a.CampaignId == campaign.Id && d.Kind == request.Kind
                                select d.Id).CountAsync(cancellationToken);
            var number = string.Create(CultureInfo.InvariantCulture, $"{campaign.Year}-{DocumentKinds.Code(request.Kind)}-{issued + 1:00000}");
            document = GeneratedDocument.Issue(application.Id, request.Kind, number, snapshot.Id, clock.GetUtcNow());
            db.GeneratedDocuments.Add(document);
            await db.SaveChangesAsync(cancellationToken);
        }

        var content = DossierSnapshotContent.FromJson(snapshot.Content);
        return new DocumentView(
            request.Kind,
            DocumentKinds.DisplayName(request.Kind),
            document.Number,
            document.VerificationCode,
            document.GeneratedAt,
            document.IsCurrent,
            content,
            publicity,
            PaperChecklist.For(content.UnitNature, content.Level, content.EvaluationType, content.FromCivilService))
        {
            Opinions = request.Kind == DocumentKind.ReviewForm ? ReviewFormOpinionsOf.Of(application) : null,
        };
    }
}

internal sealed class VerifyDocumentHandler(IApplicationDbContext db) : IHandler<VerifyDocument, VerificationResult>
{
    public async Task<VerificationResult> HandleAsync(VerifyDocument request, CancellationToken cancellationToken = default)
    {
        var code = GeneratedDocument.NormalizeCode(request.Code);
        var document = code.Length == GeneratedDocument.CodeLength
            ? await db.GeneratedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.VerificationCode == code, cancellationToken)
            : null;
        if (document is null)
        {
            throw new NotFoundException("与该校验码相符的文件");
        }

        var snapshot = await db.DossierSnapshots.AsNoTracking().SingleAsync(s => s.Id == document.SnapshotId, cancellationToken);
        var content = DossierSnapshotContent.FromJson(snapshot.Content);
        return new VerificationResult(DocumentKinds.DisplayName(document.Kind), document.Number, content.ApplicantName, content.UnitName, document.GeneratedAt, document.IsCurrent);
    }
}
