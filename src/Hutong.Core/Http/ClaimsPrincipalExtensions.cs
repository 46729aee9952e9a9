using System.Security.Claims;

namespace Hutong.Core.Http;

/// <summary>Reads the ids that token authentication puts on the caller.</summary>
public static class ClaimsPrincipalExtensions
{
    public const string UserIdClaim = "sub";
    public const string DeviceIdClaim = "sid";

    /// <summary>The caller's user id; endpoints that call this require authorisation, so the claim is always there.</summary>
    public static Guid UserId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(UserIdClaim)!);

    public static Guid DeviceId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(DeviceIdClaim)!);
}
