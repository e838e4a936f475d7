namespace TitleReview.Application.Tests.Files;

/// <summary>
/// A request body as the web server hands it over: forward-only and not seekable. It produces
/// <c>head</c> then filler up to <c>length</c> bytes without holding them, at most
/// <c>maxChunk</c> bytes per read, and counts what it handed out. It can fail with an
/// <see cref="IOException"/> (a connection cut off) once <see cref="FailAfter"/> bytes are out.
/// </summary>
internal sealed class UploadStream(byte[] head, long length, int maxChunk = 64 * 1024) : Stream
{
    /// <summary>How many bytes were handed out so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Throws an <see cref="IOException"/> on the first read after this many bytes.</summary>
    public long? FailAfter { get; init; }

    /// <summary>Called before each read with the bytes handed out so far.</summary>
    public Action<long>? BeforeRead { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte ByteAt(byte[] head, long position) =>
        position < head.Length ? head[position] : (byte)((position * 31) + 7);

    public override int Read(Span<byte> buffer)
    {
        BeforeRead?.Invoke(BytesRead);
        if (FailAfter is { } failAfter && BytesRead >= failAfter)
        {
            throw new IOException("The client disconnected.");
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, maxChunk), length - BytesRead);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(head, BytesRead + i);
        }

        BytesRead += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
