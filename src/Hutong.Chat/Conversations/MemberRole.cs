namespace Hutong.Chat.Conversations;

public enum MemberRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}
