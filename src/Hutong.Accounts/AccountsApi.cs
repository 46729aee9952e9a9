using System.Security.Claims;
using Hutong.Accounts.Identity;
using Hutong.Accounts.Sessions;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.Core.RateLimits;
using Hutong.Core.Qr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Accounts;

/// <summary>docs/api.md "Accounts and sessions".</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Accounts");
        open.MapPost("/accounts", SignUp).RequireClusterRateLimit(RateLimitPolicies.SignUp);
        open.MapPost("/sessions", Login);

        var api = app.MapGroup("/api/v1").WithTags("Accounts").RequireAuthorization();
        api.MapDelete("/sessions/current", Logout);
        api.MapGet("/me", GetMe);
        api.MapPatch("/me", UpdateMe);
        api.MapDelete("/me", DeleteMe);
        api.MapPut("/me/password", ChangePassword);
        api.MapGet("/me/devices", ListDevices);
        api.MapDelete("/me/devices/{deviceId}", RevokeDevice);
        api.MapGet("/users/by-handle/{handle}", GetByHandle);
        api.MapGet("/users/{userId}", GetUser);
        api.MapGet("/users/{userId}/qr", GetQr);
        return app;
    }

    private static async Task<Results<Created<SignUpResponse>, ProblemHttpResult>> SignUp(
        SignUpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.SignUpAsync(request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var account = result.Value;
        var id = Ids.Format(account.Id);
        return TypedResults.Created($"/api/v1/users/{id}", new SignUpResponse(id, account.Handle, account.DisplayName));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, SessionService sessions, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sessions.LoginAsync(request, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(
        ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.RevokeAsync(user.UserId(), user.DeviceId(), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(
        ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.GetAsync(user.UserId(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ToMe(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> UpdateMe(
        UpdateProfileRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.UpdateProfileAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ToMe(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
        (await sessions.ChangePasswordAsync(user.UserId(), user.DeviceId(), request, cancellationToken)).ToNoContent();

    /// <summary>The body carries the password; DELETE with a body is unusual, and every client here can send one.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMe(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken) =>
        (await accounts.DeleteAsync(user.UserId(), request, cancellationToken)).ToNoContent();

    private static async Task<Ok<DeviceList>> ListDevices(ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListDevicesAsync(user.UserId(), user.DeviceId(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeDevice(
        string deviceId, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(deviceId, out var id))
        {
            return Error.NotFound(ErrorCodes.DeviceNotFound, "No such device.").ToProblem();
        }

        var result = await sessions.RevokeAsync(user.UserId(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PublicProfile>, ProblemHttpResult>> GetByHandle(
        string handle, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.FindByHandleAsync(handle, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(AccountService.ToPublicProfile(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<PublicProfile>, ProblemHttpResult>> GetUser(
        string userId, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(userId, out var id))
        {
            return AccountService.UserNotFound.ToProblem();
        }

        var result = await accounts.GetAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(AccountService.ToPublicProfile(result.Value)) : result.Error.ToProblem();
    }

    /// <summary>The person's QR code: scanning it opens their profile to add them.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetQr(
        string userId, string? format, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(userId, out var id) || (await accounts.GetAsync(id, cancellationToken)) is not { IsSuccess: true, Value.Deleted: false })
        {
            return AccountService.UserNotFound.ToProblem();
        }

        var link = DeepLinks.User(id);
        return format?.ToLowerInvariant() switch
        {
            null or "" or "png" => TypedResults.File(QrCodes.Png(link), "image/png"),
            "svg" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(QrCodes.Svg(link)), "image/svg+xml"),
            _ => Error.Validation(new Dictionary<string, string[]> { ["format"] = ["format is png or svg."] }).ToProblem(),
        };
    }

    private static MeResponse ToMe(Account account) =>
        new(Ids.Format(account.Id), account.Handle, account.DisplayName, account.AvatarUrl);
}
