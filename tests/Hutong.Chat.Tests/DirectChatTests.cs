using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

public sealed class DirectChatTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AcceptingAFriend_OpensOneDirectConversationForBoth(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);

        var fromLin = Assert.Single((await lin.Client.GetConversationsAsync(Ct)).Conversations);
        var reopened = await mei.Client.OpenDirectAsync(lin.UserId, Ct);
        var reopenedByLin = await lin.Client.OpenDirectAsync(mei.UserId, Ct);

        Assert.Equal(conversationId, fromLin.ConversationId);
        Assert.Equal((ConversationKinds.Direct, mei.UserId, "mei"), (fromLin.Kind, fromLin.PeerUserId, fromLin.Name));
        Assert.Equal(conversationId, reopened.ConversationId);
        Assert.Equal(conversationId, reopenedByLin.ConversationId);
    }

    [Theory, ProviderData]
    public async Task OpenDirect_WithAStranger_Is403NotFriends(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var stranger = await TestUser.CreateAsync(app, "stranger");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.OpenDirectAsync(stranger.UserId, Ct));

        Assert.Equal((403, ErrorCodes.NotFriends), (error.Status, error.Code));
        Assert.Empty((await mei.Client.GetConversationsAsync(Ct)).Conversations);
    }

    [Theory, ProviderData]
    public async Task Send_BothSides_GetAscendingGapFreeSeqs_AndSeeTheSameHistory(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);

        var first = await mei.Client.SendTextAsync(id, "你好 Lin 👋", Ct);
        var second = await lin.Client.SendTextAsync(id, "hi Mei", Ct);
        var third = await mei.Client.SendTextAsync(id, "tea at four?", Ct);

        Assert.Equal([1L, 2L, 3L], [first.Seq, second.Seq, third.Seq]);
        var seenByLin = await ChatTestKit.AllMessagesAsync(lin, id);
        Assert.Equal(["你好 Lin 👋", "hi Mei", "tea at four?"], seenByLin.Select(m => m.Text()));
        Assert.Equal([mei.UserId, lin.UserId, mei.UserId], seenByLin.Select(m => m.SenderId));
        Assert.Equal(seenByLin, await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Theory, ProviderData]
    public async Task Send_ConcurrentFromBothSides_EverySeqOnceWithoutGaps(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);

        var sends = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? mei : lin).Client.SendTextAsync(id, "message " + i, Ct));
        var acks = await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        var stored = await ChatTestKit.AllMessagesAsync(mei, id);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stored.Select(m => m.Seq));
        Assert.Equal(100, stored.Select(m => m.Text()).Distinct().Count());
    }

    [Theory, ProviderData]
    public async Task Send_RetryWithTheSameClientMsgId_ReturnsTheFirstSeq_StoresOnce(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var message = new SendMessageRequest("device-1-msg-42", new TextContent("only once"));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => mei.Client.SendMessageAsync(id, message, Ct)));
        var later = await mei.Client.SendMessageAsync(id, message, Ct);

        Assert.All(attempts.Append(later), a => Assert.Equal(attempts[0], a));
        Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id));
        // The id is the sender's: another person may use the same one.
        Assert.Equal(attempts[0].Seq + 1, (await lin.Client.SendMessageAsync(id, message, Ct)).Seq);
    }

    [Theory, ProviderData]
    public async Task Send_RetryAfterARestart_StillReturnsTheFirstSeq(StorageProvider provider)
    {
        using var storage = await TestStorage.CreateAsync(provider, Ct);
        var message = new SendMessageRequest("retry-across-restart", new TextContent("sent before the restart"));
        string id, handle;
        SendMessageResponse first;
        await using (var before = HutongApp.Start(storage))
        {
            var (mei, _, conversation) = await ChatTestKit.FriendsAsync(before);
            (id, handle) = (conversation, mei.Handle);
            first = await mei.Client.SendMessageAsync(id, message, Ct);
            await mei.Client.SendTextAsync(id, "and one more", Ct);
        }

        await using var after = HutongApp.Start(storage);
        var again = after.NewClient();
        await again.LoginAsync(new Contracts.Accounts.LoginRequest(handle, TestUser.DefaultPassword, null), Ct);

        var retried = await again.SendMessageAsync(id, message, Ct);
        var next = await again.SendTextAsync(id, "after the restart", Ct);

        Assert.Equal(first, retried);
        Assert.Equal(3, next.Seq);
        Assert.Equal(3, (await again.GetMessagesAsync(id, afterSeq: 0, cancellationToken: Ct)).Messages.Count);
    }

    [Theory, ProviderData]
    public async Task Send_BadInput_Is400AndWritesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);

        var empty = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("a", new TextContent("   ")), Ct));
        var tooLong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("b", new TextContent(new string('字', 8_001))), Ct));
        var noClientId = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("", new TextContent("hi")), Ct));
        var badKind = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("c", new UnknownContent("hologram")), Ct));
        var badReply = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("d", new TextContent("hi"), 99), Ct));
        var badMention = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("e", new TextContent("hi", [Guid.NewGuid().ToString()])), Ct));
        var nul = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("f", new TextContent("hi\0there")), Ct));
        var escape = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, new("g", new TextContent("\u001b[2Jgone")), Ct));

        Assert.Equal(["text"], empty.Problem!.Errors!.Keys);
        Assert.Equal(["text"], tooLong.Problem!.Errors!.Keys);
        Assert.Equal(["clientMsgId"], noClientId.Problem!.Errors!.Keys);
        Assert.Equal(["kind"], badKind.Problem!.Errors!.Keys);
        Assert.Equal(["replyToSeq"], badReply.Problem!.Errors!.Keys);
        Assert.Equal(["mentions"], badMention.Problem!.Errors!.Keys);
        Assert.Equal(["text"], nul.Problem!.Errors!.Keys);
        Assert.Equal(["text"], escape.Problem!.Errors!.Keys);
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
        Assert.Equal(1, (await mei.Client.SendTextAsync(id, "the first real one", Ct)).Seq);
    }

    [Theory]
    [InlineData("""{"clientMsgId":"u-1","content":{"kind":"hologram","text":"hi"}}""", "kind")]
    [InlineData("""{"clientMsgId":"u-2","content":{"text":"a kind left out"}}""", "kind")]
    [InlineData("""{"clientMsgId":"u-3","content":{"kind":"redPacket","id":"p-1","greeting":"only the wallet writes these"}}""", "kind")]
    [InlineData("""{"clientMsgId":"u-4"}""", "content")]
    [InlineData("""{"clientMsgId":"u-5","content":null}""", "content")]
    [InlineData("""{"clientMsgId":"u-6","kind":"text","text":"the shape before content"}""", "content")]
    public async Task Send_UnknownOrMissingContent_IsAValidationProblem_AndWritesNothing(string body, string field)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);
        using var raw = app.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);

        using var response = await raw.PostAsync($"/api/v1/conversations/{id}/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(response.Content, HutongJsonContext.Default.ProblemBody, Ct);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (problem!.Status, problem.Code));
        Assert.Equal([field], problem.Errors!.Keys);
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Fact]
    public async Task Send_ContentThatIsNotAnObject_IsAMalformedBody()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);
        using var raw = app.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);

        using var response = await raw.PostAsync(
            $"/api/v1/conversations/{id}/messages", new StringContent("""{"clientMsgId":"n-1","content":"hi"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(response.Content, HutongJsonContext.Default.ProblemBody, Ct);

        Assert.Equal((400, ErrorCodes.MalformedBody), (problem!.Status, problem.Code));
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Fact]
    public async Task Send_KindNotFirst_IsReadAllTheSame()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        using var raw = app.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);

        using var response = await raw.PostAsync(
            $"/api/v1/conversations/{id}/messages", new StringContent("""{"content":{"text":"kind last","kind":"text"},"clientMsgId":"o-1"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new TextContent("kind last"), Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id)).Content);
    }

    [Theory, ProviderData]
    public async Task QuoteReply_PointsAtTheQuotedSeq(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var question = await mei.Client.SendTextAsync(id, "tea or coffee?", Ct);

        await lin.Client.SendMessageAsync(id, new("r1", new TextContent("tea, always", [mei.UserId]), question.Seq), Ct);

        var reply = (await ChatTestKit.AllMessagesAsync(mei, id))[^1];
        Assert.Equal(question.Seq, reply.ReplyToSeq);
        Assert.Equal([mei.UserId], Assert.IsType<TextContent>(reply.Content).Mentions!);
    }

    [Theory, ProviderData]
    public async Task NonMembers_Get404ForTheConversationAndEverythingUnderIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);
        var seq = (await mei.Client.SendTextAsync(id, "private", Ct)).Seq;
        var snoop = await TestUser.CreateAsync(app, "snoop");

        var attempts = new Func<Task>[]
        {
            () => snoop.Client.GetConversationAsync(id, Ct),
            () => snoop.Client.GetMessagesAsync(id, afterSeq: 0, cancellationToken: Ct),
            () => snoop.Client.SendTextAsync(id, "let me in", Ct),
            () => snoop.Client.RecallAsync(id, seq, Ct),
            () => snoop.Client.DeleteMessageForMeAsync(id, seq, Ct),
            () => snoop.Client.MarkReadAsync(id, seq, Ct),
            () => snoop.Client.UpdateConversationSettingsAsync(id, new(true, true), Ct),
            () => snoop.Client.AddMembersAsync(id, [snoop.UserId], Ct),
            () => snoop.Client.GetConversationAsync(Guid.NewGuid().ToString(), Ct),
        };

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(attempt);
            Assert.Equal((404, ErrorCodes.ConversationNotFound), (error.Status, error.Code));
        }

        Assert.Empty((await snoop.Client.GetConversationsAsync(Ct)).Conversations);
        Assert.Single(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Theory, ProviderData]
    public async Task Send_AfterUnfriendingOrBlocking_IsRefused_AndWorksAgainAfterwards(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await mei.Client.SendTextAsync(id, "before", Ct);

        await lin.Client.BlockAsync(mei.UserId, Ct);
        var blocked = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendTextAsync(id, "while blocked", Ct));
        await lin.Client.UnblockAsync(mei.UserId, Ct);
        await mei.Client.SendTextAsync(id, "after unblocking", Ct);
        await lin.Client.RemoveFriendAsync(mei.UserId, Ct);
        var unfriended = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendTextAsync(id, "after unfriending", Ct));
        await mei.BefriendAsync(lin);

        Assert.Equal((403, ErrorCodes.MessageRefused), (blocked.Status, blocked.Code));
        Assert.Equal((403, ErrorCodes.MessageRefused), (unfriended.Status, unfriended.Code));
        Assert.Equal(3, (await mei.Client.SendTextAsync(id, "friends again, same conversation", Ct)).Seq);
        Assert.Equal(id, Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId);
    }

    [Theory, ProviderData]
    public async Task History_BeforeSeq_PagesBackwards(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);
        for (var i = 1; i <= 7; i++)
        {
            await mei.Client.SendTextAsync(id, "m" + i, Ct);
        }

        var newest = await mei.Client.GetMessagesAsync(id, beforeSeq: long.MaxValue, limit: 3, cancellationToken: Ct);
        var older = await mei.Client.GetMessagesAsync(id, beforeSeq: newest.Messages[0].Seq, limit: 3, cancellationToken: Ct);

        Assert.Equal(["m5", "m6", "m7"], newest.Messages.Select(m => m.Text()));
        Assert.Equal(["m2", "m3", "m4"], older.Messages.Select(m => m.Text()));
    }

    [Theory, ProviderData]
    public async Task DeleteForMe_HidesItOnlyForMe(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var oops = await lin.Client.SendTextAsync(id, "embarrassing", Ct);
        await lin.Client.SendTextAsync(id, "fine", Ct);

        await mei.Client.DeleteMessageForMeAsync(id, oops.Seq, Ct);

        Assert.Equal(["fine"], (await ChatTestKit.AllMessagesAsync(mei, id)).Select(m => m.Text()));
        Assert.Equal(["embarrassing", "fine"], (await ChatTestKit.AllMessagesAsync(lin, id)).Select(m => m.Text()));
        var meiEvents = await mei.Client.GetEventsAsync(cancellationToken: Ct);
        Assert.Contains(meiEvents.Events, e => e is MessageDeletedEvent { MessageSeq: var seq } && seq == oops.Seq);
        Assert.DoesNotContain((await lin.Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is MessageDeletedEvent);
    }
}
