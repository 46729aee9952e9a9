using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts.Chat;
using Hutong.Core;

namespace Hutong.Chat;

/// <summary>
/// Chat's domain as clients see it, both ways: the HTTP API and the gateway both map through here, and each name
/// table serves parsing and formatting alike, so a new kind or role is added in one place.
/// </summary>
public static class ChatWire
{
    private static readonly (MessageKind Kind, string Name)[] MessageKindNames =
    [
        (MessageKind.Text, MessageKinds.Text), (MessageKind.System, MessageKinds.System), (MessageKind.Image, MessageKinds.Image),
        (MessageKind.Voice, MessageKinds.Voice), (MessageKind.Video, MessageKinds.Video), (MessageKind.File, MessageKinds.File),
        (MessageKind.Location, MessageKinds.Location), (MessageKind.Card, MessageKinds.Card),
        (MessageKind.Transfer, MessageKinds.Transfer), (MessageKind.RedPacket, MessageKinds.RedPacket),
    ];

    private static readonly (MemberRole Role, string Name)[] RoleNames =
    [
        (MemberRole.Owner, MemberRoles.Owner), (MemberRole.Admin, MemberRoles.Admin), (MemberRole.Member, MemberRoles.Member),
    ];

    public static string Name(MessageKind kind) => MessageKindNames.First(k => k.Kind == kind).Name;

    /// <summary>A kind a device may send (not <c>system</c>, nor money, which only the wallet writes); a missing kind is text.</summary>
    public static MessageKind? ParseSendableKind(string? name) =>
        name is null ? MessageKind.Text
        : MessageKindNames.Where(k => k.Name == name && k.Kind is not (MessageKind.System or MessageKind.Transfer or MessageKind.RedPacket))
            .Select(k => (MessageKind?)k.Kind).FirstOrDefault();

    public static string Name(MemberRole role) => RoleNames.First(r => r.Role == role).Name;

    public static MemberRole? ParseRole(string? name) => RoleNames.Where(r => r.Name == name).Select(r => (MemberRole?)r.Role).FirstOrDefault();

    public static string Name(ConversationKind kind) => kind == ConversationKind.Direct ? ConversationKinds.Direct : ConversationKinds.Group;

    /// <summary>A recalled message keeps its place and loses its content.</summary>
    public static MessageInfo ToInfo(ChatMessage m) => new(
        m.Seq,
        Ids.Format(m.SenderId),
        Name(m.Kind),
        m.RecalledAt is null ? m.Text : null,
        m.RecalledAt is null ? m.ReplyToSeq : null,
        m.RecalledAt is null ? m.Mentions?.Select(Ids.Format).ToList() : null,
        m.RecalledAt is null && m.MentionsAll,
        m.SentAt,
        m.RecalledAt is not null,
        m.ClientMsgId,
        m.Notice is { } n ? new Notice(n.Type, Format(n.ActorId), n.UserIds?.Select(Ids.Format).ToList(), n.TargetSeq, n.Text) : null,
        m.RecalledAt is null && m.Attachment is { } a ? new AttachmentInfo(Ids.Format(a.MediaId), a.ContentType, a.Size, a.FileName, a.DurationMs) : null,
        m.RecalledAt is null && m.Location is { } l ? new LocationInfo(l.Latitude, l.Longitude, l.Name, l.Address) : null,
        m.RecalledAt is null ? Format(m.CardUserId) : null,
        m.Money is { } money ? new MoneyInfo(money.Ref, money.Amount) : null);

    public static string? Format(Guid? id) => id is { } value ? Ids.Format(value) : null;
}
