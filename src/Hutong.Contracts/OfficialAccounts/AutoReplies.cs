using System.Text.Json.Serialization;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// What an auto-reply sends: text or an image the account's owner uploaded (<see cref="Content"/>), or news of 1 to 8
/// of the account's published articles (<see cref="ArticleIds"/>), never both.
/// </summary>
public sealed record AutoReply(
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content = null,
    IReadOnlyList<string>? ArticleIds = null);

/// <summary>A keyword of a rule: the follower's whole message (<c>exact</c>) or a part of it (<c>contains</c>), ignoring case.</summary>
public sealed record ReplyKeyword(string Text, string Match = KeywordMatches.Exact);

/// <summary>A keyword rule: when a follower's text matches any of its keywords, the account answers with its reply.</summary>
public sealed record ReplyRule(string Name, IReadOnlyList<ReplyKeyword> Keywords, AutoReply Reply);

/// <summary>
/// The account's auto-replies, all at once: the reply to a new follower, the reply when nothing else answers, and the
/// keyword rules in order (the first that matches answers). A null reply is none.
/// </summary>
public sealed record AutoRepliesRequest(AutoReply? Follow = null, AutoReply? Default = null, IReadOnlyList<ReplyRule>? Rules = null);

/// <summary>
/// The auto-replies in force. With <see cref="DeveloperMode"/> on, the account's developer server answers followers
/// instead, and none of these run.
/// </summary>
public sealed record AutoRepliesInfo(AutoReply? Follow, AutoReply? Default, IReadOnlyList<ReplyRule> Rules, bool DeveloperMode);

public static class KeywordMatches
{
    public const string Exact = "exact";

    public const string Contains = "contains";

    public static IReadOnlyList<string> All { get; } = [Exact, Contains];
}
