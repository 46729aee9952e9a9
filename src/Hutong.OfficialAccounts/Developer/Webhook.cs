using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core.Outbound;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Protocol;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Developer;

/// <summary>
/// Calls an account's developer server as WeChat does: the verification GET that echoes <c>echostr</c>, and the signed
/// (and in compatible and safe mode, sealed) XML push whose answer is the passive reply. Every call goes through the
/// hardened outbound client: a deadline of 5 seconds a try, 3 tries with the same body (the same <c>MsgId</c>), and no
/// private addresses unless the operator allows them (<c>Hutong:OfficialAccounts:Developer*</c>, <c>Hutong:Outbound:*</c>).
/// </summary>
public sealed class Webhook(OutboundClient outbound, IOptions<OfficialAccountsOptions> options, TimeProvider clock)
{
    private OutboundPolicy PushPolicy => new() { TryTimeout = options.Value.DeveloperTimeout, Tries = options.Value.DeveloperTries, MaxResponseBytes = 1024 * 1024 };

    private OutboundPolicy VerifyPolicy => new() { TryTimeout = options.Value.DeveloperTimeout, Tries = 1, MaxResponseBytes = 64 * 1024 };

    /// <summary>Null when the URL echoed; otherwise why not, in words for the studio.</summary>
    public async Task<string?> VerifyAsync(string url, string token, CancellationToken cancellationToken)
    {
        var (timestamp, nonce) = Stamp();
        var echo = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));
        var query = $"signature={WeChatSignature.Sign(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&echostr={echo}";
        var result = await outbound.SendAsync(OutboundRequest.Get(With(url, query)), VerifyPolicy, cancellationToken);
        if (!result.Succeeded)
        {
            return Why(result);
        }

        return result.ReadText().Trim() == echo ? null : "The URL answered, but not with the echostr it was sent.";
    }

    /// <summary>Pushes the message; the developer's passive reply, or why there is none to show.</summary>
    internal async Task<WebhookAnswer> PushAsync(OfficialAccount account, DeveloperSettings settings, PushMessage message, CancellationToken cancellationToken)
    {
        var (timestamp, nonce) = Stamp();
        var plain = message.ToXml();
        var crypto = settings.Crypto(account.AppId);
        var query = new StringBuilder($"signature={WeChatSignature.Sign(settings.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={message.FromUserName}");
        string body;
        if (crypto is null)
        {
            body = plain;
        }
        else
        {
            var sealedPush = crypto.Seal(account.OriginalId, plain, timestamp, nonce);
            body = settings.Mode == DeveloperModes.Safe ? sealedPush.Envelope : message.ToCompatibleXml(sealedPush.Encrypt);
            query.Append(CultureInfo.InvariantCulture, $"&encrypt_type=aes&msg_signature={sealedPush.MsgSignature}");
        }

        var result = await outbound.SendAsync(
            OutboundRequest.Post(With(settings.Url, query.ToString()), Encoding.UTF8.GetBytes(body), "text/xml; charset=utf-8"), PushPolicy, cancellationToken);
        if (!result.Succeeded)
        {
            return new WebhookAnswer(null, Why(result));
        }

        return ReplyXml.Read(result.ReadText(), message.FromUserName, account.OriginalId, crypto) switch
        {
            ReplyResult.Reply reply => new WebhookAnswer(reply.Message, null),
            ReplyResult.Invalid invalid => new WebhookAnswer(null, invalid.Reason),
            _ => new WebhookAnswer(null, null),
        };
    }

    private (string Timestamp, string Nonce) Stamp() =>
        (clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
         RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));

    private static Uri With(string url, string query) => new(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);

    private static string Why(OutboundResult result) => result.Failure switch
    {
        OutboundFailure.Refused => "The URL's address is not one the platform may call (a private or local network).",
        OutboundFailure.Timeout => "The URL did not answer in time.",
        OutboundFailure.Unreachable => "The URL could not be reached.",
        OutboundFailure.TooLarge => "The URL answered with too much.",
        OutboundFailure.HttpError => $"The URL answered HTTP {(int?)result.Status}.",
        _ => $"The call failed: {result.Failure}.",
    };
}

/// <summary>What a push came to: the passive reply (null for none), or why it failed (null when it did not).</summary>
internal sealed record WebhookAnswer(PassiveReply? Reply, string? Failure);
