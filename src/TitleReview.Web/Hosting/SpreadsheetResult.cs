using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TitleReview.Application.Common.Spreadsheets;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Sends a spreadsheet as a download: rows are read from the query as the writer writes them to a
/// temporary file (MiniExcel needs a seekable stream, ADR 0033), which is then copied to the
/// response and deleted. The file name is Chinese (RFC 6266 <c>filename*</c>, with an ASCII
/// fallback), and the sheet holds personal data, so nothing may cache it.
/// </summary>
public sealed class SpreadsheetResult<TRow>(Spreadsheet<TRow> spreadsheet) : IActionResult
{
    private const int BufferSize = 81920;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var writer = http.RequestServices.GetRequiredService<ISpreadsheetWriter>();
        var path = Path.Combine(Path.GetTempPath(), $"titlereview-{Guid.NewGuid():N}{writer.Extension}");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await writer.WriteAsync(file, spreadsheet.Spec, spreadsheet.Rows, http.RequestAborted);
        file.Position = 0;

        var response = http.Response;
        response.ContentType = writer.ContentType;
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = ContentDisposition(spreadsheet.FileName + writer.Extension);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.Pragma = "no-cache";
        await file.CopyToAsync(response.Body, BufferSize, http.RequestAborted);
    }

    /// <summary><c>attachment; filename="export.xlsx"; filename*=UTF-8''…</c>: browsers that read filename* show the Chinese name.</summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = new string(fileName.Where(c => c < 128 && c != '"' && c != '\\' && !char.IsControl(c)).ToArray());
        var fallback = Path.GetFileNameWithoutExtension(ascii).Trim('-', ' ', '_').Length == 0 ? "export" + Path.GetExtension(fileName) : ascii;
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        header.FileName = $"\"{fallback}\"";
        return header.ToString();
    }
}
