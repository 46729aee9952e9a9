using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>
/// <c>GET /cgi-bin/token</c>: <c>{"access_token":"…","expires_in":7200}</c>, or <c>{"errcode":40125,"errmsg":"…"}</c>.
/// </summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg) : IPlatformAnswer;
