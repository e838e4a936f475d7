using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Files;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Fees.ImportStatement;

/// <summary>
/// The office imports the bank statement (an Excel or CSV export: date, payer, amount, remark).
/// Rows already imported (by fingerprint) are skipped; each new row that exactly one unit's recorded
/// transfer fits is counted for that unit, and the unit found paid, short or overpaid; the others
/// wait for the office's decision. All of it or none of it is kept.
/// </summary>
public sealed record ImportStatement(Guid CampaignId, Stream Content, string? FileName, WorkflowActor Actor);

/// <param name="Rows">Data rows in the file.</param>
/// <param name="AlreadyImported">Rows imported before (same statement, or an overlapping one): skipped.</param>
/// <param name="Matched">New rows counted for a unit.</param>
/// <param name="Pending">New rows left for the office's decision.</param>
public sealed record StatementImported(int Rows, int AlreadyImported, int Matched, int Pending);

internal sealed class ImportStatementHandler(
    IApplicationDbContext db,
    IStatementFileReader reader,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    TimeProvider clock) : IHandler<ImportStatement, StatementImported>
{
    /// <summary>
    /// A year's statement is a few hundred rows; the limit is the statement's own, not the scans'
    /// (a site may set scans small), and keeps a wrong file from being read into memory whole.
    /// </summary>
    public const long MaxStatementBytes = 10 * 1024 * 1024;

    public async Task<StatementImported> HandleAsync(ImportStatement request, CancellationToken cancellationToken = default)
    {
        Reconciliation.EnsureOffice(request.Actor);
        var kind = Path.GetExtension(request.FileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".xlsx" => StatementFileKind.Xlsx,
            ".csv" => StatementFileKind.Csv,
            _ => throw new ValidationException("file", "请选择银行流水文件：Excel（.xlsx）或 CSV（.csv）。"),
        };

        var lines = StatementParser.Parse(reader.Read(await BufferAsync(request.Content, MaxStatementBytes, cancellationToken), kind));
        var campaign = await FeesWorkflow.CampaignAsync(db, request.CampaignId, cancellationToken);
        var fingerprints = StatementLine.Fingerprints(lines);
        var known = (await db.StatementRows.AsNoTracking()
                .Where(r => r.CampaignId == campaign.Id && fingerprints.Contains(r.Fingerprint))
                .Select(r => r.Fingerprint)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = lines.Zip(fingerprints).Where(p => !known.Contains(p.Second)).ToList();
        var now = clock.GetUtcNow();
        var rows = fresh.Select(p => StatementRow.Import(campaign.Id, p.First, p.Second, request.Actor.Id, now)).ToList();
        db.StatementRows.AddRange(rows);

        var open = await Reconciliation.OpenPaymentsAsync(db, definitions, campaign, cancellationToken);
        var matches = StatementMatcher.Match(fresh.Select(p => p.First).ToList(), open.Select(o => o.Candidate).ToList());
        var byPayment = open.ToDictionary(o => o.Candidate.UnitPaymentId);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var matched = 0;
        foreach (var (match, row) in matches.Zip(rows))
        {
            // A unit whose amount due is not known yet (a fee not set) cannot be found paid or short: the row waits.
            if (match.Kind != StatementMatchKind.Matched || byPayment[match.Candidates[0]].Due is not { } due)
            {
                continue;
            }

            var (payment, instance) = await FeesWorkflow.LoadTrackedAsync(db, match.Candidates[0], cancellationToken);
            var outcome = payment.Count(row, due, note: null, now);
            await engine.PerformAsync(
                new PerformRequest(instance.Id, FeesWorkflow.OperationFor(outcome), request.Actor, $"导入银行流水第 {row.LineNumber} 行（{row.Date:yyyy-MM-dd}，{row.Payer}，{row.Amount:0.00} 元）：{payment.OutcomeNote}")
                {
                    Facts = new WorkflowFacts(campaign),
                },
                cancellationToken);
            matched++;
        }

        await transaction.CommitAsync(cancellationToken);
        return new StatementImported(lines.Count, lines.Count - fresh.Count, matched, fresh.Count - matched);
    }

    /// <summary>The file in memory, refused beyond the upload limit: MiniExcel needs to seek in an xlsx.</summary>
    private static async Task<MemoryStream> BufferAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw UploadRejectedException.TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new ValidationException("file", "银行流水文件为空，请重新选择。");
        }

        buffer.Position = 0;
        return buffer;
    }
}
