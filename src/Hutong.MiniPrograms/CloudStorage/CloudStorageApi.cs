using System.Security.Claims;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// Hosted data and leaderboards, as the client's host calls them for a running game, as the signed-in person: their
/// own key-values (for both of the game's contexts), the friends' and a group's (for the open data context alone: the
/// host is to hand those to nothing the game's own code can read), a card's share ticket and <c>wx.getShareInfo</c>.
/// Each is 404 for an app they may not open.
/// </summary>
public static class CloudStorageApi
{
    public static RouteGroupBuilder MapMiniProgramCloudStorageApi(this RouteGroupBuilder api)
    {
        api.MapPut("/{appId}/cloud-storage", async (string appId, SetCloudStorageRequest request, ClaimsPrincipal user, CloudStorageService storage, CancellationToken ct) =>
            (await storage.SetAsync(user.UserId(), appId, request, ct)).ToNoContent());
        api.MapPost("/{appId}/cloud-storage/remove", async (string appId, RemoveCloudStorageRequest request, ClaimsPrincipal user, CloudStorageService storage, CancellationToken ct) =>
            (await storage.RemoveAsync(user.UserId(), appId, request, ct)).ToNoContent());
        api.MapGet("/{appId}/cloud-storage", async (string appId, [FromQuery] string[]? keys, ClaimsPrincipal user, CloudStorageService storage, CancellationToken ct) =>
            (await storage.GetAsync(user.UserId(), appId, keys, ct)).ToOk());
        api.MapGet("/{appId}/cloud-storage/keys", async (string appId, ClaimsPrincipal user, CloudStorageService storage, CancellationToken ct) =>
            (await storage.KeysAsync(user.UserId(), appId, ct)).ToOk());
        api.MapGet("/{appId}/cloud-storage/friends", async (string appId, [FromQuery] string[]? keys, ClaimsPrincipal user, LeaderboardService boards, CancellationToken ct) =>
            (await boards.FriendsAsync(user.UserId(), appId, keys, ct)).ToOk());

        // A POST, so the ticket stays out of URLs and the logs that keep them.
        api.MapPost("/{appId}/cloud-storage/group", async (string appId, GroupCloudStorageRequest request, ClaimsPrincipal user, LeaderboardService boards, CancellationToken ct) =>
            (await boards.GroupAsync(user.UserId(), appId, request, ct)).ToOk());
        api.MapPost("/{appId}/share-tickets", async (string appId, ShareTicketRequest request, ClaimsPrincipal user, ShareTicketService shares, CancellationToken ct) =>
            (await shares.IssueAsync(user.UserId(), appId, request, ct)).ToOk());
        api.MapPost("/{appId}/share-info", async (string appId, ShareInfoRequest request, ClaimsPrincipal user, ShareTicketService shares, CancellationToken ct) =>
            (await shares.ShareInfoAsync(user.UserId(), appId, request, ct)).ToOk());
        return api;
    }
}
