using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Hutong.BrowserTests;

/// <summary>
/// A developer's server as far as the studio's check goes: on loopback, it echoes <c>echostr</c> when the signature
/// (SHA-1 of the sorted token, timestamp and nonce) is right for its token, and answers 403 otherwise.
/// </summary>
internal sealed class DeveloperServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly string _token;
    private readonly Task _serving;
    private int _checks;

    private DeveloperServer(HttpListener listener, string token, string url)
    {
        _listener = listener;
        _token = token;
        Url = url;
        _serving = ServeAsync();
    }

    public string Url { get; }

    public int Checks => Volatile.Read(ref _checks);

    public static DeveloperServer Start(string token)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return new DeveloperServer(listener, token, $"http://127.0.0.1:{port}/wechat");
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

            Interlocked.Increment(ref _checks);
            var query = context.Request.QueryString;
            var parts = new[] { _token, query["timestamp"] ?? "", query["nonce"] ?? "" };
            Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is WeChat's signature, which the server under test computes.
            var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
            var signed = string.Equals(expected, query["signature"], StringComparison.Ordinal);
            context.Response.StatusCode = signed ? 200 : 403;
            var body = Encoding.UTF8.GetBytes(signed ? query["echostr"] ?? "" : "forbidden");
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
