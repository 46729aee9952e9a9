using System.Text.Json.Serialization;

namespace Booking.Platform;

/// <summary><c>POST /wxaapi/newtmpl/addtemplate</c>: a template of the library (<c>tid</c>) with the keywords chosen, in order.</summary>
internal sealed record AddTemplateRequest(
    [property: JsonPropertyName("tid")] int Tid,
    [property: JsonPropertyName("kidList")] IReadOnlyList<int> KidList,
    [property: JsonPropertyName("sceneDesc")] string SceneDesc);
