using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Security;

namespace TitleReview.Application.Security.Audit;

/// <summary>Walks the audit chain in the database (ADR 0053). A read: anyone who may read the log may verify it.</summary>
/// <param name="BatchSize">Rows read per query; memory holds one batch, whatever the chain's length.</param>
public sealed record VerifyAuditTrail(int BatchSize = VerifyAuditTrail.DefaultBatchSize)
{
    public const int DefaultBatchSize = 1000;
}

/// <param name="FirstSequence">Where the walk began: the row after the last archived one.</param>
/// <param name="Batches">How many queries read the rows (the test of constant memory counts them).</param>
public sealed record AuditVerification(
    bool Intact,
    long RowsChecked,
    int Batches,
    long FirstSequence,
    long LastSequence,
    long? BrokenSequence,
    string? Problem,
    DateTimeOffset VerifiedAt)
{
    /// <summary>The result in a sentence, in Chinese.</summary>
    public string Message => Intact
        ? RowsChecked == 0 ? "审计记录链完整（尚无记录）。" : $"审计记录链完整：第 {FirstSequence} 至 {LastSequence} 条，共 {RowsChecked} 条，内容与链接均未被改动。"
        : $"审计记录链已被破坏：第 {BrokenSequence} 条记录：{Problem}";
}

internal sealed class VerifyAuditTrailHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<VerifyAuditTrail, AuditVerification>
{
    public async Task<AuditVerification> HandleAsync(VerifyAuditTrail request, CancellationToken cancellationToken = default)
    {
        var batchSize = Math.Clamp(request.BatchSize, 1, 10_000);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var verifier = new AuditChainVerifier(head.ArchivedThroughSequence, head.ArchivedThroughHash);
        var first = head.ArchivedThroughSequence + 1;
        var after = head.ArchivedThroughSequence;
        var batches = 0;

        // Keyset paging on the unique sequence: each batch starts after the last row read, so
        // every batch costs the same and nothing of an earlier batch is held.
        while (verifier.IsIntact)
        {
            var last = after;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > last && e.Sequence <= head.LastSequence)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            batches++;
            foreach (var entry in batch)
            {
                if (!verifier.Check(entry))
                {
                    break;
                }
            }

            if (batch.Count < batchSize)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        verifier.Finish(head.LastSequence, head.LastHash);
        return new AuditVerification(
            verifier.IsIntact,
            verifier.RowsChecked,
            batches,
            first,
            verifier.LastSequence,
            verifier.Break?.Sequence,
            verifier.Break?.Problem,
            clock.GetUtcNow());
    }
}
