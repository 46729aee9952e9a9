using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>
/// WeChat's <c>/cgi-bin/token</c> and <c>/cgi-bin/message/custom/send</c>, served by a real Kestrel on a loopback
/// port: the bot reaches it over TCP, as it would reach WeChat or a Hutong node. Tokens are valid until revoked.
/// </summary>
internal sealed class FakeCgiBin : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<CustomSend> _sends = [];
    private readonly List<(Func<CustomSend, bool> Match, TaskCompletionSource<CustomSend> Seen)> _waiters = [];
    private readonly HashSet<string> _validTokens = [];
    private readonly List<string> _tokenQueries = [];
    private readonly List<(int Count, TaskCompletionSource Seen)> _tokenWaiters = [];
    private WebApplication? _app;
    private int _issued;

    private FakeCgiBin(string appId, string appSecret)
    {
        AppId = appId;
        AppSecret = appSecret;
    }

    public string AppId { get; }

    public string AppSecret { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The <c>expires_in</c> of tokens issued from now on.</summary>
    public int ExpiresIn { get; set; } = 7200;

    /// <summary>While true, every send is answered 40001, whatever its token.</summary>
    public bool RefuseEveryToken { get; set; }

    public int TokensIssued
    {
        get
        {
            lock (_lock)
            {
                return _issued;
            }
        }
    }

    /// <summary>The query strings of the token requests, in order.</summary>
    public IReadOnlyList<string> TokenQueries
    {
        get
        {
            lock (_lock)
            {
                return [.. _tokenQueries];
            }
        }
    }

    public IReadOnlyList<CustomSend> Sends
    {
        get
        {
            lock (_lock)
            {
                return [.. _sends];
            }
        }
    }

    public static async Task<FakeCgiBin> StartAsync(string appId, string appSecret, CancellationToken cancellationToken)
    {
        var fake = new FakeCgiBin(appId, appSecret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/cgi-bin/token", fake.Token);
        app.MapPost("/cgi-bin/message/custom/send", fake.SendAsync);
        await app.StartAsync(cancellationToken);
        fake._app = app;
        // Kestrel has bound by now: the address carries the port it picked.
        fake.BaseAddress = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>Every token issued so far stops working, as when another server fetches a new one.</summary>
    public void RevokeTokens()
    {
        lock (_lock)
        {
            _validTokens.Clear();
        }
    }

    /// <summary>Completes with the first send that matches, already received or still to come.</summary>
    public Task<CustomSend> WaitForSendAsync(Func<CustomSend, bool> match)
    {
        lock (_lock)
        {
            if (_sends.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var waiter = new TaskCompletionSource<CustomSend>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task;
        }
    }

    /// <summary>Completes once <paramref name="count"/> token requests have come, answered or refused.</summary>
    public Task WaitForTokenQueriesAsync(int count)
    {
        lock (_lock)
        {
            if (_tokenQueries.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _tokenWaiters.Add((count, waiter));
            return waiter.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult Token(HttpRequest request)
    {
        lock (_lock)
        {
            _tokenQueries.Add(request.QueryString.Value ?? "");
            foreach (var waiter in _tokenWaiters.Where(waiter => _tokenQueries.Count >= waiter.Count).ToList())
            {
                _tokenWaiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }

            if (request.Query["grant_type"] != "client_credential" || request.Query["appid"] != AppId)
            {
                return Json("""{"errcode":40013,"errmsg":"invalid appid"}""");
            }

            if (request.Query["secret"] != AppSecret)
            {
                return Json("""{"errcode":40125,"errmsg":"invalid appsecret"}""");
            }

            var token = $"token-{++_issued}";
            _validTokens.Add(token);
            return Json($$"""{"access_token":"{{token}}","expires_in":{{ExpiresIn}}}""");
        }
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        using var json = await JsonDocument.ParseAsync(request.Body);
        var root = json.RootElement;
        var token = request.Query["access_token"].ToString();
        lock (_lock)
        {
            var errCode = RefuseEveryToken || !_validTokens.Contains(token) ? 40001 : 0;
            var send = new CustomSend(
                token,
                root.GetProperty("touser").GetString()!,
                root.GetProperty("msgtype").GetString()!,
                root.TryGetProperty("text", out var text) ? text.GetProperty("content").GetString() : null,
                errCode);
            _sends.Add(send);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(send)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(send);
            }

            return errCode == 0
                ? Json("""{"errcode":0,"errmsg":"ok"}""")
                : Json("""{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}""");
        }
    }

    private static IResult Json(string json) => Results.Text(json, "application/json");
}
