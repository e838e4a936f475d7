using System.Globalization;
using TitleReview.Application.Common;
using TitleReview.Domain.Fees;

namespace TitleReview.Application.Fees.ImportStatement;

/// <summary>
/// Turns a bank statement table into rows: finds the date, payer, amount and remark columns by
/// their headers as banks write them (交易日期, 付款人, 金额, 摘要, and their variants) and reads
/// every row, reporting each bad row by its number. Nothing is returned unless every row is good.
/// </summary>
internal static class StatementParser
{
    public const int MaxRows = 5000;

    private static readonly string[] DateHeaders = ["交易日期", "日期", "入账日期", "记账日期", "交易时间", "到账日期", "date"];
    private static readonly string[] PayerHeaders = ["付款人", "付款人名称", "付款户名", "付款方", "付款方户名", "付款账户名", "对方户名", "对方账户名称", "对方名称", "汇款人", "payer"];
    private static readonly string[] AmountHeaders = ["金额", "交易金额", "收入金额", "贷方金额", "收入", "入账金额", "amount"];
    private static readonly string[] RemarkHeaders = ["摘要", "附言", "备注", "用途", "交易附言", "remark"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm"];

    public static IReadOnlyList<StatementLine> Parse(StatementTable table)
    {
        var headers = table.Headers.Select(h => Normalize(h)).ToList();
        int Find(string[] names) => headers.FindIndex(h => names.Any(n => string.Equals(h, Normalize(n), StringComparison.OrdinalIgnoreCase)));
        var (date, payer, amount, remark) = (Find(DateHeaders), Find(PayerHeaders), Find(AmountHeaders), Find(RemarkHeaders));

        var missing = new List<string>();
        if (date < 0) { missing.Add("交易日期"); }
        if (payer < 0) { missing.Add("付款人"); }
        if (amount < 0) { missing.Add("金额"); }
        if (missing.Count > 0)
        {
            var found = table.Headers.Count == 0 ? "（无表头）" : string.Join("、", table.Headers.Where(h => !string.IsNullOrWhiteSpace(h)));
            throw new Common.Exceptions.ValidationException("file", $"银行流水缺少列：{string.Join("、", missing)}。第一行应为表头（交易日期、付款人、金额、摘要），文件的表头为：{found}。");
        }

        var rows = table.Rows.Select((cells, i) => (Cells: cells, LineNumber: i + 2)).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        var validation = new Validation();
        if (rows.Count == 0)
        {
            validation.Add("file", "银行流水中没有数据行。");
        }

        if (rows.Count > MaxRows)
        {
            validation.Add("file", $"银行流水超过 {MaxRows} 行，请按缴费期筛选后再导入。");
        }

        validation.ThrowIfInvalid();

        var lines = new List<StatementLine>();
        foreach (var (cells, lineNumber) in rows)
        {
            string? Cell(int index) => index >= 0 && index < cells.Count ? cells[index]?.Trim() : null;
            var problems = new List<string>();
            var dateText = Cell(date);
            var parsedDate = ReadDate(dateText);
            if (parsedDate is null)
            {
                problems.Add(string.IsNullOrEmpty(dateText) ? "缺少交易日期" : $"交易日期“{dateText}”无法识别");
            }

            var payerText = Cell(payer);
            if (string.IsNullOrEmpty(payerText))
            {
                problems.Add("缺少付款人");
            }
            else if (payerText.Length > StatementRow.MaxPayerLength)
            {
                problems.Add($"付款人超过 {StatementRow.MaxPayerLength} 个字");
            }

            var amountText = Cell(amount);
            var parsedAmount = ReadAmount(amountText);
            if (parsedAmount is not { } money || new MoneyAmountInRangeRule(money, "金额").IsBroken())
            {
                problems.Add(string.IsNullOrEmpty(amountText) ? "缺少金额" : $"金额“{amountText}”不是大于 0 且最多两位小数的金额");
            }

            var remarkText = Cell(remark);
            if (remarkText is { Length: > StatementRow.MaxRemarkLength })
            {
                problems.Add($"摘要超过 {StatementRow.MaxRemarkLength} 个字");
            }

            if (problems.Count > 0)
            {
                validation.Add("file", $"第 {lineNumber} 行：{string.Join("，", problems)}。");
                continue;
            }

            lines.Add(new StatementLine(lineNumber, parsedDate!.Value, payerText!, parsedAmount!.Value, string.IsNullOrEmpty(remarkText) ? null : remarkText));
        }

        validation.ThrowIfInvalid();
        return lines;
    }

    private static string Normalize(string? header) =>
        string.Concat((header ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '*' && c != '\uFEFF'))
            .Replace("（元）", string.Empty, StringComparison.Ordinal)
            .Replace("(元)", string.Empty, StringComparison.Ordinal);

    private static DateOnly? ReadDate(string? text) =>
        text is not null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value)
            ? DateOnly.FromDateTime(value)
            : null;

    private static decimal? ReadAmount(string? text)
    {
        var cleaned = text?.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal).Replace("¥", string.Empty, StringComparison.Ordinal).Replace("￥", string.Empty, StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
