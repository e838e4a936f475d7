using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>The year's certificates as a flat file for the national title query platform (全国职称信息查询平台), office only.</summary>
public sealed record ExportCertificates(int Year, WorkflowActor Actor);

/// <summary>One certificate as the platform files it: the full ID number, since the platform looks people up by it.</summary>
public sealed record CertificateExportRow(
    string Number, string Name, string IdNumber, string UnitName, string TitleName, string Grade, DateOnly IssuedOn, string CommitteeName, string StatusName);

internal sealed class ExportCertificatesHandler(IApplicationDbContext db, ICurrentCampaign campaigns) : IHandler<ExportCertificates, Spreadsheet<CertificateExportRow>>
{
    public static readonly SpreadsheetSpec<CertificateExportRow> Columns = new("证书", [
        new("证书编号", r => r.Number, Width: 22),
        new("姓名", r => r.Name, Width: 12),
        new("身份证号码", r => r.IdNumber, Width: 22),
        new("工作单位", r => r.UnitName, Width: 36),
        new("资格名称", r => r.TitleName, Width: 14),
        new("级别", r => r.Grade, Width: 10),
        new("发证日期", r => r.IssuedOn, CellFormat.Date, 14),
        new("评审委员会", r => r.CommitteeName, Width: 36),
        new("状态", r => r.StatusName, Width: 10),
    ]);

    public async Task<Spreadsheet<CertificateExportRow>> HandleAsync(ExportCertificates request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.CampaignId == campaign.Id)
            .Select(c => new { c.Number, c.ApplicantName, c.IdNumber, c.UnitName, c.TitleName, c.Level, c.Sequence, c.IssuedOn, c.CommitteeName, c.Status })
            .ToListAsync(cancellationToken);
        var lines = rows
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.Sequence)
            .Select(r => new CertificateExportRow(r.Number, r.ApplicantName, r.IdNumber, r.UnitName, r.TitleName, CertificateCases.Grade(r.Level), r.IssuedOn, r.CommitteeName, CertificateStatuses.DisplayName(r.Status)));
        return new Spreadsheet<CertificateExportRow>($"{campaign.Year}年度政工专业职务任职资格证书", Columns, lines.ToAsyncEnumerable());
    }
}
