using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Bunit;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Session;

namespace Hutong.Web.Tests.Testing;

/// <summary>Messages, people and groups for tests, with only what a test cares about spelled out.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 18, 12, 0, 0, TimeSpan.Zero);

    public static MessageInfo Text(long seq, string text = "hello", string senderId = "u-lin", string? clientMsgId = null,
        IReadOnlyList<string>? mentions = null, bool mentionsAll = false, DateTimeOffset? sentAt = null) =>
        new(seq, senderId, MessageKinds.Text, text, null, mentions, mentionsAll, sentAt ?? Noon, false, clientMsgId, null);

    public static MessageInfo RecallNotice(long seq, long targetSeq, string actorId = "u-lin") =>
        new(seq, actorId, MessageKinds.System, null, null, null, false, Noon, false, null, new Notice(NoticeTypes.Recalled, actorId, null, targetSeq, null));

    public static MessageInfo Transfer(long seq, string transferId, long amount, string? note = null, string senderId = "u-lin") =>
        new(seq, senderId, MessageKinds.Transfer, note, null, null, false, Noon, false, null, null, Money: new MoneyInfo(transferId, amount));

    public static MessageInfo RedPacket(long seq, string packetId, string? greeting = null, string senderId = "u-lin") =>
        new(seq, senderId, MessageKinds.RedPacket, greeting, null, null, false, Noon, false, null, null, Money: new MoneyInfo(packetId, null));

    public static MessageInfo Notice(long seq, string type, string actorId, string? text = null) =>
        new(seq, actorId, MessageKinds.System, null, null, null, false, Noon, false, null, new Notice(type, actorId, null, null, text));

    public static People People(params (string UserId, string Name)[] known)
    {
        var people = new People(Client(new RecordingHandler()), new Texts(new Browser(new BunitJSInterop { Mode = JSRuntimeMode.Loose }.JSRuntime)));
        foreach (var (userId, name) in known)
        {
            people.Remember(new PublicProfile(userId, name.ToLowerInvariant(), name, null));
        }

        return people;
    }

    public static HutongClient Client(HttpMessageHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://hutong.test/") });

    public static ConversationDetails Group(string myRole, params MemberInfo[] members) =>
        new("c-1", ConversationKinds.Group, "Tea house", null, 0, 0, false, false, myRole, members);

    public static MemberInfo Member(string userId, string handle, string role = MemberRoles.Member) =>
        new(userId, handle, handle, null, role, Noon);
}
