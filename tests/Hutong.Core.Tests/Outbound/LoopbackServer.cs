using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hutong.Core.Tests.Outbound;

/// <summary>What a <see cref="LoopbackServer"/> was sent.</summary>
public sealed record SeenRequest(string Method, string Path, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A Kestrel server on a loopback address and a port the system picks, standing in for a developer's server. It counts
/// and keeps every request it gets, so a test can show one never arrived, and lets a test wait for the nth.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _reached = new();
    private int _requests;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyCollection<SeenRequest> Seen => _seen;

    public Uri Uri { get; private set; } = null!;

    public IPEndPoint Endpoint => new(IPAddress.Parse(Uri.Host.Trim('[', ']')), Uri.Port);

    /// <summary>
    /// Starts a server on <paramref name="address"/> that answers with <paramref name="answer"/>, which is given the
    /// request and its number (the first is 1).
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> answer, string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var host = IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        builder.WebHost.UseUrls($"http://{host}:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server._seen.Enqueue(new(context.Request.Method, context.Request.Path + context.Request.QueryString, body.ToArray(), context.Request.ContentType, headers));
            var number = Interlocked.Increment(ref server._requests);
            server.Reached(number).TrySetResult();
            await answer(context, number);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.Uri = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="text"/>.</summary>
    public static Task<LoopbackServer> AnsweringAsync(int status, string text = "", string address = "127.0.0.1") =>
        StartAsync((context, _) =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync(text, context.RequestAborted);
        }, address);

    public Uri At(string pathAndQuery) => new(Uri, pathAndQuery);

    /// <summary>Completes when the <paramref name="number"/>th request has arrived.</summary>
    public Task WhenReached(int number) => Reached(number).Task;

    public async ValueTask DisposeAsync()
    {
        // Requests a test left waiting end with their connections.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private TaskCompletionSource Reached(int number) =>
        _reached.GetOrAdd(number, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
