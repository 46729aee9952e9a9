namespace Hutong.Samples.Tests.EchoBot;

/// <summary>How a push is sent: WeChat's three message modes.</summary>
public enum PushMode
{
    Plaintext,
    Compatible,
    Safe,
}
