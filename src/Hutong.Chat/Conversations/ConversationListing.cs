using Hutong.Chat.Messages;

namespace Hutong.Chat.Conversations;

/// <summary>What the chats list needs of one conversation, read in one query.</summary>
public sealed record ConversationListing(
    Conversation Conversation,
    Member Mine,
    long LastSeq,
    int Unread,
    ChatMessage? LastMessage,
    int MemberCount,
    Guid? PeerId,
    string? PeerName);
