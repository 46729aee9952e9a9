using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using Hutong.Core.Tests.Outbound;
using Hutong.OfficialAccounts.Protocol;
using Hutong.Testing;
using Microsoft.AspNetCore.Http;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>A push the stand-in developer server received: its query, its body, and the message it carried (decrypted).</summary>
internal sealed record ReceivedPush(IReadOnlyDictionary<string, string> Query, string Body, XElement Message);

/// <summary>
/// A developer's server as a WeChat bot is written: it checks the signature of every call (and in safe mode the
/// message signature, then decrypts), echoes verifications, and answers each push with what the test says.
/// </summary>
internal sealed class FakeDeveloperServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ReceivedPush> _pushes = new();
    private readonly System.Threading.Channels.Channel<ReceivedPush> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<ReceivedPush>();

    private FakeDeveloperServer(LoopbackServer server) => _server = server;

    public string Token { get; init; } = "hutongtoken";

    public WeChatCrypto? Crypto { get; init; }

    /// <summary>What to answer a push (and its try number): the body to send back, or null to send nothing back with a 500.</summary>
    public Func<ReceivedPush, int, string?> Answer { get; set; } = (_, _) => "success";

    /// <summary>Pushes this holds are answered only once it completes (a slow server).</summary>
    public Func<ReceivedPush, Task?> Hold { get; set; } = _ => null;

    public string Url => new Uri(_server.Uri, "/wechat").ToString();

    public int Requests => _server.Requests;

    public IReadOnlyCollection<ReceivedPush> Pushes => _pushes;

    public static async Task<FakeDeveloperServer> StartAsync(string token = "hutongtoken", WeChatCrypto? crypto = null)
    {
        FakeDeveloperServer? fake = null;
        var server = await LoopbackServer.StartAsync(async (context, number) => await fake!.HandleAsync(context, number));
        fake = new FakeDeveloperServer(server) { Token = token, Crypto = crypto };
        return fake;
    }

    /// <summary>The next push that arrives, within the tests' patience.</summary>
    public async Task<ReceivedPush> NextPushAsync() => await Eventually.ReadAsync(_arrivals.Reader, _ => true, "a push at the developer server");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>A text passive reply to a push, in plaintext.</summary>
    public static string TextReply(ReceivedPush push, string content) =>
        $"<xml><ToUserName><![CDATA[{push.Message.Element("FromUserName")!.Value}]]></ToUserName><FromUserName><![CDATA[{push.Message.Element("ToUserName")!.Value}]]></FromUserName><CreateTime>{DateTimeOffset.UnixEpoch.AddYears(56).ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content></xml>";

    private async Task HandleAsync(HttpContext context, int number)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var (signature, timestamp, nonce) = (query.GetValueOrDefault("signature"), query.GetValueOrDefault("timestamp") ?? "", query.GetValueOrDefault("nonce") ?? "");
        if (!WeChatSignature.Verify(signature, Token, timestamp, nonce))
        {
            context.Response.StatusCode = 403;
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.WriteAsync(query.GetValueOrDefault("echostr") ?? "");
            return;
        }

        // The stand-in server has read the body already; a try of the same push has the same query (nonce included).
        var path = context.Request.Path + context.Request.QueryString;
        var body = Encoding.UTF8.GetString(_server.Seen.Last(s => s.Path == path).Body);
        var root = XElement.Parse(body);
        var message = root;
        if (root.Element("Encrypt") is { } encrypt)
        {
            if (Crypto is null || !WeChatSignature.Verify(query.GetValueOrDefault("msg_signature"), Token, timestamp, nonce, encrypt.Value) || !Crypto.TryDecrypt(encrypt.Value, out var xml))
            {
                context.Response.StatusCode = 403;
                return;
            }

            message = XElement.Parse(xml);
        }

        var push = new ReceivedPush(query, body, message);
        _pushes.Enqueue(push);
        _arrivals.Writer.TryWrite(push);
        if (Hold(push) is { } held)
        {
            await held.WaitAsync(context.RequestAborted);
        }

        var answer = Answer(push, number);
        if (answer is null)
        {
            context.Response.StatusCode = 500;
            return;
        }

        await context.Response.WriteAsync(answer);
    }
}
