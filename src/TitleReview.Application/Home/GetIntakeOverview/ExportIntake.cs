using TitleReview.Application.Applications.Intake;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Applications;

namespace TitleReview.Application.Home.GetIntakeOverview;

/// <summary>For the office: the year's paper check-in and review fee, one row per unit.</summary>
public sealed record ExportIntakeByUnit(int Year);

/// <summary>For the office: the year's paper check-in, one row per person, with the unit's review fee status.</summary>
public sealed record ExportIntakeByPerson(int Year);

/// <summary>One person of the per-person sheet: the person's envelope and the unit it came with.</summary>
public sealed record PersonIntakeRow(UnitIntake Unit, PersonPaperStatus Person);

/// <remarks>
/// The rows are those of <see cref="GetIntakeOverview"/>: the page and its sheets say the same, and
/// the overview is already per unit in memory (a year holds hundreds of units, not the tens of
/// thousands ADR 0033's streaming is for).
/// </remarks>
internal sealed class ExportIntakeHandler(IHandler<GetIntakeOverview, IntakeOverview> overview)
    : IHandler<ExportIntakeByUnit, Spreadsheet<UnitIntake>>, IHandler<ExportIntakeByPerson, Spreadsheet<PersonIntakeRow>>
{
    public static readonly SpreadsheetSpec<UnitIntake> UnitColumns = new("各单位接收与缴费",
    [
        new("单位", u => u.UnitName, Width: 36),
        new("地区", u => u.Region, Width: 10),
        new("报送人数", u => u.Paper.Submitted, CellFormat.Integer, Width: 10),
        new("待接收", u => u.Paper.Awaiting, CellFormat.Integer, Width: 10),
        new("已接收（齐全）", u => u.Paper.Received, CellFormat.Integer, Width: 14),
        new("材料不全", u => u.Paper.Incomplete, CellFormat.Integer, Width: 10),
        new("缺少或有误的材料（项）", u => u.MissingItems, CellFormat.Integer, Width: 20),
        new("未报送", u => u.Paper.NotDelivered, CellFormat.Integer, Width: 10),
        new("开始接收时间（北京时间）", u => u.Paper.DeliveryOpenedAt, CellFormat.BeijingDateTime, Width: 22),
        new("例外接收截止（北京时间）", u => u.Paper.ExceptionUntil, CellFormat.BeijingDateTime, Width: 22),
        new("例外原因", u => u.Paper.ExceptionReason, Width: 24),
        new("应缴金额（元）", u => u.Payment?.AmountDue, CellFormat.Money, Width: 14),
        new("未设收费标准的级别", u => u.Payment is null ? null : string.Join("、", u.Payment.LevelsWithoutFee.Select(TitleLevels.DisplayName)), Width: 20),
        new("实收金额（元）", u => u.Payment?.AmountReceived, CellFormat.Money, Width: 14),
        new("缴费状态", u => u.PaymentStatus, Width: 16),
    ]);

    public static readonly SpreadsheetSpec<PersonIntakeRow> PersonColumns = new("申报人纸质材料",
    [
        new("单位", r => r.Unit.UnitName, Width: 36),
        new("申报人", r => r.Person.Name, Width: 12),
        new("申报资格", r => TitleLevels.DisplayName(r.Person.Level), Width: 22),
        new("状态", r => r.Person.StateName, Width: 22),
        new("纸质材料", r => r.Person.StatusName, Width: 22),
        new("缺少或有误的材料（项）", r => r.Person.MissingItems, CellFormat.Integer, Width: 20),
        new("缺少或有误的材料", r => r.Person.Shortfall, Width: 48),
        new("单位缴费状态", r => r.Unit.PaymentStatus, Width: 16),
    ]);

    public async Task<Spreadsheet<UnitIntake>> HandleAsync(ExportIntakeByUnit request, CancellationToken cancellationToken = default)
    {
        var units = (await overview.HandleAsync(new GetIntakeOverview(request.Year), cancellationToken)).Units;
        return new Spreadsheet<UnitIntake>($"{request.Year}年度各单位纸质材料接收与评审费", UnitColumns, units.ToAsyncEnumerable());
    }

    public async Task<Spreadsheet<PersonIntakeRow>> HandleAsync(ExportIntakeByPerson request, CancellationToken cancellationToken = default)
    {
        var units = (await overview.HandleAsync(new GetIntakeOverview(request.Year), cancellationToken)).Units;
        var rows = units.SelectMany(u => u.People.Select(p => new PersonIntakeRow(u, p)));
        return new Spreadsheet<PersonIntakeRow>($"{request.Year}年度申报人纸质材料接收情况", PersonColumns, rows.ToAsyncEnumerable());
    }
}
