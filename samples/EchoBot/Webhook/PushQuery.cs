using Microsoft.AspNetCore.Mvc;

namespace EchoBot.Webhook;

/// <summary>The query string of a push, and of the URL check (which adds <c>echostr</c>).</summary>
/// <param name="Signature">SHA-1 over the token, <c>timestamp</c> and <c>nonce</c>.</param>
/// <param name="Timestamp">Unix seconds, when the platform sent it.</param>
/// <param name="Nonce">A random number, so no two signatures are alike.</param>
/// <param name="EncryptType"><c>aes</c> in compatible and safe mode.</param>
/// <param name="MsgSignature">In compatible and safe mode, SHA-1 over the token, timestamp, nonce and <c>Encrypt</c>.</param>
/// <param name="OpenId">The follower, repeated from the body.</param>
internal sealed record PushQuery(
    string? Signature,
    string? Timestamp,
    string? Nonce,
    [FromQuery(Name = "encrypt_type")] string? EncryptType,
    [FromQuery(Name = "msg_signature")] string? MsgSignature,
    [FromQuery(Name = "openid")] string? OpenId);
