using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>The office's page (证书管理): the year's passed candidates, the numbering per level, the certificates, the units' collection.</summary>
public sealed record GetCertificates(int? Year, WorkflowActor Actor);

public sealed record NumberingRow(TitleLevel Level, bool Configured, string Prefix, string LevelCode, int Digits, int StartNumber, int Issued, string? NextNumber)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    /// <summary>A number was issued: the scheme can no longer change.</summary>
    public bool IsFixed => Issued > 0;
}

/// <param name="Number">The valid certificate's number; null while the candidate has none.</param>
public sealed record CandidateRow(Guid ApplicationId, string ApplicantName, string UnitName, TitleLevel Level, Guid? CertificateId, string? Number)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public bool HasCertificate => CertificateId is not null;
}

public sealed record CertificateRow(
    Guid Id,
    Guid ApplicationId,
    string Number,
    string ApplicantName,
    string MaskedIdNumber,
    Guid UnitId,
    string UnitName,
    string TitleName,
    DateOnly IssuedOn,
    CertificateStatus Status,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string VerificationCode,
    DateOnly? CollectedOn)
{
    public bool IsValid => Status == CertificateStatus.Valid;

    public string StatusName => CertificateStatuses.DisplayName(Status);

    /// <summary>待领取 / 已领取 for a valid certificate; the status otherwise.</summary>
    public string CollectionText => !IsValid ? StatusName : CollectedOn is { } on ? $"已领取（{on:yyyy-MM-dd}）" : "待领取";
}

public sealed record CollectionRow(Guid Id, Guid UnitId, string UnitName, string CollectorName, DateOnly CollectedOn, bool MaterialsReturned, string? Note, int Certificates, string RecordedByName)
{
    public string MaterialsText => MaterialsReturned ? "已领回" : "未领回";
}

public sealed record UnitCertificatesRow(Guid UnitId, string UnitName, int Valid, int Waiting, IReadOnlyList<CollectionRow> Collections);

/// <param name="WhyNotYet">Why no certificate may be issued now (the results publicity has not begun); null when it may.</param>
public sealed record CertificatesView(
    int Year,
    IReadOnlyList<int> Years,
    DateOnly? ResultsFirstDay,
    string? WhyNotYet,
    IReadOnlyList<NumberingRow> Numberings,
    IReadOnlyList<CandidateRow> Candidates,
    IReadOnlyList<CertificateRow> Certificates,
    IReadOnlyList<UnitCertificatesRow> Units)
{
    public int Ready => Candidates.Count(c => !c.HasCertificate);

    public bool MayIssue => WhyNotYet is null;
}

/// <summary>The unit's page (证书领取): its certificates, which wait at the office and which were collected.</summary>
public sealed record GetUnitCertificates(int? Year, WorkflowActor Actor);

public sealed record UnitCertificatesView(int Year, IReadOnlyList<int> Years, IReadOnlyList<CertificateRow> Certificates, IReadOnlyList<CollectionRow> Collections)
{
    public int Waiting => Certificates.Count(c => c.IsValid && c.CollectedOn is null);
}

internal static class CertificateRows
{
    /// <summary>The campaign's certificates (of one unit, if given) with their collection day, in number order. One query.</summary>
    public static async Task<IReadOnlyList<CertificateRow>> OfCampaignAsync(IApplicationDbContext db, Guid campaignId, Guid? unitId, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.Certificates.AsNoTracking()
                where c.CampaignId == campaignId && (unitId == null || c.UnitId == unitId)
                join k in db.CertificateCollections.AsNoTracking() on c.CollectionId equals (Guid?)k.Id into collected
                from k in collected.DefaultIfEmpty()
                select new { c.Id, c.ApplicationId, c.Number, c.ApplicantName, c.IdNumber, c.UnitId, c.UnitName, c.TitleName, c.IssuedOn, c.Status, c.RevokedAt, c.RevokedReason, c.VerificationCode, c.Level, c.Sequence, CollectedOn = (DateOnly?)k.CollectedOn })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.Sequence)
            .Select(r => new CertificateRow(r.Id, r.ApplicationId, r.Number, r.ApplicantName, IdNumber.Mask(r.IdNumber), r.UnitId, r.UnitName, r.TitleName, r.IssuedOn, r.Status, r.RevokedAt, r.RevokedReason, r.VerificationCode, r.CollectedOn))
            .ToList();
    }

    /// <summary>The campaign's collections (of one unit, if given), latest first. One query.</summary>
    public static async Task<IReadOnlyList<CollectionRow>> CollectionsAsync(IApplicationDbContext db, Guid campaignId, Guid? unitId, CancellationToken cancellationToken) =>
        (await db.CertificateCollections.AsNoTracking()
            .Where(k => k.CampaignId == campaignId && (unitId == null || k.UnitId == unitId))
            .ToListAsync(cancellationToken))
        .OrderByDescending(k => k.CollectedOn)
        .ThenByDescending(k => k.RecordedAt)
        .Select(k => new CollectionRow(k.Id, k.UnitId, k.UnitName, k.CollectorName, k.CollectedOn, k.MaterialsReturned, k.Note, k.Certificates, k.RecordedByName))
        .ToList();
}

internal sealed class GetCertificatesHandler(
    IApplicationDbContext db, ICurrentCampaign campaigns, IWorkflowDefinitions definitions, IUnitDirectory units, TimeProvider clock)
    : IHandler<GetCertificates, CertificatesView>
{
    public async Task<CertificatesView> HandleAsync(GetCertificates request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var (campaign, years) = await CertificateCases.CampaignAsync(campaigns, request.Year, cancellationToken);
        if (campaign is null)
        {
            return new CertificatesView(request.Year ?? 0, years, null, "尚无评审年度。", [], [], [], []);
        }

        var passed = await CertificateCases.PassedAsync(db, definitions, campaign.Id, null, cancellationToken);
        var certificates = await CertificateRows.OfCampaignAsync(db, campaign.Id, null, cancellationToken);
        var collections = await CertificateRows.CollectionsAsync(db, campaign.Id, null, cancellationToken);
        var numberings = await db.CertificateNumberings.AsNoTracking().Where(n => n.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var firstDay = await CertificateCases.ResultsFirstDayAsync(db, campaign.Id, cancellationToken);
        var cards = await units.FindAllAsync([.. passed.Select(p => p.UnitId).Distinct()], cancellationToken);

        var validByApplication = certificates.Where(c => c.IsValid).ToDictionary(c => c.ApplicationId);
        var candidates = passed
            .Select(p =>
            {
                var held = validByApplication.GetValueOrDefault(p.ApplicationId);
                return new CandidateRow(p.ApplicationId, p.ApplicantName, cards.GetValueOrDefault(p.UnitId)?.Name ?? string.Empty, p.Level, held?.Id, held?.Number);
            })
            .InListOrder(c => c.Level, c => c.UnitName, c => c.ApplicantName)
            .ToList();
        var levels = Enum.GetValues<TitleLevel>().OrderByDescending(l => l);
        var numberingRows = levels
            .Select(level => numberings.FirstOrDefault(n => n.Level == level) is { } n
                ? new NumberingRow(level, true, n.Prefix, n.LevelCode, n.Digits, n.StartNumber, n.Issued, n.NextNumber)
                : new NumberingRow(level, false, DefaultPrefix, DefaultLevelCode(level), DefaultDigits, 1, 0, null))
            .ToList();
        var rule = new CertificateAfterResultsPublicityBeganRule(firstDay, BeijingTime.DateOf(clock.GetUtcNow()));
        var unitRows = certificates
            .GroupBy(c => (c.UnitId, c.UnitName))
            .Select(g => new UnitCertificatesRow(g.Key.UnitId, g.Key.UnitName, g.Count(c => c.IsValid), g.Count(c => c.IsValid && c.CollectedOn is null), [.. collections.Where(k => k.UnitId == g.Key.UnitId)]))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return new CertificatesView(campaign.Year, years, firstDay, rule.IsBroken() ? rule.Message : null, numberingRows, candidates, certificates, unitRows);
    }

    /// <summary>The suggestion a level's form starts with: 黔政工 + year + A/Z/G + four digits from 0001.</summary>
    internal const string DefaultPrefix = "黔政工";

    internal const int DefaultDigits = 4;

    internal static string DefaultLevelCode(TitleLevel level) => level switch
    {
        TitleLevel.Assistant => "C",
        TitleLevel.Intermediate => "Z",
        _ => "G",
    };
}

internal sealed class GetUnitCertificatesHandler(IApplicationDbContext db, ICurrentCampaign campaigns) : IHandler<GetUnitCertificates, UnitCertificatesView>
{
    public async Task<UnitCertificatesView> HandleAsync(GetUnitCertificates request, CancellationToken cancellationToken = default)
    {
        var unitId = CertificateCases.RequireAuditor(request.Actor);
        var (campaign, years) = await CertificateCases.CampaignAsync(campaigns, request.Year, cancellationToken);
        if (campaign is null)
        {
            return new UnitCertificatesView(request.Year ?? 0, years, [], []);
        }

        var certificates = await CertificateRows.OfCampaignAsync(db, campaign.Id, unitId, cancellationToken);
        var collections = await CertificateRows.CollectionsAsync(db, campaign.Id, unitId, cancellationToken);
        return new UnitCertificatesView(campaign.Year, years, certificates, collections);
    }
}
