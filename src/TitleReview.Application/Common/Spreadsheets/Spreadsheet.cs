using TitleReview.Domain.Time;

namespace TitleReview.Application.Common.Spreadsheets;

/// <summary>How a column's values are written: each kind as Excel shows and sorts it.</summary>
public enum CellFormat
{
    Text,
    Integer,

    /// <summary>Yuan with two decimals.</summary>
    Money,

    /// <summary>An instant (stored UTC) shown in Beijing time.</summary>
    BeijingDateTime,

    Date,

    /// <summary>是 / 否.</summary>
    YesNo,
}

/// <summary>One column: its Chinese header, how a row gives its value, and how the value is written.</summary>
public sealed record SpreadsheetColumn<TRow>(string Header, Func<TRow, object?> Value, CellFormat Format = CellFormat.Text, double Width = 16);

/// <summary>
/// The sheet's name and columns, in order. A later stage adds its columns with <see cref="With"/>
/// (the office's check-in and payment columns) without touching the query that gives the rows.
/// </summary>
public sealed class SpreadsheetSpec<TRow>
{
    public SpreadsheetSpec(string sheetName, IEnumerable<SpreadsheetColumn<TRow>> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        SheetName = sheetName;
        Columns = [.. columns];
        if (Columns.Count == 0 || Columns.Select(c => c.Header).Distinct(StringComparer.Ordinal).Count() != Columns.Count)
        {
            throw new ArgumentException("A sheet needs at least one column and distinct headers.", nameof(columns));
        }
    }

    public string SheetName { get; }

    public IReadOnlyList<SpreadsheetColumn<TRow>> Columns { get; }

    public SpreadsheetSpec<TRow> With(params SpreadsheetColumn<TRow>[] more) => new(SheetName, [.. Columns, .. more]);
}

/// <summary>
/// A spreadsheet a query hands to the page: its file name, its columns, and its rows, which are
/// read as they are written (never listed whole in memory).
/// </summary>
public sealed record Spreadsheet<TRow>(string FileName, SpreadsheetSpec<TRow> Spec, IAsyncEnumerable<TRow> Rows);

/// <summary>Writes a spreadsheet (.xlsx) row by row as the rows arrive.</summary>
public interface ISpreadsheetWriter
{
    /// <summary>The content type of what <see cref="WriteAsync"/> writes.</summary>
    string ContentType { get; }

    /// <summary>The file name's extension, with its dot.</summary>
    string Extension { get; }

    /// <summary>Writes the header row and then each row as <paramref name="rows"/> gives it. Returns the number of rows.</summary>
    Task<int> WriteAsync<TRow>(Stream output, SpreadsheetSpec<TRow> spec, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken = default);
}

/// <summary>The value a cell holds for each format, so that every writer writes the same.</summary>
public static class SpreadsheetCells
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public const string DateFormat = "yyyy-MM-dd";

    public const string MoneyFormat = "0.00";

    /// <summary>The Excel number format of a column, or null for the default.</summary>
    public static string? NumberFormat(CellFormat format) => format switch
    {
        CellFormat.BeijingDateTime => DateTimeFormat,
        CellFormat.Date => DateFormat,
        CellFormat.Money => MoneyFormat,
        _ => null,
    };

    public static object? Value(CellFormat format, object? value) => value switch
    {
        null => null,
        _ => format switch
        {
            CellFormat.BeijingDateTime => value is DateTimeOffset instant
                ? BeijingTime.ToBeijing(instant).DateTime
                : throw Mismatch(format, value),
            CellFormat.Date => value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : throw Mismatch(format, value),
            CellFormat.Integer => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            CellFormat.Money => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
            CellFormat.YesNo => value is bool yes ? (yes ? "是" : "否") : throw Mismatch(format, value),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static ArgumentException Mismatch(CellFormat format, object value) =>
        new($"A {format} column cannot hold a {value.GetType().Name}.", nameof(value));
}
