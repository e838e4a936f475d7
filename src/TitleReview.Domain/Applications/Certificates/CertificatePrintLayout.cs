using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Certificates;

/// <summary>The fields printed onto the province's pre-printed certificate.</summary>
public enum PrintField
{
    Name = 1,
    IdNumber = 2,
    Unit = 3,
    Title = 4,
    Number = 5,
    IssuedOn = 6,
    Committee = 7,

    /// <summary>The verification QR code; its size is the square's edge in mm.</summary>
    QrCode = 8,
}

public static class PrintFields
{
    public static readonly IReadOnlyList<PrintField> All = Enum.GetValues<PrintField>();

    public static string DisplayName(PrintField field) => field switch
    {
        PrintField.Name => "姓名",
        PrintField.IdNumber => "身份证号码",
        PrintField.Unit => "工作单位",
        PrintField.Title => "资格名称",
        PrintField.Number => "证书编号",
        PrintField.IssuedOn => "发证日期",
        PrintField.Committee => "评审委员会",
        PrintField.QrCode => "核验二维码",
        _ => field.ToString(),
    };
}

/// <summary>Where one field is printed: from the sheet's top-left corner in mm, and its font size in pt (the QR code's edge in mm).</summary>
public sealed record PrintPosition(PrintField Field, decimal XMm, decimal YMm, decimal Size);

/// <summary>
/// 证书套打版式: where each field lands on the province's pre-printed certificate, per campaign.
/// The office adjusts the positions and test-prints on a blank sheet until the data sits in the
/// template's boxes; the print view reads them in mm.
/// </summary>
public sealed class CertificatePrintLayout : Entity
{
    public const decimal MaxSheetMm = 500m;
    public const decimal MinFontPt = 6m;
    public const decimal MaxFontPt = 48m;

    private readonly List<PrintPosition> _positions = [];

    private CertificatePrintLayout()
    {
        UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public decimal SheetWidthMm { get; private set; }

    public decimal SheetHeightMm { get; private set; }

    public IReadOnlyList<PrintPosition> Positions => _positions;

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    /// <summary>A starting point on an A4 landscape sheet until the office adjusts it to the province's template.</summary>
    public static IReadOnlyList<PrintPosition> DefaultPositions { get; } =
    [
        new(PrintField.Name, 40m, 50m, 16m),
        new(PrintField.IdNumber, 40m, 62m, 12m),
        new(PrintField.Unit, 40m, 74m, 12m),
        new(PrintField.Title, 40m, 86m, 14m),
        new(PrintField.Committee, 40m, 98m, 12m),
        new(PrintField.Number, 170m, 50m, 12m),
        new(PrintField.IssuedOn, 170m, 62m, 12m),
        new(PrintField.QrCode, 240m, 150m, 30m),
    ];

    public const decimal DefaultSheetWidthMm = 297m;
    public const decimal DefaultSheetHeightMm = 210m;

    public static CertificatePrintLayout Default(Guid campaignId) => new CertificatePrintLayout
    {
        Id = Guid.NewGuid(),
        CampaignId = campaignId,
        SheetWidthMm = DefaultSheetWidthMm,
        SheetHeightMm = DefaultSheetHeightMm,
        UpdatedBy = string.Empty,
    }.WithPositions(DefaultPositions);

    /// <summary>The position of a field (the default where the layout has none).</summary>
    public PrintPosition Of(PrintField field) =>
        _positions.FirstOrDefault(p => p.Field == field) ?? DefaultPositions.First(p => p.Field == field);

    /// <summary>Saves adjusted positions: every field inside the sheet, font sizes within reason.</summary>
    public void Adjust(decimal sheetWidthMm, decimal sheetHeightMm, IReadOnlyList<PrintPosition> positions, DateTimeOffset now, string by)
    {
        CheckRule(new PrintLayoutInsideTheSheetRule(sheetWidthMm, sheetHeightMm, positions));
        SheetWidthMm = sheetWidthMm;
        SheetHeightMm = sheetHeightMm;
        WithPositions(positions);
        UpdatedAt = now;
        UpdatedBy = by;
        ConcurrencyToken = Guid.NewGuid();
    }

    private CertificatePrintLayout WithPositions(IReadOnlyList<PrintPosition> positions)
    {
        _positions.Clear();
        _positions.AddRange(PrintFields.All.Select(f => positions.FirstOrDefault(p => p.Field == f) ?? DefaultPositions.First(p => p.Field == f)));
        return this;
    }
}

/// <summary>A field printed off the sheet, or in an unreadable or absurd size, would spoil a pre-printed certificate.</summary>
public sealed class PrintLayoutInsideTheSheetRule(decimal widthMm, decimal heightMm, IReadOnlyList<PrintPosition> positions) : IBusinessRule
{
    public bool IsBroken() =>
        widthMm is <= 0 or > CertificatePrintLayout.MaxSheetMm
        || heightMm is <= 0 or > CertificatePrintLayout.MaxSheetMm
        || positions.Any(p => p.XMm < 0 || p.YMm < 0 || p.XMm >= widthMm || p.YMm >= heightMm
            || (p.Field == PrintField.QrCode ? p.Size <= 0 || p.XMm + p.Size > widthMm || p.YMm + p.Size > heightMm : p.Size < CertificatePrintLayout.MinFontPt || p.Size > CertificatePrintLayout.MaxFontPt));

    public string Message =>
        $"版式超出纸张范围：纸张宽、高须在 0～{CertificatePrintLayout.MaxSheetMm:0} 毫米之间，各项位置须在纸张内，字号须在 {CertificatePrintLayout.MinFontPt:0}～{CertificatePrintLayout.MaxFontPt:0} 磅之间，二维码须整体在纸张内。";
}
