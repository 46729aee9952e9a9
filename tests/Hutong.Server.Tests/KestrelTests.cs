using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Server.Tests;

/// <summary>
/// What reaches the node through real Kestrel over TCP, bytes as an attacker would send them: requests Kestrel would
/// have rejected with an empty body are answered as problems.
/// </summary>
public sealed class KestrelTests : IAsyncLifetime
{
    private HutongApp _app = null!;
    private Uri _address = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await HutongApp.StartOnKestrelAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        using var http = _app.CreateClient();
        _address = http.BaseAddress!;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AQueryOf10000Characters_Is414Problem()
    {
        var (status, contentType, body) = await SendAsync($"GET /api/v1/users/by-handle/mei?q={new string('a', 10_000)} HTTP/1.1\r\n");

        AssertProblem(status, contentType, body, 414, ErrorCodes.UriTooLong);
    }

    [Fact]
    public async Task ATokenWithAByteOutsideAscii_Is401Problem()
    {
        var (status, contentType, body) = await SendAsync("GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer \u00ff\r\n");

        AssertProblem(status, contentType, body, 401, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task TooManyHeaders_Is431Problem()
    {
        var headers = string.Concat(Enumerable.Range(0, 150).Select(i => $"X-Filler-{i}: {i}\r\n"));

        var (status, contentType, body) = await SendAsync($"GET /api/v1/me HTTP/1.1\r\n{headers}");

        AssertProblem(status, contentType, body, 431, ErrorCodes.HeadersTooLarge);
    }

    [Fact]
    public async Task AnOrdinaryRequest_StillServes()
    {
        var (status, _, _) = await SendAsync("GET /healthz HTTP/1.1\r\n");

        Assert.Equal(200, status);
    }

    private static void AssertProblem(int status, string? contentType, string body, int expectedStatus, string code)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal("application/problem+json", contentType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(expectedStatus, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>Sends the request line and headers as Latin-1 bytes (one byte a character) and reads the answer to the close.</summary>
    private async Task<(int Status, string? ContentType, string Body)> SendAsync(string head)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{head}Host: {_address.Authority}\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim().Split(';')[0]).FirstOrDefault();
        var body = text[(split + 4)..];
        if (lines.Any(l => l.StartsWith("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        return (status, contentType, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var at = 0;
        while (at < chunked.Length)
        {
            var end = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..end], 16);
            if (size == 0)
            {
                break;
            }

            result.Append(chunked, end + 2, size);
            at = end + 2 + size + 2;
        }

        return result.ToString();
    }
}
