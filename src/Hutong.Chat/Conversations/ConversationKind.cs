namespace Hutong.Chat.Conversations;

public enum ConversationKind
{
    Direct = 0,
    Group = 1,
}
