using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;

namespace Hutong.Web.Notifications;

/// <summary>Whether a message that just arrived shows a desktop notification, and what it says.</summary>
public static class NotificationRule
{
    /// <param name="conversationId">Where the message arrived.</param>
    /// <param name="message">The message.</param>
    /// <param name="chat">The chats list's row as it was before the message, or null for a chat the list does not hold yet.</param>
    /// <param name="myUserId">The signed-in person.</param>
    /// <param name="tabVisible">The page is on screen: the message shows there, and a notification would only repeat it.</param>
    /// <param name="hidePreviews">The person chose notifications that say only "New message".</param>
    /// <param name="people">Names of senders.</param>
    /// <param name="s">The person's language.</param>
    public static DesktopNotification? Decide(
        string conversationId, MessageInfo message, ConversationSummary? chat, string myUserId, bool tabVisible, bool hidePreviews, People people, Strings s)
    {
        // Only new messages from others: not my own from another device, not notices (recalls, joins, money outcomes).
        if (tabVisible || message.SenderId == myUserId || message.Content is NoticeContent || message.Recalled)
        {
            return null;
        }

        // The list already had it: a replay after reconnecting, not news.
        if (chat is not null && message.Seq <= chat.LastSeq)
        {
            return null;
        }

        var group = chat?.Kind == ConversationKinds.Group;
        var mentioned = group && message.Content is TextContent text && text.Mentioning(myUserId);
        // As WeChat does: a muted group still tells of an @mention of me (or @all, which only its owner and admins can send).
        if (chat is { Muted: true } && !mentioned)
        {
            return null;
        }

        if (hidePreviews)
        {
            return new DesktopNotification(conversationId, s.AppName, s.NewMessage);
        }

        var body = MessageText.Body(message, s);
        return group
            ? new DesktopNotification(conversationId, chat!.Name, $"{(mentioned ? s.MentionedYou + " " : "")}{people.Name(message.SenderId)}: {body}")
            : new DesktopNotification(conversationId, chat?.Name ?? people.Name(message.SenderId), body);
    }
}
