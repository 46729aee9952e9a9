using System.Security.Claims;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Http;
using Hutong.MiniPrograms.AppStorage;
using Hutong.MiniPrograms.Login;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hutong.MiniPrograms.Network;

/// <summary>
/// What the host calls for a running mini-program, as the signed-in person: <c>wx.login</c>'s code, storage, and
/// requests to the developer's servers. The sandboxed frames never call these: the host does, after its checks.
/// </summary>
public static class RuntimeApi
{
    public static RouteGroupBuilder MapMiniProgramRuntimeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{appId}/login", async Task<Results<Ok<MiniProgramLoginCode>, ProblemHttpResult>> (string appId, ClaimsPrincipal user, LoginService logins, CancellationToken ct) =>
        {
            var code = await logins.CodeAsync(user.UserId(), appId, ct);
            return code.IsSuccess ? TypedResults.Ok(new MiniProgramLoginCode(code.Value)) : code.Error.ToProblem();
        });
        api.MapGet("/{appId}/storage", async (string appId, ClaimsPrincipal user, AppStorageService storage, CancellationToken ct) =>
            (await storage.GetAsync(user.UserId(), appId, ct)).ToOk());
        api.MapPut("/{appId}/storage", async (string appId, SetStorageItemRequest request, ClaimsPrincipal user, AppStorageService storage, CancellationToken ct) =>
            (await storage.SetAsync(user.UserId(), appId, request, ct)).ToOk())
            .WithMetadata(new RequestSizeLimitAttribute((2 * AppStorageService.ItemLimit) + (64 * 1024)));
        api.MapPost("/{appId}/storage/remove", async (string appId, RemoveStorageItemRequest request, ClaimsPrincipal user, AppStorageService storage, CancellationToken ct) =>
            (await storage.RemoveAsync(user.UserId(), appId, request.Key ?? "", ct)).ToOk());
        api.MapDelete("/{appId}/storage", async (string appId, ClaimsPrincipal user, AppStorageService storage, CancellationToken ct) =>
            (await storage.RemoveAsync(user.UserId(), appId, null, ct)).ToOk());
        api.MapPost("/{appId}/request", async (string appId, string? version, ProxyRequest request, HttpContext http, ClaimsPrincipal user, RequestProxy proxy, CancellationToken ct) =>
            (await proxy.SendAsync(user.UserId(), appId, version, $"{http.Request.Scheme}://{http.Request.Host}", request, ct)).ToOk())
            .WithMetadata(new RequestSizeLimitAttribute((RequestProxy.MaxBodyBytes * 4 / 3) + (64 * 1024)));
        return api;
    }
}
