using System.Text.Json.Serialization;

namespace Hutong.Contracts.Chat.Content;

/// <summary>Words, with the members it @mentions (user ids) or @all (owner and admins only).</summary>
public sealed record TextContent(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Mentions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool MentionsAll = false) : MessageContent
{
    public override string? SearchText() => Text;

    /// <summary>Whether the message mentions this person, by name or by @all.</summary>
    public bool Mentioning(string userId) => MentionsAll || Mentions?.Contains(userId) == true;
}
