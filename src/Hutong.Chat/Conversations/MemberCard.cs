using Hutong.Accounts.Identity;

namespace Hutong.Chat.Conversations;

/// <summary>A member with what others see of them.</summary>
public sealed record MemberCard(Member Member, UserCard Card);
