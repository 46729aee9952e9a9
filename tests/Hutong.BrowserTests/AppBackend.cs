using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Hutong.BrowserTests;

/// <summary>
/// A mini-program developer's server on loopback: it greets whoever its query's <c>who</c> names, as JSON, and counts
/// what reached it (through the node's request proxy, never from the browser).
/// </summary>
internal sealed class AppBackend : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private int _requests;

    private AppBackend(HttpListener listener, string origin)
    {
        _listener = listener;
        Origin = origin;
        _serving = ServeAsync();
    }

    /// <summary><c>http://127.0.0.1:{port}</c>: the request domain the app lists.</summary>
    public string Origin { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static AppBackend Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return new AppBackend(listener, $"http://127.0.0.1:{port}");
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var who = context.Request.QueryString["who"] ?? "stranger";
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["greeting"] = $"Hello, {who}", ["path"] = context.Request.Url?.AbsolutePath }.ToJsonString());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
