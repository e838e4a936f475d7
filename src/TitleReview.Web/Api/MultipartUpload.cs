using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Files;

namespace TitleReview.Web.Api;

/// <summary>
/// Reads an upload's multipart body section by section, so the file goes from the request
/// straight to the file store instead of through a buffered form (ADR 0028). The fields are
/// text sections named <c>slot</c> and <c>expectedToken</c> and the file is the section named
/// <c>file</c>. When the fields come first, as browsers and the tests send them, the file's
/// section is handed on as it arrives; when the file comes first, it is spooled to a
/// temporary file (deleted on close) until the fields after it are read. Fields after a file
/// that was handed on as it arrived are not read: a client that wants the stream sends
/// <c>slot</c> and <c>expectedToken</c> before the file.
/// </summary>
internal sealed class MultipartUpload : IAsyncDisposable
{
    public const string NotMultipartMessage = "请以 multipart/form-data 方式上传文件。";
    public const string BrokenEnvelopeMessage = "上传内容不是有效的 multipart/form-data 格式，请重新选择文件上传。";
    public const string NoFileMessage = "请选择要上传的文件。";

    private const string FileField = "file";
    private const string SlotField = "slot";
    private const string TokenField = "expectedToken";

    /// <summary>More sections than any upload form sends is a broken or hostile envelope.</summary>
    private const int MaxSections = 16;

    /// <summary>A slot key or a token is a few dozen characters; longer text fields are refused.</summary>
    private const int MaxFieldLength = 1024;

    private const int MaxBoundaryLength = 70;

    private const int BufferSize = 81920;

    private readonly MultipartReader _reader;
    private readonly CancellationToken _cancellationToken;
    private int _sections;
    private FileStream? _spool;

    private MultipartUpload(MultipartReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _cancellationToken = cancellationToken;
    }

    public string? Slot { get; private set; }

    public Guid? ExpectedToken { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Known only for a spooled file, whose whole length was read before the fields.</summary>
    public long? Length => _spool?.Length;

    /// <exception cref="ValidationException">The request is not multipart/form-data with a usable boundary.</exception>
    public static MultipartUpload Start(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException(FileField, NotMultipartMessage);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        if (StringSegment.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new ValidationException(FileField, BrokenEnvelopeMessage);
        }

        return new MultipartUpload(new MultipartReader(boundary.ToString(), request.Body) { BodyLengthLimit = null }, cancellationToken);
    }

    /// <summary>
    /// Reads sections until the file can be handed on: at the file's section when the slot
    /// came before it, otherwise after spooling the file and reading the fields that follow it.
    /// </summary>
    /// <param name="maxFileBytes">The per-file limit, which bounds what is spooled.</param>
    /// <exception cref="ValidationException">No file, a broken envelope or an over-long field.</exception>
    /// <exception cref="UploadRejectedException">A spooled file is over <paramref name="maxFileBytes"/>.</exception>
    /// <returns>The file's bytes, to be read once.</returns>
    public async Task<Stream> ReadUntilFileAsync(long maxFileBytes)
    {
        Stream? content = null;
        while (await NextSectionAsync() is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is null)
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (!disposition.IsFileDisposition())
            {
                await ReadFieldAsync(name, section);
                continue;
            }

            if (name != FileField || content is not null)
            {
                // Another file than the one the form asks for is read past, as a buffered form ignored it.
                await ReadToEndAsync(section.Body);
                continue;
            }

            FileName = StringSegment.IsNullOrEmpty(disposition.FileNameStar)
                ? HeaderUtilities.RemoveQuotes(disposition.FileName).ToString()
                : disposition.FileNameStar.ToString();
            if (Slot is not null)
            {
                return new EnvelopeCheckedStream(section.Body, _cancellationToken);
            }

            content = await SpoolAsync(section.Body, maxFileBytes);
        }

        return content ?? throw new ValidationException(FileField, NoFileMessage);
    }

    public async ValueTask DisposeAsync()
    {
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
        }
    }

    private async Task<MultipartSection?> NextSectionAsync()
    {
        if (++_sections > MaxSections)
        {
            throw new ValidationException(FileField, BrokenEnvelopeMessage);
        }

        try
        {
            return await _reader.ReadNextSectionAsync(_cancellationToken);
        }
        catch (Exception e) when (IsBrokenEnvelope(e, _cancellationToken))
        {
            throw new ValidationException(FileField, BrokenEnvelopeMessage);
        }
    }

    private async Task ReadFieldAsync(string name, MultipartSection section)
    {
        var buffer = new char[MaxFieldLength + 1];
        int length;
        try
        {
            using var text = new StreamReader(section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            length = await text.ReadBlockAsync(buffer.AsMemory(), _cancellationToken);
            if (length > MaxFieldLength)
            {
                throw new ValidationException(name, BrokenEnvelopeMessage);
            }
        }
        catch (Exception e) when (IsBrokenEnvelope(e, _cancellationToken))
        {
            throw new ValidationException(FileField, BrokenEnvelopeMessage);
        }

        var value = new string(buffer, 0, length);
        if (name == SlotField)
        {
            Slot = value;
        }
        else if (name == TokenField)
        {
            ExpectedToken = Guid.TryParse(value, out var token) ? token : null;
        }
    }

    private async Task<Stream> SpoolAsync(Stream body, long maxFileBytes)
    {
        _spool = new FileStream(
            Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            BufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var content = new EnvelopeCheckedStream(body, _cancellationToken);
        var buffer = new byte[BufferSize];
        int count;
        while ((count = await content.ReadAsync(buffer, _cancellationToken)) > 0)
        {
            // Stops reading one buffer past the limit: a too-large file is not spooled whole.
            if (_spool.Length + count > maxFileBytes)
            {
                throw UploadRejectedException.TooLarge(maxFileBytes);
            }

            await _spool.WriteAsync(buffer.AsMemory(0, count), _cancellationToken);
        }

        _spool.Position = 0;
        return _spool;
    }

    private async Task ReadToEndAsync(Stream body)
    {
        try
        {
            await body.CopyToAsync(Stream.Null, _cancellationToken);
        }
        catch (Exception e) when (IsBrokenEnvelope(e, _cancellationToken))
        {
            throw new ValidationException(FileField, BrokenEnvelopeMessage);
        }
    }

    /// <summary>
    /// A truncated or malformed envelope is the sender's mistake; a cancelled request (the
    /// client went away) is not answered at all.
    /// </summary>
    private static bool IsBrokenEnvelope(Exception e, CancellationToken cancellationToken) =>
        e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested;

    /// <summary>
    /// The file's section as the file store reads it: an envelope that breaks mid-file
    /// becomes the sender's mistake (400) rather than an I/O failure of the store, whose own
    /// write errors (a full disk) stay what they are.
    /// </summary>
    private sealed class EnvelopeCheckedStream(Stream inner, CancellationToken requestAborted) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (IsBrokenEnvelope(e, requestAborted))
            {
                throw new ValidationException(FileField, BrokenEnvelopeMessage);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("The request body is read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
