namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// An account's server settings (developer mode, as WeChat calls them): where follower messages and events are pushed,
/// the token they are signed with, and for <c>compatible</c> and <c>safe</c> mode the EncodingAESKey (43 letters and
/// digits) they are encrypted with. Saving them verifies the URL first.
/// </summary>
public sealed record DeveloperSettingsRequest(string Url, string Token, string? EncodingAesKey = null, string Mode = DeveloperModes.Plaintext);

/// <summary>The settings in force; <see cref="VerifiedAt"/> is when the URL last echoed a verification.</summary>
public sealed record DeveloperSettingsInfo(string Url, string Token, string? EncodingAesKey, string Mode, DateTimeOffset VerifiedAt);

public static class DeveloperModes
{
    public const string Plaintext = "plaintext";

    /// <summary>Both the plaintext fields and the encrypted message: for moving a server to encryption.</summary>
    public const string Compatible = "compatible";

    /// <summary>Only the encrypted message.</summary>
    public const string Safe = "safe";

    public static IReadOnlyList<string> All { get; } = [Plaintext, Compatible, Safe];
}
