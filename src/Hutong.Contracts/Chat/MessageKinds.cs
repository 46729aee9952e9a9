namespace Hutong.Contracts.Chat;

/// <summary>Kinds of message: the <c>kind</c> of each <see cref="Content.MessageContent"/> record, as stored and on the wire.</summary>
public static class MessageKinds
{
    public const string Text = "text";
    public const string Image = "image";

    /// <summary>Up to 60 seconds.</summary>
    public const string Voice = "voice";
    public const string Video = "video";
    public const string File = "file";
    public const string Location = "location";

    /// <summary>A person's contact card.</summary>
    public const string Card = "card";

    /// <summary>An official account's published article; the node fills its title, digest and cover.</summary>
    public const string Article = "article";

    /// <summary>Money to the other person, held until they accept. Written by the wallet, never sent by a device.</summary>
    public const string Transfer = "transfer";

    /// <summary>A red packet. Written by the wallet, never sent by a device.</summary>
    public const string RedPacket = "redPacket";

    /// <summary>A mini-program shared into a chat (<c>onShareAppMessage</c>): opens the app at its page; the node fills its name and icon.</summary>
    public const string MiniProgram = "miniProgram";

    /// <summary>A notice written by the platform: joined, left, recalled, renamed... Its <c>type</c> says which.</summary>
    public const string System = "system";

    /// <summary>An official account's news (articles or links). Written by the account, never sent by a device.</summary>
    public const string News = "news";
}
