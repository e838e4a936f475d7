using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Common;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Units.Queries;

/// <summary>For the office and the inspector: the year's unit registrations with their auditors, mobiles masked.</summary>
public sealed record ExportUnitAuditors(int Year, WorkflowActor Actor);

/// <param name="MaskedAuditorMobile">The auditor's mobile with its middle hidden: a list handed around needs no full number.</param>
public sealed record UnitAuditorRow(
    string Number,
    string UnitName,
    string CreditCode,
    UnitNature Nature,
    string Region,
    string SupervisingDepartment,
    string AuditorName,
    string MaskedAuditorMobile,
    string StateName,
    DateTimeOffset SubmittedAt);

internal sealed class ExportUnitAuditorsHandler(IApplicationDbContext db, IWorkflowDefinitions definitions)
    : IHandler<ExportUnitAuditors, Spreadsheet<UnitAuditorRow>>
{
    public static readonly SpreadsheetSpec<UnitAuditorRow> Columns = new("单位及审核人",
    [
        new("登记编号", r => r.Number, Width: 14),
        new("单位名称", r => r.UnitName, Width: 36),
        new("统一社会信用代码", r => r.CreditCode, Width: 22),
        new("单位性质", r => UnitNatures.DisplayName(r.Nature), Width: 14),
        new("地区", r => r.Region, Width: 10),
        new("主管部门", r => r.SupervisingDepartment, Width: 24),
        new("审核人", r => r.AuditorName, Width: 12),
        new("审核人手机", r => r.MaskedAuditorMobile, Width: 14),
        new("登记状态", r => r.StateName, Width: 20),
        new("登记时间（北京时间）", r => r.SubmittedAt, CellFormat.BeijingDateTime, Width: 20),
    ]);

    public Task<Spreadsheet<UnitAuditorRow>> HandleAsync(ExportUnitAuditors request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        return Task.FromResult(new Spreadsheet<UnitAuditorRow>($"{request.Year}年度申报单位及单位审核人", Columns, RowsAsync(request.Year, cancellationToken)));
    }

    /// <remarks>One query, read as the sheet is written; a year without a campaign gives an empty sheet.</remarks>
    private async IAsyncEnumerable<UnitAuditorRow> RowsAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (
                from registration in db.UnitRegistrations.AsNoTracking()
                join campaign in db.Campaigns.AsNoTracking() on registration.CampaignId equals campaign.Id
                join instance in db.WorkflowInstances.AsNoTracking() on registration.Id equals instance.SubjectId
                where campaign.Year == year && instance.SubjectType == UnitRegistrationWorkflow.SubjectType
                orderby registration.Number
                select new
                {
                    registration.Number,
                    registration.UnitName,
                    registration.CreditCode,
                    registration.Nature,
                    registration.Region,
                    registration.SupervisingDepartment,
                    registration.AuditorName,
                    registration.AuditorMobile,
                    registration.SubmittedAt,
                    instance.DefinitionId,
                    instance.DefinitionVersion,
                    instance.State,
                })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new UnitAuditorRow(
                r.Number,
                r.UnitName,
                r.CreditCode,
                r.Nature,
                r.Region,
                r.SupervisingDepartment,
                r.AuditorName,
                MobileNumber.Mask(r.AuditorMobile),
                definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                r.SubmittedAt);
        }
    }
}
