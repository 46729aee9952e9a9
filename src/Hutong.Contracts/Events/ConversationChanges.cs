namespace Hutong.Contracts.Events;

/// <summary>The <c>change</c> of a <see cref="ConversationEvent"/>.</summary>
public static class ConversationChanges
{
    public const string Joined = "joined";
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Dissolved = "dissolved";
}
