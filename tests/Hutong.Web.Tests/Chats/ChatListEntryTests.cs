using Hutong.Contracts.Chat;
using Hutong.Web.Chats;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>Other features' rows take their place among the chats by time; pinned chats stay on top.</summary>
public sealed class ChatListEntryTests
{
    private static ConversationSummary Chat(string id, string name, int minutes, bool pinned = false) =>
        new(id, ConversationKinds.Direct, name, 1, 0, 0, false, pinned, Sample.Text(1, sentAt: Sample.Noon.AddMinutes(minutes)), "u-" + id, 2);

    private static ChatListRow Row(string key, string name, int? minutes) =>
        new(key, key, name, "", minutes is { } m ? Sample.Noon.AddMinutes(m) : null, 0);

    private static string Key(ChatListEntry entry) => entry.Row?.Key ?? entry.Chat!.ConversationId;

    [Fact]
    public void Order_PinnedFirst_ThenChatsAndRowsByLastActivity_RowsWithoutActivityLast()
    {
        var order = ChatListEntry.Order(
            [Chat("c-pinned", "Mum", -90, pinned: true), Chat("c-lin", "Lin", -5), Chat("c-yun", "Yun", -50)],
            [Row("oa:tea", "Tea House", -10), Row("oa:subscriptions", "Subscriptions", 0), Row("oa:quiet", "Quiet", null)],
            "");

        Assert.Equal(["c-pinned", "oa:subscriptions", "c-lin", "oa:tea", "c-yun", "oa:quiet"], order.Select(Key));
    }

    [Fact]
    public void Order_Filtered_KeepsChatsAndRowsWhoseNameHasIt()
    {
        var order = ChatListEntry.Order([Chat("c-lin", "Lin", -5), Chat("c-tea", "Tea friends", -20)], [Row("oa:tea", "Tea House", -10)], " tea ");

        Assert.Equal(["oa:tea", "c-tea"], order.Select(Key));
    }
}
