using System.Text.Json.Serialization;

namespace EchoBot.CustomerService;

/// <summary><c>POST /cgi-bin/message/custom/send</c> with a text: <c>{"touser","msgtype":"text","text":{"content"}}</c>.</summary>
internal sealed record CustomTextMessage(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] CustomTextContent Text);
