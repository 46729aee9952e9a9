using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts.Chat;
using Hutong.Core;

namespace Hutong.Chat;

/// <summary>
/// Chat's domain as clients see it, both ways: the HTTP API and the gateway both map through here, and each name
/// table serves parsing and formatting alike, so a new role is added in one place. Message content is the wire's
/// own records, passed through as they are.
/// </summary>
public static class ChatWire
{
    private static readonly (MemberRole Role, string Name)[] RoleNames =
    [
        (MemberRole.Owner, MemberRoles.Owner), (MemberRole.Admin, MemberRoles.Admin), (MemberRole.Member, MemberRoles.Member),
    ];

    public static string Name(MemberRole role) => RoleNames.First(r => r.Role == role).Name;

    public static MemberRole? ParseRole(string? name) => RoleNames.Where(r => r.Name == name).Select(r => (MemberRole?)r.Role).FirstOrDefault();

    public static string Name(ConversationKind kind) => kind == ConversationKind.Direct ? ConversationKinds.Direct : ConversationKinds.Group;

    /// <summary>A recalled message keeps its place and loses its content (and its quote).</summary>
    public static MessageInfo ToInfo(ChatMessage m) => m.RecalledAt is null
        ? new(m.Seq, Ids.Format(m.SenderId), m.SentAt, false, m.ClientMsgId, m.ReplyToSeq, m.Content)
        : new(m.Seq, Ids.Format(m.SenderId), m.SentAt, true, m.ClientMsgId, null, null);

    public static string? Format(Guid? id) => id is { } value ? Ids.Format(value) : null;
}
