using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Contacts;
using Hutong.Web.Contacts;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Contacts;

/// <summary>Contacts as the store keeps them, fresh from the event log.</summary>
public sealed class ContactStoreTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public ContactStoreTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server
            .Answer(HttpMethod.Get, "api/v1/friends?limit=200", () => RecordingHandler.Json(new FriendList([], null), HutongJsonContext.Default.FriendList))
            .Answer(HttpMethod.Get, "api/v1/friend-requests?direction=outgoing&limit=100", () => Requests())
            .Answer(HttpMethod.Get, "api/v1/group-invitations", () => RecordingHandler.Json(new GroupInvitationList([]), HutongJsonContext.Default.GroupInvitationList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private ContactStore Contacts => _context.Services.GetRequiredService<ContactStore>();

    [Fact]
    public async Task Refresh_AnswersComingBackOutOfOrder_TheNewerRequestsStay()
    {
        // The first refresh (as a page starts) asked before Lin's request existed and answers last, as under load.
        var slow = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        _server.AnswerLater(HttpMethod.Get, "api/v1/friend-requests?direction=incoming&limit=100", () => ++asked == 1 ? slow.Task : Task.FromResult(Requests(FromLin())));

        var older = Contacts.RefreshAsync();
        await Contacts.RefreshAsync();
        slow.SetResult(Requests());
        await older;

        Assert.Equal(2, asked);
        Assert.Equal("r-1", Assert.Single(Contacts.Incoming).RequestId);
        Assert.Equal(1, Contacts.Waiting);
    }

    private static FriendRequestInfo FromLin()
    {
        var (lin, me) = (new PublicProfile("u-lin", "lin", "Lin", null), new PublicProfile("u-me", "me", "Me", null));
        return new FriendRequestInfo("r-1", lin.UserId, me.UserId, "hi", FriendRequestStates.Pending, Sample.Noon, Sample.Noon.AddDays(30), lin, me);
    }

    private static HttpResponseMessage Requests(params FriendRequestInfo[] requests) =>
        RecordingHandler.Json(new FriendRequestList(requests, null), HutongJsonContext.Default.FriendRequestList, HttpStatusCode.OK);
}
