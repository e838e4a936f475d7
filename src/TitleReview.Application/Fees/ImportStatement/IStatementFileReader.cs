namespace TitleReview.Application.Fees.ImportStatement;

public enum StatementFileKind
{
    Xlsx = 1,
    Csv = 2,
}

/// <summary>A spreadsheet's first sheet as text: its header row and its data rows, each cell as written (dates as yyyy-MM-dd, numbers invariant).</summary>
/// <param name="Rows">Data rows in file order; row i is the file's row i + 2.</param>
public sealed record StatementTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Reads a bank statement export (Excel or CSV) into a table, streaming.</summary>
public interface IStatementFileReader
{
    /// <exception cref="Common.Exceptions.ValidationException">The file cannot be read as that kind (field <c>file</c>).</exception>
    StatementTable Read(Stream content, StatementFileKind kind);
}
