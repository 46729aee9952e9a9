using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using EchoBot.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EchoBot.Webhook;

/// <summary>
/// One push, from the query string and body to the reply: the signature, in compatible and safe mode the
/// <c>msg_signature</c> and decryption, the XML, retries, and the reply (encrypted when the push was).
/// </summary>
internal sealed class PushHandler(EchoRules rules, RetryGuard retries, TimeProvider time, IOptions<BotOptions> options, ILogger<PushHandler> logger)
{
    private const string XmlContentType = "application/xml";

    private readonly BotOptions _options = options.Value;

    private readonly MessageCrypto? _crypto = string.IsNullOrEmpty(options.Value.EncodingAesKey)
        ? null
        : new MessageCrypto(options.Value.EncodingAesKey, options.Value.AppId ?? "");

    /// <summary>The URL check: <c>echostr</c> back, as it came, when the signature is right.</summary>
    public Results<ContentHttpResult, StatusCodeHttpResult> Verify(PushQuery query, string? echostr)
    {
        if (!IsSigned(query, out _, out _) || echostr is null)
        {
            logger.UrlRefused();
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        logger.UrlVerified();
        return TypedResults.Text(echostr, "text/plain", Encoding.UTF8);
    }

    public Results<ContentHttpResult, Ok, StatusCodeHttpResult, BadRequest> Handle(PushQuery query, string body, Uri publicBase)
    {
        if (!IsSigned(query, out var timestamp, out var nonce))
        {
            logger.PushSignatureRefused("signature");
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!SafeXml.TryParse(body, out var root))
        {
            return Unreadable("the body is not <xml>");
        }

        // Compatible mode sends the plaintext fields and Encrypt side by side, safe mode only Encrypt. Either way,
        // with a key the encrypted copy is the one read, and the reply is encrypted too.
        var encrypted = false;
        if (root.Element("Encrypt")?.Value is { } encrypt)
        {
            if (_crypto is null)
            {
                if (root.Element("MsgType") is null)
                {
                    return Unreadable("it is encrypted (safe mode) and Bot:EncodingAESKey is not set");
                }
            }
            else
            {
                if (!Signature.Verify(query.MsgSignature, _options.Token, timestamp, nonce, encrypt))
                {
                    logger.PushSignatureRefused("msg_signature");
                    return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
                }

                if (!_crypto.TryDecrypt(encrypt, out var plain, out var problem))
                {
                    return Unreadable(problem);
                }

                if (!SafeXml.TryParse(plain, out root))
                {
                    return Unreadable("the decrypted body is not <xml>");
                }

                encrypted = true;
            }
        }

        if (Push.Read(root) is not { } push)
        {
            return Unreadable("ToUserName, FromUserName, CreateTime or MsgType is missing");
        }

        logger.PushReceived(push.MsgType, push.Event, push.FromUserName);
        var reply = retries.Once(push.RetryKey, () => rules.Answer(push, publicBase), out var retry);
        if (retry)
        {
            logger.RetryAnswered(push.RetryKey);
        }

        switch (reply)
        {
            case SuccessReply:
                return TypedResults.Text("success", "text/plain", Encoding.UTF8);
            case EmptyReply:
                return TypedResults.Ok();
        }

        var xml = ReplyXml.Write(reply, push, time.GetUtcNow().ToUnixTimeSeconds());
        if (encrypted)
        {
            // WeChat's samples sign the reply with the push's own timestamp and nonce; any fresh pair would do.
            var ciphertext = _crypto!.Encrypt(xml);
            var signature = Signature.Sign(_options.Token, timestamp, nonce, ciphertext);
            xml = ReplyXml.Envelope(ciphertext, signature, timestamp, nonce);
        }

        return TypedResults.Text(xml, XmlContentType, Encoding.UTF8);
    }

    /// <summary>
    /// Whether <c>signature</c> signs this token, <c>timestamp</c> and <c>nonce</c>. The timestamp must also be unix
    /// seconds, digits only, since an encrypted reply repeats it.
    /// </summary>
    private bool IsSigned(PushQuery query, [NotNullWhen(true)] out string? timestamp, [NotNullWhen(true)] out string? nonce)
    {
        timestamp = query.Timestamp;
        nonce = query.Nonce;
        return timestamp is { Length: > 0 }
            && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && nonce is not null
            && Signature.Verify(query.Signature, _options.Token, timestamp, nonce);
    }

    private BadRequest Unreadable(string problem)
    {
        logger.PushUnreadable(problem);
        return TypedResults.BadRequest();
    }
}
