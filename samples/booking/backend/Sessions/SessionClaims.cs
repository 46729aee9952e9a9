using System.Security.Claims;

namespace Booking.Sessions;

internal static class SessionClaims
{
    /// <summary>The openid of the signed-in person; the endpoints that call this require a session.</summary>
    public static string OpenId(this ClaimsPrincipal user) =>
        user.FindFirstValue(SessionAuthenticationHandler.OpenIdClaim) ?? throw new InvalidOperationException("The endpoint does not require a session.");
}
