using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary>What most calls answer: <c>{"errcode":0,"errmsg":"ok"}</c> on success.</summary>
internal sealed record PlatformResult(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg) : IPlatformAnswer;
