namespace Hutong.Contracts.Chat;

/// <summary>Message limits every node has unless its operator changes them (<c>Hutong:Limits</c>, docs/product.md).</summary>
public static class MessageLimits
{
    /// <summary>
    /// The longest text message, counted as the node counts it: UTF-16 code units (<c>string.Length</c>), so an emoji
    /// outside the Basic Multilingual Plane counts two.
    /// </summary>
    public const int DefaultMaxTextLength = 8_000;
}
