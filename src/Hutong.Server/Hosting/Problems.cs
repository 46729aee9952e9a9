using Hutong.Contracts;

namespace Hutong.Server.Hosting;

/// <summary>The code a problem gets when the framework, not a feature, produced it.</summary>
internal static class Problems
{
    public static string CodeFor(int status) => status switch
    {
        400 => ErrorCodes.BadRequest,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.PayloadTooLarge,
        414 => ErrorCodes.UriTooLong,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        431 => ErrorCodes.HeadersTooLarge,
        >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.BadRequest,
    };
}
