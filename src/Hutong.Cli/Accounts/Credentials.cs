using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.Cli.Accounts;

/// <summary>A signed-in session of the tool: which server, its bearer token, and whose it is.</summary>
internal sealed record Credentials(string Server, string Token, string? Handle);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(Credentials))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
