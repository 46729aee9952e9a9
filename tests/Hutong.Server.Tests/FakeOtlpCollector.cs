using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Server.Tests;

/// <summary>
/// An OTLP/HTTP collector on loopback that keeps what it is sent: each export's protobuf body, by path
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), and the spans read out of the traces.
/// </summary>
internal sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOtlpCollector(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Body)> Exports { get; } = new();

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Every span received so far: its scope (the instrumentation's name), trace id and name.</summary>
    public IReadOnlyList<Span> Spans =>
    [
        .. Exports.Where(e => e.Path == "/v1/traces").SelectMany(e =>
            from resourceSpans in Protobuf.Fields(e.Body, 1)
            from scopeSpans in Protobuf.Fields(resourceSpans, 2)
            let scope = Protobuf.Fields(scopeSpans, 1).Select(s => Protobuf.Text(Protobuf.Fields(s, 1).FirstOrDefault())).FirstOrDefault() ?? ""
            from span in Protobuf.Fields(scopeSpans, 2)
            select new Span(scope, Convert.ToHexString(Protobuf.Fields(span, 1).First().Span), Protobuf.Text(Protobuf.Fields(span, 5).FirstOrDefault()))),
    ];

    public static async Task<FakeOtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var collector = new FakeOtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            collector.Exports.Enqueue((http.Request.Path.Value!, body.ToArray()));
            // An empty ExportServiceResponse: everything accepted.
            http.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync(cancellationToken);
        return collector;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record Span(string Scope, string TraceId, string Name);

    /// <summary>Just enough of the protobuf wire format to walk nested messages by field number.</summary>
    private static class Protobuf
    {
        /// <summary>The length-delimited fields numbered <paramref name="field"/> of the message (submessages, bytes, strings).</summary>
        public static IEnumerable<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int field)
        {
            var at = 0;
            while (at < message.Length)
            {
                var key = Varint(message.Span, ref at);
                var (number, wire) = ((int)(key >> 3), (int)(key & 7));
                switch (wire)
                {
                    case 0:
                        Varint(message.Span, ref at);
                        break;
                    case 1:
                        at += 8;
                        break;
                    case 5:
                        at += 4;
                        break;
                    case 2:
                        var length = (int)Varint(message.Span, ref at);
                        if (number == field)
                        {
                            yield return message.Slice(at, length);
                        }

                        at += length;
                        break;
                    default:
                        throw new InvalidDataException($"Wire type {wire} at byte {at}.");
                }
            }
        }

        public static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

        private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
