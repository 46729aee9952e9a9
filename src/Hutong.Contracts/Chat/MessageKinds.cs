namespace Hutong.Contracts.Chat;

/// <summary>Kinds of message.</summary>
public static class MessageKinds
{
    public const string Text = "text";

    /// <summary>Written by the platform: joined, left, recalled, renamed... The <c>notice</c> says which.</summary>
    public const string System = "system";
}
