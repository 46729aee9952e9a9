namespace Hutong.Contracts.Chat;

/// <summary>Kinds of message.</summary>
public static class MessageKinds
{
    public const string Text = "text";
    public const string Image = "image";

    /// <summary>Up to 60 seconds; <c>durationMs</c> says how long.</summary>
    public const string Voice = "voice";
    public const string Video = "video";
    public const string File = "file";
    public const string Location = "location";

    /// <summary>A person's contact card; <c>cardUserId</c> says whose.</summary>
    public const string Card = "card";

    /// <summary>Money to the other person, held until they accept; <c>money</c> names the transfer, the text is its note.</summary>
    public const string Transfer = "transfer";

    /// <summary>A red packet; <c>money</c> names it and the text is its greeting. Written by the wallet, never sent by a device.</summary>
    public const string RedPacket = "redPacket";

    /// <summary>Written by the platform: joined, left, recalled, renamed... The <c>notice</c> says which.</summary>
    public const string System = "system";
}
