using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Integrity;

/// <summary>One integrity case as the office works on it: findings, evidence, the application's state, the decision.</summary>
public sealed record GetIntegrityCase(Guid CaseId, WorkflowActor Actor);

public sealed record IntegrityEvidenceView(Guid EvidenceId, IntegrityEvidenceKind Kind, string? Note, string? FileName, string? ContentType, long Length, DateTimeOffset AddedAt, string AddedByName);

public sealed record IntegrityDecisionView(
    string OutcomeName,
    string Reasons,
    bool RecordsFinding,
    DateOnly? BannedUntil,
    string? RevokedCertificateNumber,
    DateTimeOffset DecidedAt,
    string DecidedByName);

public sealed record IntegrityCaseView(
    Guid CaseId,
    int Year,
    Guid ApplicationId,
    Guid InstanceId,
    string ApplicantName,
    TitleLevel Level,
    string ApplicantUnitName,
    string UnitName,
    IntegrityCaseSource Source,
    string SourceName,
    IReadOnlyList<IntegrityFinding> Findings,
    IReadOnlyList<IntegrityEvidenceView> Evidence,
    DateTimeOffset OpenedAt,
    string OpenedByName,
    string StatusName,
    bool IsDecided,
    string StateName,
    bool ApplicationEnded,
    bool ClearsTheSpotCheck,
    IntegrityDecisionView? Decision,
    DateOnly DefaultBanEnd,
    Guid CaseToken);

internal sealed class GetIntegrityCaseHandler(IApplicationDbContext db, IUnitDirectory units, IWorkflowDefinitions definitions, TimeProvider clock)
    : IHandler<GetIntegrityCase, IntegrityCaseView>
{
    public async Task<IntegrityCaseView> HandleAsync(GetIntegrityCase request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var found = await (
                from integrityCase in db.IntegrityCases.AsNoTracking()
                join application in db.TitleApplications.AsNoTracking() on integrityCase.ApplicationId equals application.Id
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                where integrityCase.Id == request.CaseId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { Case = integrityCase, application.ApplicantName, application.Level, application.UnitId, Instance = instance, campaign.Year })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该诚信案件");
        var c = found.Case;
        var cards = await units.FindAllAsync([c.UnitId, found.UnitId], cancellationToken);
        var definition = definitions.Get(found.Instance.DefinitionId, found.Instance.DefinitionVersion);
        return new IntegrityCaseView(
            c.Id,
            found.Year,
            c.ApplicationId,
            found.Instance.Id,
            found.ApplicantName,
            found.Level,
            cards.GetValueOrDefault(found.UnitId)?.Name ?? string.Empty,
            cards.GetValueOrDefault(c.UnitId)?.Name ?? string.Empty,
            c.Source,
            IntegrityCaseNames.Describe(c.Source),
            c.Findings,
            [.. c.Evidence.OrderBy(e => e.AddedAt).Select(e => new IntegrityEvidenceView(e.EvidenceId, e.Kind, e.Note, e.FileName, e.ContentType, e.Length, e.AddedAt, e.AddedByName))],
            c.OpenedAt,
            c.OpenedByName,
            IntegrityCaseNames.Describe(c.Status),
            c.IsDecided,
            definition.StateDisplayName(found.Instance.State),
            IntegrityDecisionData.HasEnded(definitions, found.Instance),
            c.Source == IntegrityCaseSource.SpotCheck && definitions.Has(found.Instance, StateCapabilities.IntegrityCaseOpen),
            c is { IsDecided: true, Outcome: { } outcome, DecidedAt: { } at }
                ? new IntegrityDecisionView(IntegrityCaseNames.Describe(outcome), c.DecisionReasons ?? string.Empty, c.RecordsFinding, c.BannedUntil, c.RevokedCertificateNumber, at, c.DecidedByName ?? string.Empty)
                : null,
            IntegrityDecision.DefaultBanEnd(BeijingTime.Today(clock)),
            c.ConcurrencyToken);
    }
}

/// <summary>A scan kept as evidence of a case, for the office only, checked against its SHA-256.</summary>
public sealed record OpenIntegrityScan(Guid CaseId, Guid EvidenceId, WorkflowActor Actor);

public sealed record OpenedIntegrityScan(Stream Content, string ContentType, string DownloadName);

internal sealed class OpenIntegrityScanHandler(IApplicationDbContext db, IFileStore files) : IHandler<OpenIntegrityScan, OpenedIntegrityScan>
{
    public async Task<OpenedIntegrityScan> HandleAsync(OpenIntegrityScan request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var integrityCase = await db.IntegrityCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
        var scan = integrityCase?.Evidence.FirstOrDefault(e => e.EvidenceId == request.EvidenceId && e.Kind == IntegrityEvidenceKind.Scan);
        if (scan is not { StorageKey: { } key, Sha256: { } sha })
        {
            throw new NotFoundException("该证据扫描件");
        }

        var stream = await files.OpenVerifiedAsync(key, sha, cancellationToken);
        return new OpenedIntegrityScan(stream, scan.ContentType ?? "application/octet-stream", scan.SafeName ?? scan.FileName ?? "scan");
    }
}

/// <summary>What the integrity use cases read alike.</summary>
internal static class IntegrityDecisionData
{
    /// <summary>Ended: the workflow finished it, or it is vetoed already.</summary>
    public static bool HasEnded(IWorkflowDefinitions definitions, WorkflowInstance instance) =>
        instance.IsFinished || definitions.Has(instance, StateCapabilities.Vetoed);
}
