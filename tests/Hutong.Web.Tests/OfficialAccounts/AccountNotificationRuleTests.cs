using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Localization;
using Hutong.Web.Notifications;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>A service account's news notifies as a chat's does; subscriptions, muted accounts and my own messages never.</summary>
public sealed class AccountNotificationRuleTests
{
    private static readonly Strings S = Strings.English;

    private static AccountThreadSummary Thread(string kind, bool muted = false) =>
        new(new OfficialAccountInfo("oa-1", kind, "Tea House", "", null, "gh_0123456789ab", 1, true, muted), new AccountMessage("m-1", "oa-1", true, Sample.Noon, new TextContent("Welcome")), 0);

    private static AccountMessage Item(bool fromAccount = true, int minutes = 1) =>
        new("m-2", "oa-1", fromAccount, Sample.Noon.AddMinutes(minutes), new TextContent("Your table is ready"));

    [Fact]
    public void ServiceAccountsNews_TabHidden_NotifiesAndOpensTheThread() =>
        Assert.Equal(new DesktopNotification("/oa/oa-1/thread", "Tea House", "Your table is ready"),
            AccountNotificationRule.Decide(Item(), Thread(OfficialAccountKinds.Service), tabVisible: false, hidePreviews: false, S));

    [Fact]
    public void HiddenPreviews_SayOnlyThatSomethingCame() =>
        Assert.Equal(new DesktopNotification("/oa/oa-1/thread", "Hutong", "New message"),
            AccountNotificationRule.Decide(Item(), Thread(OfficialAccountKinds.Service), tabVisible: false, hidePreviews: true, S));

    [Fact]
    public void Subscription_Muted_Mine_Visible_OrOld_NeverNotify()
    {
        Assert.Null(AccountNotificationRule.Decide(Item(), Thread(OfficialAccountKinds.Subscription), false, false, S));
        Assert.Null(AccountNotificationRule.Decide(Item(), Thread(OfficialAccountKinds.Service, muted: true), false, false, S));
        Assert.Null(AccountNotificationRule.Decide(Item(fromAccount: false), Thread(OfficialAccountKinds.Service), false, false, S));
        Assert.Null(AccountNotificationRule.Decide(Item(), Thread(OfficialAccountKinds.Service), tabVisible: true, false, S));
        Assert.Null(AccountNotificationRule.Decide(Item(minutes: -1), Thread(OfficialAccountKinds.Service), false, false, S));
    }
}
