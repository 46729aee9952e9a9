namespace Hutong.Testing;

/// <summary>
/// What every node the tests start runs with, in this process or in its own: cheap password hashes, and limits set
/// where no test reaches them by accident (a test of a limit sets its own).
/// </summary>
public static class TestNodeSettings
{
    public static IReadOnlyDictionary<string, string?> Common { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        // The production work factor costs ~0.3 s a hash; tests hash hundreds of passwords.
        ["Hutong:Security:PasswordIterations"] = "10000",
        ["Hutong:RateLimits:SignUp:PermitLimit"] = "100000",
        // Every client of a test comes from the same address: the failed sign-ins of all tests add up there.
        ["Hutong:Security:FailedLoginsPerAddress"] = "1000000",
        ["Hutong:RateLimits:FriendRequests:PermitLimit"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
