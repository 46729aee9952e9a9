using System.Text.Json.Serialization;

namespace EchoBot.CustomerService;

/// <summary>What most calls answer: <c>{"errcode":0,"errmsg":"ok"}</c> on success.</summary>
internal sealed record CgiBinResult(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg);
