using System.Globalization;
using System.Text;
using MiniExcelLibs;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Fees.ImportStatement;

namespace TitleReview.Infrastructure.Fees;

/// <summary>
/// Reads a bank statement with MiniExcel (xlsx and csv alike), the first row as the header. Cells
/// come back as text: an Excel date as yyyy-MM-dd, an Excel number as its exact decimal. A CSV that
/// is not UTF-8 is read as GB18030, the encoding Chinese online banks export in.
/// </summary>
internal sealed class MiniExcelStatementReader : IStatementFileReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)
        ?? throw new InvalidOperationException("The GB18030 code page is not available.");

    public StatementTable Read(Stream content, StatementFileKind kind)
    {
        try
        {
            var type = kind == StatementFileKind.Xlsx ? ExcelType.XLSX : ExcelType.CSV;
            var rows = MiniExcel.Query(kind == StatementFileKind.Csv ? AsUtf8(content) : content, useHeaderRow: false, excelType: type)
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.Values.Select(Text).ToList())
                .ToList();
            if (rows.Count == 0)
            {
                throw new ValidationException("file", "银行流水文件为空，请重新选择。");
            }

            var headers = rows[0].Select(h => h ?? string.Empty).ToList();
            return new StatementTable(headers, rows.Skip(1).Select(r => (IReadOnlyList<string?>)r).ToList());
        }
        catch (ValidationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            var what = kind == StatementFileKind.Xlsx ? "Excel（.xlsx）" : "CSV";
            throw new ValidationException("file", $"无法按{what}格式读取该文件，请确认是从网银导出的银行流水，且未加密。");
        }
    }

    private static MemoryStream AsUtf8(Stream content)
    {
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        var bytes = copy.ToArray();
        try
        {
            StrictUtf8.GetString(bytes);
            return new MemoryStream(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(Gb18030.GetString(bytes)));
        }
    }

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        float number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
