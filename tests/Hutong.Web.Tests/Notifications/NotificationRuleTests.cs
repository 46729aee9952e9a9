using Hutong.Contracts.Chat;
using Hutong.Web.Localization;
using Hutong.Web.Notifications;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Notifications;

/// <summary>When a message that just arrived shows a desktop notification, and what it says.</summary>
public sealed class NotificationRuleTests
{
    private const string Me = "u-me";

    private static readonly Strings S = Strings.English;

    private static readonly Web.Contacts.People People = Sample.People(("u-me", "Andrea"), ("u-lin", "Lin"), ("u-yun", "Yun"));

    private static ConversationSummary Direct(bool muted = false, long lastSeq = 4) =>
        new("c-lin", ConversationKinds.Direct, "Lin (tea)", lastSeq, lastSeq, 0, muted, false, null, "u-lin", 2);

    private static ConversationSummary Group(bool muted = false) =>
        new("c-tea", ConversationKinds.Group, "Tea house", 4, 4, 0, muted, false, null, null, 3);

    private static DesktopNotification? Decide(MessageInfo message, ConversationSummary? chat, bool tabVisible = false, bool hidePreviews = false) =>
        NotificationRule.Decide(chat?.ConversationId ?? "c-new", message, chat, Me, tabVisible, hidePreviews, People, S);

    [Fact]
    public void Decide_ANewMessageFromAFriendWhileTheTabIsHidden_NamesTheChatAndSaysWhatCame()
    {
        var notification = Decide(Sample.Text(5, "tea at four?"), Direct());

        Assert.Equal(new DesktopNotification("c-lin", "Lin (tea)", "tea at four?"), notification);
    }

    [Fact]
    public void Decide_InAGroup_NamesTheGroupAndTheSender()
    {
        var notification = Decide(Sample.Text(5, "coming!", senderId: "u-yun"), Group());

        Assert.Equal(new DesktopNotification("c-tea", "Tea house", "Yun: coming!"), notification);
    }

    [Fact]
    public void Decide_TheTabIsVisible_NotifiesNothing() =>
        Assert.Null(Decide(Sample.Text(5), Direct(), tabVisible: true));

    [Fact]
    public void Decide_MyOwnMessageFromAnotherDevice_NotifiesNothing() =>
        Assert.Null(Decide(Sample.Text(5, senderId: Me), Direct()));

    [Fact]
    public void Decide_ANotice_NotifiesNothing()
    {
        Assert.Null(Decide(Sample.RecallNotice(5, targetSeq: 4), Direct()));
        Assert.Null(Decide(Sample.Notice(5, NoticeTypes.TransferAccepted, "u-lin", "t-1"), Direct()));
        Assert.Null(Decide(Sample.Notice(5, NoticeTypes.Joined, "u-yun"), Group()));
    }

    [Fact]
    public void Decide_AMessageTheDeviceAlreadyHad_NotifiesNothing() =>
        Assert.Null(Decide(Sample.Text(4), Direct(lastSeq: 4)));

    [Fact]
    public void Decide_AMutedChat_NotifiesNothing()
    {
        Assert.Null(Decide(Sample.Text(5), Direct(muted: true)));
        Assert.Null(Decide(Sample.Text(5, senderId: "u-yun", mentions: ["u-lin"]), Group(muted: true)));
    }

    [Fact]
    public void Decide_AnAtMentionOfMeInAMutedGroup_StillNotifiesAndSaysWhy()
    {
        var named = Decide(Sample.Text(5, "@Andrea the kettle", senderId: "u-yun", mentions: [Me]), Group(muted: true));
        var everyone = Decide(Sample.Text(6, "@all meeting", senderId: "u-yun", mentionsAll: true), Group(muted: true));

        Assert.Equal("[You were mentioned] Yun: @Andrea the kettle", named?.Body);
        Assert.Equal("[You were mentioned] Yun: @all meeting", everyone?.Body);
    }

    [Fact]
    public void Decide_PreviewsHidden_SaysOnlyNewMessage_NeitherWhoNorWhat()
    {
        var direct = Decide(Sample.Text(5, "the secret recipe"), Direct(), hidePreviews: true);
        var mention = Decide(Sample.Text(5, "@Andrea psst", senderId: "u-yun", mentions: [Me]), Group(muted: true), hidePreviews: true);

        Assert.Equal(new DesktopNotification("c-lin", "Hutong", "New message"), direct);
        Assert.Equal(new DesktopNotification("c-tea", "Hutong", "New message"), mention);
    }

    [Fact]
    public void Decide_AChatTheListDoesNotHoldYet_NamesTheSender()
    {
        var notification = Decide(Sample.Text(1, "hi, it's Lin"), chat: null);

        Assert.Equal(new DesktopNotification("c-new", "Lin", "hi, it's Lin"), notification);
    }

    [Fact]
    public void Decide_MoneyFromAFriend_IsANewMessageToo()
    {
        var notification = Decide(Sample.Transfer(5, "t-1", 1_250, "for the tea"), Direct());

        Assert.Equal("[Transfer] for the tea", notification?.Body);
    }
}
