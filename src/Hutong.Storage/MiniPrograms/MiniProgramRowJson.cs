using System.Text.Json.Serialization;

namespace Hutong.Storage.MiniPrograms;

/// <summary>The lists and maps mini-program rows keep as JSON text (request domains, pages, asset hashes).</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MiniProgramRowJson : JsonSerializerContext;
