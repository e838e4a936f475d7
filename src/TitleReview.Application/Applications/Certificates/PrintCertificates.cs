using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>
/// The office's print of certificates onto the province's pre-printed template: one certificate,
/// every valid certificate of a unit, or (<paramref name="Sample"/>) one sheet of sample data to
/// test the layout on a blank sheet.
/// </summary>
public sealed record GetCertificatePrint(int Year, Guid? CertificateId, Guid? UnitId, bool Sample, WorkflowActor Actor);

/// <param name="PhotoChecked">Whether the paper intake received the photo (一寸免冠彩色近照); null when no check-in was recorded.</param>
/// <param name="VerificationUrl">The absolute address the QR code carries.</param>
public sealed record PrintedCertificate(
    string ApplicantName,
    string IdNumber,
    string UnitName,
    string TitleName,
    string Number,
    DateOnly IssuedOn,
    string CommitteeName,
    string VerificationUrl,
    bool? PhotoChecked)
{
    public string IssuedOnText => $"{IssuedOn:yyyy年M月d日}";

    public string PhotoText => PhotoChecked switch
    {
        true => "照片已核对（纸质材料接收时已收）",
        false => "照片未收（纸质材料接收时缺）",
        _ => "无纸质材料接收记录",
    };
}

public sealed record PrintLayoutView(decimal SheetWidthMm, decimal SheetHeightMm, IReadOnlyList<PrintPosition> Positions)
{
    public PrintPosition Of(PrintField field) => Positions.First(p => p.Field == field);
}

public sealed record CertificatePrint(int Year, PrintLayoutView Layout, IReadOnlyList<PrintedCertificate> Sheets);

/// <summary>The layout page (证书套打版式): the positions of the year's layout.</summary>
public sealed record GetPrintLayout(int? Year, WorkflowActor Actor);

public sealed record PrintLayoutPage(int Year, IReadOnlyList<int> Years, PrintLayoutView Layout);

public sealed record PrintPositionInput(PrintField Field, decimal? XMm, decimal? YMm, decimal? Size);

public sealed record SavePrintLayout(int Year, decimal? SheetWidthMm, decimal? SheetHeightMm, IReadOnlyList<PrintPositionInput> Positions, WorkflowActor Actor);

internal static class PrintLayouts
{
    /// <summary>The paper checklist's item for the photo (一寸免冠彩色近照, see <c>PaperChecklist</c>).</summary>
    public const int PhotoChecklistItem = 6;

    public static async Task<PrintLayoutView> OfAsync(IApplicationDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        var layout = await db.CertificatePrintLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.CampaignId == campaignId, cancellationToken)
            ?? CertificatePrintLayout.Default(campaignId);
        return new PrintLayoutView(layout.SheetWidthMm, layout.SheetHeightMm, [.. PrintFields.All.Select(layout.Of)]);
    }
}

internal sealed class GetCertificatePrintHandler(IApplicationDbContext db, ICurrentCampaign campaigns, ISiteLinks links) : IHandler<GetCertificatePrint, CertificatePrint>
{
    private static readonly PrintedCertificate SampleSheet = new(
        "张三", "520102199001011234", "贵州省某某单位", "政工师", "黔政工2023Z0001", new DateOnly(2023, 12, 25), CertificateCases.DefaultCommitteeName, string.Empty, null);

    public async Task<CertificatePrint> HandleAsync(GetCertificatePrint request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var layout = await PrintLayouts.OfAsync(db, campaign.Id, cancellationToken);
        if (request.Sample)
        {
            return new CertificatePrint(campaign.Year, layout, [SampleSheet with { VerificationUrl = links.Absolute("/Certificate") }]);
        }

        if (request.CertificateId is null && request.UnitId is null)
        {
            throw new NotFoundException("要打印的证书");
        }

        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.CampaignId == campaign.Id && c.Status == CertificateStatus.Valid
                && (request.CertificateId == null || c.Id == request.CertificateId)
                && (request.UnitId == null || c.UnitId == request.UnitId))
            .ToListAsync(cancellationToken);
        if (certificates.Count == 0)
        {
            throw new NotFoundException("要打印的有效证书");
        }

        var ids = certificates.Select(c => c.ApplicationId).ToList();
        var checkIns = await db.EnvelopeCheckIns.AsNoTracking().Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        var photo = checkIns
            .GroupBy(e => e.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.CheckedAt).First().Items.FirstOrDefault(i => i.Number == PrintLayouts.PhotoChecklistItem)?.IsReceived);
        var sheets = certificates
            .OrderByDescending(c => c.Level)
            .ThenBy(c => c.Sequence)
            .Select(c => new PrintedCertificate(
                c.ApplicantName, c.IdNumber, c.UnitName, c.TitleName, c.Number, c.IssuedOn, c.CommitteeName, links.Absolute($"/Certificate/{c.VerificationCode}"), photo.GetValueOrDefault(c.ApplicationId)))
            .ToList();
        return new CertificatePrint(campaign.Year, layout, sheets);
    }
}

internal sealed class GetPrintLayoutHandler(IApplicationDbContext db, ICurrentCampaign campaigns) : IHandler<GetPrintLayout, PrintLayoutPage>
{
    public async Task<PrintLayoutPage> HandleAsync(GetPrintLayout request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var (campaign, years) = await CertificateCases.CampaignAsync(campaigns, request.Year, cancellationToken);
        if (campaign is null)
        {
            throw new NotFoundException("评审年度");
        }

        return new PrintLayoutPage(campaign.Year, years, await PrintLayouts.OfAsync(db, campaign.Id, cancellationToken));
    }
}

internal sealed class SavePrintLayoutHandler(IApplicationDbContext db, ICurrentCampaign campaigns, TimeProvider clock) : IHandler<SavePrintLayout, Guid>
{
    public async Task<Guid> HandleAsync(SavePrintLayout request, CancellationToken cancellationToken = default)
    {
        CertificateCases.RequireOffice(request.Actor);
        var validation = new Validation()
            .Require(request.SheetWidthMm is > 0 and <= CertificatePrintLayout.MaxSheetMm, "sheetWidthMm", $"请填写纸张宽度（毫米，不超过 {CertificatePrintLayout.MaxSheetMm:0}）。")
            .Require(request.SheetHeightMm is > 0 and <= CertificatePrintLayout.MaxSheetMm, "sheetHeightMm", $"请填写纸张高度（毫米，不超过 {CertificatePrintLayout.MaxSheetMm:0}）。");
        foreach (var field in PrintFields.All)
        {
            var input = request.Positions.FirstOrDefault(p => p.Field == field);
            validation.Require(input is { XMm: not null, YMm: not null, Size: not null }, $"positions[{field}]", $"请填写“{PrintFields.DisplayName(field)}”的位置和大小。");
        }

        validation.ThrowIfInvalid();
        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var layout = await db.CertificatePrintLayouts.FirstOrDefaultAsync(l => l.CampaignId == campaign.Id, cancellationToken);
        if (layout is null)
        {
            layout = CertificatePrintLayout.Default(campaign.Id);
            db.CertificatePrintLayouts.Add(layout);
        }

        var positions = request.Positions.Select(p => new PrintPosition(p.Field, p.XMm!.Value, p.YMm!.Value, p.Size!.Value)).ToList();
        layout.Adjust(request.SheetWidthMm!.Value, request.SheetHeightMm!.Value, positions, clock.GetUtcNow(), request.Actor.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new ConcurrencyConflictException("版式刚刚已被他人修改，您的修改未保存。请刷新页面后再改。", ex);
        }

        return layout.Id;
    }
}
