using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Localization;
using Hutong.Web.Notifications;

namespace Hutong.Web.OfficialAccounts;

/// <summary>Whether an item that just arrived in a thread shows a desktop notification, and what it says.</summary>
public static class AccountNotificationRule
{
    /// <param name="message">The item.</param>
    /// <param name="thread">The thread's row as it was before the item.</param>
    /// <param name="tabVisible">The page is on screen: the row or the thread shows it, and a notification would only repeat it.</param>
    /// <param name="hidePreviews">The person chose notifications that say only "New message".</param>
    /// <param name="s">The person's language.</param>
    public static DesktopNotification? Decide(AccountMessage message, AccountThreadSummary thread, bool tabVisible, bool hidePreviews, Strings s)
    {
        // Only what the account sends, in a service account's own thread (subscriptions are folded away and never
        // notify), unmuted, and only news: nothing the row already shows.
        if (tabVisible || !message.FromAccount || thread.Account.Kind != OfficialAccountKinds.Service || thread.Account.Muted)
        {
            return null;
        }

        if (thread.Last is { } last && AccountTimeline.Compare(message, last) <= 0)
        {
            return null;
        }

        var page = "/" + OfficialAccountsStore.ThreadRoute(message.AccountId);
        return hidePreviews
            ? new DesktopNotification(page, s.AppName, s.NewMessage)
            : new DesktopNotification(page, thread.Account.Name, AccountText.Preview(message, s));
    }
}
