using System.Net;
using System.Text;
using Verkstallighet.Host.Api;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OversizedChunkedBody_WithoutContentLength_Gets413_AndNothingIsStored()
    {
        var client = host.As("anna");
        var content = new ChunkedContent(
            """{"clientName":"Kim Karlsson","personnummer":"19850315-2384","sanction":"Skyddstillsyn","supervisionStart":"2026-01-31","supervisionEnd":"2027-01-31","note":" """,
            filler: (int)ApiExtensions.MaxRequestBodyBytes + 1024,
            "\"}");

        var response = await client.PostAsync("/api/cases", content);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        var problem = await response.ProblemAsync(413);
        Assert.Contains($"limit of {ApiExtensions.MaxRequestBodyBytes} bytes", (string)problem["detail"]!);
        Assert.Empty((await (await client.GetAsync("/api/cases")).OkJsonAsync()).AsArray());
    }

    /// <summary>A JSON body sent in chunks with no Content-Length: a head, <c>filler</c> bytes of 'x', and a tail.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly string head;
        private readonly int filler;
        private readonly string tail;

        public ChunkedContent(string head, int filler, string tail)
        {
            (this.head, this.filler, this.tail) = (head, filler, tail);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var written = 0; written < filler; written += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, filler - written)));
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(tail));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
