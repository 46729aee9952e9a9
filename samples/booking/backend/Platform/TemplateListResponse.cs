using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary><c>GET /wxaapi/newtmpl/gettemplate</c>: the app's templates.</summary>
internal sealed record TemplateListResponse(
    [property: JsonPropertyName("data")] IReadOnlyList<AppTemplate>? Data,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg) : IPlatformAnswer;
