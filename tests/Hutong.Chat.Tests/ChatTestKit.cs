using Hutong.Contracts.Chat;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

/// <summary>Shortcuts the chat tests share: friends with their direct conversation, and reading a whole conversation.</summary>
internal static class ChatTestKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two new friends and the id of the direct conversation their friendship opened.</summary>
    public static async Task<(TestUser A, TestUser B, string ConversationId)> FriendsAsync(HutongApp app, string a = "mei", string b = "lin")
    {
        var first = await TestUser.CreateAsync(app, a);
        var second = await TestUser.CreateAsync(app, b);
        await first.BefriendAsync(second);
        var direct = Assert.Single((await first.Client.GetConversationsAsync(Ct)).Conversations);
        return (first, second, direct.ConversationId);
    }

    /// <summary>Every message the user sees, page by page until an empty page.</summary>
    public static async Task<IReadOnlyList<MessageInfo>> AllMessagesAsync(TestUser user, string conversationId)
    {
        var all = new List<MessageInfo>();
        while (true)
        {
            var after = all.Count == 0 ? 0 : all[^1].Seq;
            var page = await user.Client.GetMessagesAsync(conversationId, afterSeq: after, limit: 200, cancellationToken: Ct);
            if (page.Messages.Count == 0)
            {
                return all;
            }

            // Each page must move on, or this would read the same page for ever.
            Assert.True(page.Messages[^1].Seq > after, $"The page after seq {after} ends at seq {page.Messages[^1].Seq}.");
            all.AddRange(page.Messages);
        }
    }
}
