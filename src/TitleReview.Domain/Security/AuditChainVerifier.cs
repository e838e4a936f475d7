namespace TitleReview.Domain.Security;

/// <summary>The first break a verification found: the row's sequence number and what is wrong, in Chinese.</summary>
public sealed record AuditChainBreak(long Sequence, string Problem)
{
    public string Message => $"第 {Sequence} 条记录：{Problem}";
}

/// <summary>
/// Walks a chain one row at a time in sequence order, holding only the last row's number and
/// hash, so any number of rows verifies in constant memory (ADR 0053). It starts after a
/// checkpoint (the last archived row, or nothing) and stops at the first break.
/// </summary>
public sealed class AuditChainVerifier
{
    private long _expected;
    private string _previousHash;

    public AuditChainVerifier(long afterSequence = 0, string afterHash = AuditChain.Genesis)
    {
        _expected = afterSequence + 1;
        _previousHash = afterHash;
    }

    public long RowsChecked { get; private set; }

    public AuditChainBreak? Break { get; private set; }

    public bool IsIntact => Break is null;

    /// <summary>The last row verified (or the checkpoint).</summary>
    public long LastSequence => _expected - 1;

    public string LastHash => _previousHash;

    /// <summary>Checks the next row; returns false (and keeps the break) at the first problem.</summary>
    public bool Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Break is not null)
        {
            return false;
        }

        if (entry.Sequence != _expected)
        {
            return Fail(_expected, entry.Sequence > _expected
                ? (entry.Sequence - _expected == 1
                    ? "记录缺失（已被删除），其后一条是第 " + entry.Sequence + " 条"
                    : $"记录缺失（第 {_expected} 至 {entry.Sequence - 1} 条已被删除）")
                : $"序号重复或顺序错乱（读到第 {entry.Sequence} 条）");
        }

        if (!string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            return Fail(entry.Sequence, _expected == 1 && _previousHash.Length == 0
                ? "链首记录的“上一条哈希”被改动"
                : $"与上一条（第 {entry.Sequence - 1} 条）的链接不符：上一条记录或本条的链接被改动");
        }

        if (!string.Equals(AuditChain.Hash(entry), entry.ContentHash, StringComparison.Ordinal))
        {
            return Fail(entry.Sequence, "内容与其哈希不符：记录被改动");
        }

        RowsChecked++;
        _expected++;
        _previousHash = entry.ContentHash;
        return true;
    }

    /// <summary>After the last row: the chain must end where its head says, or rows at the end were deleted.</summary>
    public bool Finish(long headSequence, string headHash)
    {
        if (Break is not null)
        {
            return false;
        }

        if (headSequence > LastSequence)
        {
            return Fail(LastSequence + 1, headSequence == LastSequence + 1
                ? "记录缺失（链尾记录已被删除）"
                : $"记录缺失（第 {LastSequence + 1} 至 {headSequence} 条已被删除）");
        }

        if (headSequence < LastSequence || !string.Equals(headHash, _previousHash, StringComparison.Ordinal))
        {
            return Fail(LastSequence, "与链尾登记不符：链尾记录或登记被改动");
        }

        return true;
    }

    private bool Fail(long sequence, string problem)
    {
        Break = new AuditChainBreak(sequence, problem);
        return false;
    }
}
