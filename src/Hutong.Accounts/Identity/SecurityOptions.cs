using System.ComponentModel.DataAnnotations;

namespace Hutong.Accounts.Identity;

/// <summary><c>Hutong:Security</c>: how secrets are protected.</summary>
public sealed record SecurityOptions
{
    public const string Section = "Hutong:Security";

    /// <summary>PBKDF2-SHA256 iterations for password hashes (OWASP's 2023 figure). Raising it re-hashes at next login.</summary>
    [Range(10_000, 10_000_000)]
    public int PasswordIterations { get; init; } = 600_000;

    /// <summary>
    /// Failed sign-ins to one account within <see cref="FailedLoginWindow"/>, from any addresses, before its sign-ins wait
    /// for the window to end (429 with <c>Retry-After</c>): guessing one person's password stays slow.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedLoginsPerAccount { get; init; } = 10;

    /// <summary>
    /// Failed sign-ins from one client address within <see cref="FailedLoginWindow"/>, to any accounts, before sign-ins
    /// from it wait. Successful sign-ins do not count, so people who share an address (an office, a campus) are not
    /// locked out by one of them.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailedLoginsPerAddress { get; init; } = 100;

    /// <summary>The window failed sign-ins are counted in; a new one starts with the first failure after it.</summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a deleted account's handle stays held before someone else may take it, so that no one can pose as the
    /// person to friends who still know them by it.
    /// </summary>
    public TimeSpan DeletedHandleGrace { get; init; } = TimeSpan.FromDays(30);
}
