using System.Globalization;
using System.Runtime.CompilerServices;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using TitleReview.Application.Common.Spreadsheets;

namespace TitleReview.Infrastructure.Spreadsheets;

/// <summary>
/// Writes .xlsx with MiniExcel, pulling one row at a time from the query and turning it into
/// cells as it goes. MiniExcel opens its zip in update mode, so the output must be seekable
/// (ADR 0033): the web helper gives it a temporary file, never a memory buffer.
/// </summary>
internal sealed class MiniExcelSpreadsheetWriter : ISpreadsheetWriter
{
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => ".xlsx";

    public async Task<int> WriteAsync<TRow>(Stream output, SpreadsheetSpec<TRow> spec, IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken = default)
    {
        var keys = spec.Columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"c{i}")).ToArray();
        var configuration = new OpenXmlConfiguration
        {
            // Auto width measures every cell before writing; the spec's widths say it up front.
            EnableAutoWidth = false,
            FreezeRowCount = 1,
            Culture = CultureInfo.InvariantCulture,
            DynamicColumns = spec.Columns
                .Select((column, i) => new DynamicExcelColumn(keys[i]) { Name = column.Header, Width = column.Width, Format = SpreadsheetCells.NumberFormat(column.Format) })
                .ToArray(),
        };
        var counter = new RowCounter();
        await MiniExcel.SaveAsAsync(output, Cells(spec, keys, rows, counter, cancellationToken), printHeader: true, sheetName: spec.SheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
        return counter.Count;
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Cells<TRow>(
        SpreadsheetSpec<TRow> spec, string[] keys, IAsyncEnumerable<TRow> rows, RowCounter counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var cells = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                var column = spec.Columns[i];
                cells[keys[i]] = SpreadsheetCells.Value(column.Format, column.Value(row));
            }

            counter.Count++;
            yield return cells;
        }
    }

    private sealed class RowCounter
    {
        public int Count { get; set; }
    }
}
