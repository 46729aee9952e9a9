namespace Hutong.Contracts.Chat;

/// <summary>The kinds of conversation.</summary>
public static class ConversationKinds
{
    public const string Direct = "direct";
    public const string Group = "group";
}
