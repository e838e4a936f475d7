using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>
/// The office records that a unit collected its certificates (every valid one still waiting) and
/// its returned paper materials: who collected, on which day, whether the materials were received, a note.
/// </summary>
public sealed record RecordCertificateCollection(int Year, Guid UnitId, string? CollectorName, DateOnly? CollectedOn, bool MaterialsReturned, string? Note, WorkflowActor Actor);

internal sealed class RecordCertificateCollectionHandler(IApplicationDbContext db, ICurrentCampaign campaigns, TimeProvider clock)
    : IHandler<RecordCertificateCollection, int>
{
    /// <returns>How many certificates the unit collected.</returns>
    public async Task<int> HandleAsync(RecordCertificateCollection request, CancellationToken cancellationToken = default)
    {
        CertificateCases.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var collector = (request.CollectorName ?? string.Empty).Trim();
        var note = request.Note?.Trim();
        new Validation()
            .Require(collector.Length is > 0 and <= CertificateCollection.MaxCollectorLength, "collectorName", $"请填写领取人姓名（{CertificateCollection.MaxCollectorLength}字以内）。")
            .Require(request.CollectedOn is { } on && on <= BeijingTime.DateOf(now), "collectedOn", "请填写领取日期（不能晚于今天）。")
            .Require((note?.Length ?? 0) <= CertificateCollection.MaxNoteLength, "note", $"备注不能超过 {CertificateCollection.MaxNoteLength} 字。")
            .ThrowIfInvalid();

        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var certificates = await db.Certificates
            .Where(c => c.CampaignId == campaign.Id && c.UnitId == request.UnitId && c.Status == CertificateStatus.Valid && c.CollectionId == null)
            .ToListAsync(cancellationToken);
        var unitName = certificates.FirstOrDefault()?.UnitName ?? string.Empty;
        var collection = CertificateCollection.Record(
            campaign.Id, request.UnitId, unitName, collector, request.CollectedOn!.Value, request.MaterialsReturned, note, certificates, now, request.Actor.Id, request.Actor.Name);
        db.CertificateCollections.Add(collection);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("该单位的证书刚刚已有变化，领取未记录。请刷新页面后再记录。", ex);
        }

        return collection.Certificates;
    }
}
