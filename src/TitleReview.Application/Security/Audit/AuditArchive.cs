using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Security.Audit;

/// <summary>Where archive files are written and read (Infrastructure: the data folder, or a path given on the command line).</summary>
public interface IAuditArchiveFiles
{
    /// <summary>A new file: at <paramref name="requestedPath"/>, or in the archive folder under a name of the date.</summary>
    (Stream Stream, string Path) Create(string? requestedPath, DateTimeOffset now);

    Stream Open(string path);
}

/// <summary>
/// The office moves audit rows written before <paramref name="Before"/> (a Beijing day at least 180
/// days ago) to an archive file that verifies as the database does (ADR 0053). The rows are written
/// and checked first; only then are they deleted, and the database keeps the last archived row's
/// sequence and hash, from which the rest of the chain verifies.
/// </summary>
public sealed record ArchiveAuditTrail(DateOnly? Before, WorkflowActor Actor, string? ToPath = null);

public sealed record AuditArchived(long FromSequence, long ThroughSequence, long Rows, string Path);

/// <summary>Verifies an archive file: its rows, their links, and that it ends where its last line says.</summary>
public sealed record VerifyAuditArchive(string Path);

internal sealed class ArchiveAuditTrailHandler(IApplicationDbContext db, IAuditArchiveFiles files, TimeProvider clock)
    : IHandler<ArchiveAuditTrail, AuditArchived>
{
    private const int BatchSize = 1000;

    public async Task<AuditArchived> HandleAsync(ArchiveAuditTrail request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.IsSystem && !request.Actor.HasAnyRole([Roles.Office]))
        {
            throw new ForbiddenAccessException("只有省政工职评办可以归档审计记录。");
        }

        var validation = new Validation();
        validation.Require(request.Before is not null, "before", "请填写归档截止日期。");
        validation.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var before = BeijingTime.StartOfDay(request.Before!.Value);
        var rule = new AuditRowsMustBeOldEnoughToArchive(before, now);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var verifier = new AuditChainVerifier(head.ArchivedThroughSequence, head.ArchivedThroughHash);
        var (stream, path) = files.Create(request.ToPath, now);
        long rows;
        await using (stream)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await AuditArchiveFormat.WriteHeaderAsync(writer, head.ArchivedThroughSequence, head.ArchivedThroughHash);
            var after = head.ArchivedThroughSequence;
            var done = false;
            while (!done)
            {
                var last = after;
                var batch = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Sequence > last && e.Sequence <= head.LastSequence)
                    .OrderBy(e => e.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                foreach (var entry in batch)
                {
                    // The chain stays contiguous: archiving stops at the first row that is too young.
                    if (entry.OccurredAt >= before)
                    {
                        done = true;
                        break;
                    }

                    if (!verifier.Check(entry))
                    {
                        throw new DomainException($"审计记录链已被破坏，不能归档：{verifier.Break!.Message}");
                    }

                    await AuditArchiveFormat.WriteRowAsync(writer, entry);
                }

                done |= batch.Count < BatchSize;
                if (batch.Count > 0)
                {
                    after = batch[^1].Sequence;
                }
            }

            rows = verifier.RowsChecked;
            await AuditArchiveFormat.WriteFooterAsync(writer, verifier.LastSequence, verifier.LastHash);
            await writer.FlushAsync(cancellationToken);
        }

        if (rows == 0)
        {
            throw new DomainException($"{BeijingTime.Format(before)} 之前没有尚未归档的审计记录。");
        }

        // Written and flushed: now the rows leave the database, with the checkpoint, at once.
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            var from = head.ArchivedThroughSequence;
            var through = verifier.LastSequence;
            var hash = verifier.LastHash;
            await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.ArchivedThroughSequence, through).SetProperty(h => h.ArchivedThroughHash, hash), cancellationToken);
            await db.AuditEntries.Where(e => e.Sequence > from && e.Sequence <= through).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new AuditArchived(head.ArchivedThroughSequence + 1, verifier.LastSequence, rows, path);
    }
}

internal sealed class VerifyAuditArchiveHandler(IAuditArchiveFiles files, TimeProvider clock) : IHandler<VerifyAuditArchive, AuditVerification>
{
    public async Task<AuditVerification> HandleAsync(VerifyAuditArchive request, CancellationToken cancellationToken = default)
    {
        await using var stream = files.Open(request.Path);
        return await AuditArchiveFormat.VerifyAsync(stream, clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>
/// An archive file is JSON lines: a header with the checkpoint it follows, one line per row with
/// every stored field (the time as UTC ticks), and a footer with its last sequence and hash.
/// </summary>
public static class AuditArchiveFormat
{
    public const string FormatName = "titlereview-audit-archive/1";

    /// <summary>Chinese stays readable in the file (it is read by people as well as verified).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Header(string Format, long AfterSequence, string AfterHash);

    private sealed record Footer(bool End, long ThroughSequence, string ThroughHash);

    private sealed record Row(
        long Sequence, long OccurredAtTicks, string Actor, string? UserId, string? ActorName, string? Role, string? Unit,
        string Action, string Operation, string OperationName, string? SubjectKind, string? SubjectId, string? SubjectPerson,
        bool Succeeded, string Outcome, string? RemoteAddress, string? UserAgent, string? Detail, string PreviousHash, string ContentHash);

    public static Task WriteHeaderAsync(TextWriter writer, long afterSequence, string afterHash)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteLineAsync(JsonSerializer.Serialize(new Header(FormatName, afterSequence, afterHash), Json));
    }

    public static Task WriteRowAsync(TextWriter writer, AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        return writer.WriteLineAsync(JsonSerializer.Serialize(
            new Row(e.Sequence, e.OccurredAt.UtcTicks, e.Actor, e.UserId, e.ActorName, e.Role, e.Unit, e.Action.ToString(), e.Operation, e.OperationName,
                e.SubjectKind, e.SubjectId, e.SubjectPerson, e.Succeeded, e.Outcome, e.RemoteAddress, e.UserAgent, e.Detail, e.PreviousHash, e.ContentHash),
            Json));
    }

    public static Task WriteFooterAsync(TextWriter writer, long throughSequence, string throughHash)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteLineAsync(JsonSerializer.Serialize(new Footer(true, throughSequence, throughHash), Json));
    }

    /// <summary>Reads the file line by line (constant memory) and names the first broken row.</summary>
    public static async Task<AuditVerification> VerifyAsync(Stream stream, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var first = await reader.ReadLineAsync(cancellationToken);
        var header = first is null ? null : JsonSerializer.Deserialize<Header>(first, Json);
        if (header is null || header.Format != FormatName)
        {
            return new AuditVerification(false, 0, 0, 0, 0, 0, "不是审计记录归档文件（缺少文件头）", now);
        }

        var verifier = new AuditChainVerifier(header.AfterSequence, header.AfterHash);
        Footer? footer = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Contains("\"end\":true", StringComparison.Ordinal))
            {
                footer = JsonSerializer.Deserialize<Footer>(line, Json);
                break;
            }

            var row = JsonSerializer.Deserialize<Row>(line, Json)!;
            var entry = AuditEntry.Restore(
                new AuditFacts
                {
                    OccurredAt = new DateTimeOffset(row.OccurredAtTicks, TimeSpan.Zero),
                    Actor = row.Actor,
                    UserId = row.UserId,
                    ActorName = row.ActorName,
                    Role = row.Role,
                    Unit = row.Unit,
                    Action = Enum.TryParse<AuditAction>(row.Action, out var action) ? action : (AuditAction)0,
                    Operation = row.Operation,
                    OperationName = row.OperationName,
                    SubjectKind = row.SubjectKind,
                    SubjectId = row.SubjectId,
                    SubjectPerson = row.SubjectPerson,
                    Succeeded = row.Succeeded,
                    Outcome = row.Outcome,
                    RemoteAddress = row.RemoteAddress,
                    UserAgent = row.UserAgent,
                    Detail = row.Detail,
                },
                row.Sequence,
                row.PreviousHash,
                row.ContentHash);
            if (!verifier.Check(entry))
            {
                break;
            }
        }

        if (verifier.IsIntact)
        {
            if (footer is null)
            {
                verifier.Finish(verifier.LastSequence + 1, string.Empty);
            }
            else
            {
                verifier.Finish(footer.ThroughSequence, footer.ThroughHash);
            }
        }

        return new AuditVerification(verifier.IsIntact, verifier.RowsChecked, 1, header.AfterSequence + 1, verifier.LastSequence, verifier.Break?.Sequence, verifier.Break?.Problem, now);
    }
}
