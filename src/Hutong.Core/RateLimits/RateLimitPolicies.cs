namespace Hutong.Core.RateLimits;

/// <summary>Names of the rate-limit policies the host defines and features apply to their endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-ups per client address.</summary>
    public const string SignUp = "sign-up";

    /// <summary>Friend requests per signed-in person.</summary>
    public const string FriendRequests = "friend-requests";
}
