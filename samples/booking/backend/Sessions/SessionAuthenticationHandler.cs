using System.Security.Claims;
using System.Text.Encodings.Web;
using Booking.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Booking.Sessions;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> with a token from <c>POST /api/session</c>: the person is the openid
/// the token was given for. No token, or one unknown or expired, is a 401 and the app logs in again.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, BookingStore store, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Session";
    public const string OpenIdClaim = "openid";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 100 || await store.OpenIdOfAsync(SessionTokens.Hash(token), time.GetUtcNow(), Context.RequestAborted) is not { } openId)
        {
            return AuthenticateResult.Fail("The session is unknown or has expired.");
        }

        var identity = new ClaimsIdentity([new Claim(OpenIdClaim, openId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
