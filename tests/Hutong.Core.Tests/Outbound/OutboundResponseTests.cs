using System.Net;
using System.Text;
using Hutong.Core.Outbound;
using Microsoft.AspNetCore.Http;
using static Hutong.Core.Tests.Outbound.OutboundTesting;

namespace Hutong.Core.Tests.Outbound;

/// <summary>What is sent, how much of the answer is read, and how redirects are followed.</summary>
public sealed class OutboundResponseTests
{
    private const int Limit = 1000;

    [Fact]
    public async Task SendAsync_Success_GivesStatusContentTypeAndText()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("收到", context.RequestAborted);
        });
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook?echostr=1"));

        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("text/plain; charset=utf-8", result.ContentType);
        Assert.Equal("收到", result.ReadText());
        Assert.Equal(1, result.Tries);
        Assert.Equal(server.At("/hook?echostr=1"), result.FinalUri);
    }

    [Fact]
    public async Task SendAsync_Post_SendsBodyContentTypeHeadersAndAHutongUserAgent()
    {
        await using var server = await LoopbackServer.AnsweringAsync(200, "success");
        using var client = Allowing(server);
        var request = OutboundRequest.Post(server.At("/hook"), "<xml>hi</xml>"u8.ToArray(), "text/xml") with
        {
            Headers = new Dictionary<string, string> { ["X-Hutong-Signature"] = "abc123" },
        };

        var result = await client.SendAsync(request, Quick, Ct).WaitAsync(Patience, Ct);

        Assert.True(result.Succeeded);
        var seen = Assert.Single(server.Seen);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("<xml>hi</xml>", Encoding.UTF8.GetString(seen.Body));
        Assert.Equal("text/xml", seen.ContentType);
        Assert.Equal("abc123", seen.Headers["X-Hutong-Signature"]);
        Assert.StartsWith("Hutong/", seen.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(seen.Headers.ContainsKey("Cookie"));
        Assert.False(seen.Headers.ContainsKey("Accept-Encoding"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_BodyAtTheLimit_IsRead(bool declared)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, Limit, declared));
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/"), Quick with { MaxResponseBytes = Limit });

        Assert.True(result.Succeeded);
        Assert.Equal(Limit, result.Body.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_BodyOverTheLimit_IsTooLarge(bool declared)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, Limit + 1, declared));
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/"), Quick with { MaxResponseBytes = Limit });

        Assert.Equal(OutboundFailure.TooLarge, result.Failure);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(result.Body.IsEmpty);
        Assert.Equal(1, result.Tries);
    }

    [Fact]
    public async Task SendAsync_DeclaredLengthOverTheLimit_IsTooLargeWithoutWaitingForTheBody()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = Limit + 1;
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await release.Task;
        });
        using var client = Allowing(server);
        try
        {
            var result = await client.GetAsync(server.At("/"), Quick with { MaxResponseBytes = Limit, Tries = 1 });

            Assert.Equal(OutboundFailure.TooLarge, result.Failure);
            Assert.Equal(1, result.Tries);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task SendAsync_ChunkedBodyFarOverTheLimit_StopsReadingAtTheLimit()
    {
        var chunk = new byte[64 * 1024];
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            // 64 MiB unless the client hangs up first, which it does after the first MiB.
            for (var i = 0; i < 1024 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/"));

        Assert.Equal(OutboundFailure.TooLarge, result.Failure);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task SendAsync_ErrorStatusWithABodyOverTheLimit_IsAnHttpErrorWithoutTheBody()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 400;
            return WriteAsync(context, Limit + 1, declared: false);
        });
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/"), Quick with { MaxResponseBytes = Limit });

        Assert.Equal(OutboundFailure.HttpError, result.Failure);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task SendAsync_RedirectsUpToTheLimit_AreFollowed()
    {
        await using var server = await HopsAsync();
        using var client = Client(new OutboundOptions { MaxRedirects = 3, AlsoAllowed = [server.Endpoint] });

        var result = await client.GetAsync(server.At("/hop/3"));

        Assert.True(result.Succeeded);
        Assert.Equal("end", result.ReadText());
        Assert.Equal(server.At("/hop/0"), result.FinalUri);
        Assert.Equal(["/hop/3", "/hop/2", "/hop/1", "/hop/0"], server.Seen.Select(seen => seen.Path));
    }

    [Fact]
    public async Task SendAsync_MoreRedirectsThanTheLimit_AreTooMany()
    {
        await using var server = await HopsAsync();
        using var client = Client(new OutboundOptions { MaxRedirects = 3, AlsoAllowed = [server.Endpoint] });

        var result = await client.GetAsync(server.At("/hop/4"));

        Assert.Equal(OutboundFailure.TooManyRedirects, result.Failure);
        Assert.Equal(HttpStatusCode.Found, result.Status);
        Assert.Equal(1, result.Tries);
        Assert.Equal(["/hop/4", "/hop/3", "/hop/2", "/hop/1"], server.Seen.Select(seen => seen.Path));
    }

    [Theory]
    [InlineData(301, "GET", "")]
    [InlineData(302, "GET", "")]
    [InlineData(303, "GET", "")]
    [InlineData(307, "POST", "{\"a\":1}")]
    [InlineData(308, "POST", "{\"a\":1}")]
    public async Task SendAsync_RedirectedPost_ChangesMethodAsTheStatusSays(int status, string method, string body)
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/landing";
            }

            return Task.CompletedTask;
        });
        using var client = Allowing(server);

        var result = await client.SendAsync(OutboundRequest.Post(server.At("/start"), "{\"a\":1}"u8.ToArray(), "application/json"), Quick, Ct)
            .WaitAsync(Patience, Ct);

        Assert.True(result.Succeeded);
        var landing = server.Seen.Last();
        Assert.Equal("/landing", landing.Path);
        Assert.Equal(method, landing.Method);
        Assert.Equal(body, Encoding.UTF8.GetString(landing.Body));
        Assert.Equal(body.Length == 0 ? null : "application/json", landing.ContentType);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("gopher://example.com/")]
    public async Task SendAsync_RedirectToAnotherScheme_IsBadScheme(string location)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Redirect(location);
            return Task.CompletedTask;
        });
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook"));

        Assert.Equal(OutboundFailure.BadScheme, result.Failure);
        Assert.Equal(HttpStatusCode.Found, result.Status);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/hook")]
    public async Task SendAsync_UrlNotHttp_IsBadSchemeWithoutATry(string url)
    {
        using var client = Client(new OutboundOptions { AllowPrivateAddresses = true });

        var result = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

        Assert.Equal(OutboundFailure.BadScheme, result.Failure);
        Assert.Equal(0, result.Tries);
    }

    [Fact]
    public async Task SendAsync_RedirectToAnotherOrigin_DropsAuthorization()
    {
        await using var other = await LoopbackServer.AnsweringAsync(200, "other", "127.0.0.2");
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.Redirect(number == 1 ? "/again" : other.At("/end").ToString());
            return Task.CompletedTask;
        });
        using var client = Allowing(server, other);
        var request = OutboundRequest.Get(server.At("/start")) with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer developer-secret" },
        };

        var result = await client.SendAsync(request, Quick, Ct).WaitAsync(Patience, Ct);

        Assert.True(result.Succeeded);
        Assert.All(server.Seen, seen => Assert.Equal("Bearer developer-secret", seen.Headers["Authorization"]));
        Assert.Equal(2, server.Requests);
        Assert.False(Assert.Single(other.Seen).Headers.ContainsKey("Authorization"));
    }

    /// <summary><c>/hop/n</c> redirects to <c>/hop/n-1</c>; <c>/hop/0</c> answers "end".</summary>
    private static Task<LoopbackServer> HopsAsync() => LoopbackServer.StartAsync((context, _) =>
    {
        var left = int.Parse(context.Request.Path.Value!["/hop/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        if (left == 0)
        {
            return context.Response.WriteAsync("end", context.RequestAborted);
        }

        context.Response.Redirect($"/hop/{left - 1}");
        return Task.CompletedTask;
    });

    /// <summary>Writes <paramref name="bytes"/> bytes, declared in Content-Length or sent chunked in two flushed parts.</summary>
    private static async Task WriteAsync(HttpContext context, int bytes, bool declared)
    {
        var body = new byte[bytes];
        if (declared)
        {
            context.Response.ContentLength = bytes;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        await context.Response.Body.WriteAsync(body.AsMemory(0, bytes / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(body.AsMemory(bytes / 2), context.RequestAborted);
    }
}
