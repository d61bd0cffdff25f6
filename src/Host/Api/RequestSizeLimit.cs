namespace Verkstallighet.Host.Api;

/// <summary>
/// Refuses request bodies over the limit with 413, whatever server runs the Host: by Content-Length at once, or while
/// reading a chunked body. (Kestrel has its own limit too; this one also holds in-process and behind other servers.)
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            throw TooLarge();
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
        }

        return next(context);
    }

    public static string TooLargeMessage(long maxBytes) => $"The request body is larger than the limit of {maxBytes} bytes.";

    private BadHttpRequestException TooLarge() => new(TooLargeMessage(maxBytes), StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            return read > maxBytes
                ? throw new BadHttpRequestException(TooLargeMessage(maxBytes), StatusCodes.Status413PayloadTooLarge)
                : n;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
