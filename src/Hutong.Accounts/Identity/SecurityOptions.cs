using System.ComponentModel.DataAnnotations;

namespace Hutong.Accounts.Identity;

/// <summary><c>Hutong:Security</c>: how secrets are protected.</summary>
public sealed record SecurityOptions
{
    public const string Section = "Hutong:Security";

    /// <summary>PBKDF2-SHA256 iterations for password hashes (OWASP's 2023 figure). Raising it re-hashes at next login.</summary>
    [Range(10_000, 10_000_000)]
    public int PasswordIterations { get; init; } = 600_000;
}
