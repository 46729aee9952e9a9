using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary><c>addtemplate</c>'s answer: the app's own template id.</summary>
internal sealed record AddTemplateResponse(
    [property: JsonPropertyName("priTmplId")] string? PriTmplId,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg) : IPlatformAnswer;
