using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>
/// <c>GET /sns/jscode2session</c>: <c>{"openid":"…","session_key":"…","unionid":"…"}</c>, or
/// <c>{"errcode":40029,"errmsg":"invalid code"}</c>. The session key stays on this server.
/// </summary>
internal sealed record Code2SessionResponse(
    [property: JsonPropertyName("openid")] string? OpenId,
    [property: JsonPropertyName("session_key")] string? SessionKey,
    [property: JsonPropertyName("unionid")] string? UnionId,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg) : IPlatformAnswer;
