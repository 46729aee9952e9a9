using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Chats;
using Hutong.Web.Localization;

namespace Hutong.Web.OfficialAccounts;

/// <summary>An item of a thread in one line of words: for the chats list's rows, Subscriptions, and notifications.</summary>
public static class AccountText
{
    /// <summary>What the item holds; the person's own messages as they are, as a chat's last message shows.</summary>
    public static string Preview(AccountMessage message, Strings s) => MessageText.Body(message.Content, s);
}
