using System.Text.Json.Serialization;

namespace Hutong.Storage.MiniPrograms;

/// <summary>The lists and maps mini-program rows keep as JSON text (request domains, pages, asset hashes, template keywords, notice fields, story images).</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, Guid>))]
[JsonSerializable(typeof(List<StoredKeyword>))]
[JsonSerializable(typeof(List<StoredField>))]
internal sealed partial class MiniProgramRowJson : JsonSerializerContext;
