using System.Security.Claims;
using System.Text.Encodings.Web;
using Hutong.Contracts;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Sessions;

/// <summary>
/// Bearer tokens from <c>POST /api/v1/sessions</c>. Browsers cannot set headers on a WebSocket, so the gateway path
/// also accepts the token in the <c>access_token</c> query.
/// </summary>
public sealed class TokenAuthenticationHandler(
    SessionService sessions,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "HutongToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var session = await sessions.AuthenticateAsync(token, Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimsPrincipalExtensions.UserIdClaim, session.UserId.ToString()),
                new Claim(ClaimsPrincipalExtensions.DeviceIdClaim, session.DeviceId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Sign in first: the token is missing, unknown or revoked.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await Problem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This is not allowed.");
    }

    private Task Problem(int status, string code, string title) =>
        new Core.Errors.Error(code, status, title).ToProblem().ExecuteAsync(Context);

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Path.StartsWithSegments("/ws") && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return null;
    }
}
