using System.Globalization;
using System.Net;
using System.Text;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Common.Spreadsheets;

namespace TitleReview.Web.Hosting;

/// <summary>
/// A publicity as plain markup for the 文明网 column: a table with the columns the public page
/// and the Excel file have, no script, no class, no site style.
/// </summary>
public static class PublicityFragment
{
    public static string Of(string title, string periodText, SpreadsheetSpec<PublicityLine> columns, IReadOnlyList<PublicityLine> lines)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(lines);
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        static string Cell(object? value) => E(Convert.ToString(value, CultureInfo.InvariantCulture));
        var html = new StringBuilder();
        html.AppendLine("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
        html.AppendLine($"<caption>{E(title)}<br>{E(periodText)}</caption>");
        html.AppendLine($"<thead><tr>{string.Concat(columns.Columns.Select(c => $"<th>{E(c.Header)}</th>"))}</tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var line in lines)
        {
            html.AppendLine($"<tr>{string.Concat(columns.Columns.Select(c => $"<td>{Cell(c.Value(line))}</td>"))}</tr>");
        }

        html.AppendLine("</tbody>");
        html.Append("</table>");
        return html.ToString();
    }
}
