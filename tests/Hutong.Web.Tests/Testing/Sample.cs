using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Bunit;
using Hutong.Contracts.Chat.Content;
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
        new(seq, senderId, sentAt ?? Noon, false, clientMsgId, null, new TextContent(text, mentions, mentionsAll));

    public static MessageInfo RecallNotice(long seq, long targetSeq, string actorId = "u-lin") =>
        new(seq, actorId, Noon, false, null, null, new NoticeContent(NoticeTypes.Recalled, actorId, null, targetSeq, null));

    public static MessageInfo Transfer(long seq, string transferId, long amount, string? note = null, string senderId = "u-lin") =>
        new(seq, senderId, Noon, false, null, null, new TransferContent(transferId, amount, note));

    public static MessageInfo RedPacket(long seq, string packetId, string? greeting = null, string senderId = "u-lin") =>
        new(seq, senderId, Noon, false, null, null, new RedPacketContent(packetId, greeting));

    public static MessageInfo Notice(long seq, string type, string actorId, string? text = null) =>
        new(seq, actorId, Noon, false, null, null, new NoticeContent(type, actorId, null, null, text));

    /// <summary>The words of a text message; null for any other kind, or a recalled message.</summary>
    public static string? Text(this MessageInfo message) => (message.Content as TextContent)?.Text;

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
