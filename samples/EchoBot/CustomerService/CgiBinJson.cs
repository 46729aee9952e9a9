using System.Text.Json.Serialization;

namespace EchoBot.CustomerService;

/// <summary>The JSON of the few <c>/cgi-bin/</c> calls this bot makes, serialised without reflection.</summary>
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CgiBinResult))]
[JsonSerializable(typeof(CustomTextMessage))]
internal sealed partial class CgiBinJson : JsonSerializerContext;
