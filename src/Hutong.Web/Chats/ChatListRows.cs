using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Web.Shared;

namespace Hutong.Web.Chats;

/// <summary>
/// Rows another feature adds to the chats list (an official account's thread, the Subscriptions folder), shown among
/// the conversations by their last activity. The chats list takes every registered source and knows none of them.
/// </summary>
public interface IChatListRows : IChangeSource
{
    IReadOnlyList<ChatListRow> Rows { get; }

    /// <summary>What these rows add to the number on the Chats tab (rows that notify, as unmuted chats do).</summary>
    int Unread { get; }
}

/// <summary>
/// One row of the chats list that is not a conversation. <see cref="Key"/> is what a page passes as the list's
/// <c>Selected</c> to mark it; <see cref="Href"/> is the page it opens.
/// </summary>
public sealed record ChatListRow(string Key, string Href, string Name, string Preview, DateTimeOffset? LastActivity, int Unread)
{
    /// <summary>The photo's path on the node, as the Avatar component takes it; without one the name's initial shows.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>An icon instead of an avatar (a folder of rows, like Subscriptions).</summary>
    public string? Icon { get; init; }

    /// <summary>Muted: a dot instead of a count, and no part of the tab's number.</summary>
    public bool Muted { get; init; }

    /// <summary>Something new shows as a dot, never a count (the Subscriptions folder).</summary>
    public bool DotOnly { get; init; }

    /// <summary>What a screen reader says of the dot or count.</summary>
    public string? UnreadLabel { get; init; }
}

/// <summary>A line of the chats list: a conversation, or another feature's row, and when it was last active.</summary>
public sealed record ChatListEntry(ConversationSummary? Chat, ChatListRow? Row, DateTimeOffset? At)
{
    /// <summary>
    /// The list as it shows: pinned chats first (in the store's order), then the other chats and the extra rows together,
    /// the latest first; a chat before a row active at the same instant. With a filter, only names that contain it.
    /// </summary>
    public static IReadOnlyList<ChatListEntry> Order(IReadOnlyList<ConversationSummary> chats, IEnumerable<ChatListRow> extras, string filter)
    {
        var wanted = filter.Trim();
        bool Shown(string name) => wanted.Length == 0 || name.Contains(wanted, StringComparison.OrdinalIgnoreCase);
        var shown = chats.Where(c => Shown(c.Name)).ToList();
        var rest = shown.Where(c => !c.Pinned).Select(c => new ChatListEntry(c, null, c.LastMessage?.SentAt))
            .Concat(extras.Where(r => Shown(r.Name)).Select(r => new ChatListEntry(null, r, r.LastActivity)))
            .OrderByDescending(e => e.At ?? DateTimeOffset.MinValue);
        return [.. shown.Where(c => c.Pinned).Select(c => new ChatListEntry(c, null, c.LastMessage?.SentAt)), .. rest];
    }
}

/// <summary>
/// A feature that lives on the chat store's gateway without the chat store knowing it: it is handed each new gateway
/// before it connects, starts its own loads once the chats list is there, and forgets everything on sign-out.
/// </summary>
public interface IGatewayFeature
{
    /// <summary>Subscribes to what the feature follows; the subscriptions end with <paramref name="stop"/> or the gateway.</summary>
    void Follow(HutongGateway gateway, CancellationToken stop);

    /// <summary>Loads what the feature shows, once signed in.</summary>
    Task StartAsync();

    /// <summary>Signed out: forgets what it held.</summary>
    void Clear();
}
