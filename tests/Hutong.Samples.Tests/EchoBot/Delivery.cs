using System.Net;
using System.Xml.Linq;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>The bot's answer to a push. <see cref="Reply"/> is the reply XML, already decrypted if it was encrypted.</summary>
internal sealed record Delivery(HttpStatusCode Status, string? MediaType, string Body, XElement? Reply)
{
    public bool WasEncrypted => Body.Contains("<Encrypt>", StringComparison.Ordinal);

    public string Field(string name) => Assert.IsType<XElement>(Reply?.Element(name)).Value;
}
