using System.Globalization;
using System.Text.RegularExpressions;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Accounts.Identity;

/// <summary>The identity rules of docs/product.md: handles, display names, passwords.</summary>
internal static partial class AccountRules
{
    public const int HandleMin = 3;
    public const int HandleMax = 32;
    public const int DisplayNameMax = 64;
    public const int PasswordMin = 8;

    /// <summary>Bounds the work a hash does on hostile input; no one types a longer password.</summary>
    public const int PasswordMax = 256;

    [GeneratedRegex("^[a-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleCharacters();

    /// <summary>Handles are case-insensitive: everything stores and compares the lower-case form.</summary>
    public static string NormalizeHandle(string? handle) => (handle ?? string.Empty).Trim().ToLowerInvariant();

    public static void CheckHandle(string handle, FieldErrors errors)
    {
        if (handle.Length is < HandleMin or > HandleMax)
        {
            errors.Add("handle", $"A handle has {HandleMin} to {HandleMax} characters.");
        }
        else if (!HandleCharacters().IsMatch(handle))
        {
            errors.Add("handle", "A handle uses only letters a-z, digits, '_', '.' and '-'.");
        }
    }

    /// <summary>Trimmed, without the invisible characters that could make a name show as something it is not.</summary>
    public static string NormalizeDisplayName(string? name) => NameText.Clean(name);

    public static void CheckDisplayName(string name, FieldErrors errors)
    {
        // Counted in text elements so that an emoji or a CJK character counts as one, as a person sees it.
        var length = new StringInfo(name).LengthInTextElements;
        if (NameText.IsBlank(name))
        {
            // Also what is left of a name of zero-width spaces once they are cleaned away.
            errors.Add("displayName", "A display name needs at least one visible character.");
        }
        else if (length > DisplayNameMax)
        {
            errors.Add("displayName", $"A display name has 1 to {DisplayNameMax} characters.");
        }
        else if (NameText.HasControl(name))
        {
            errors.Add("displayName", "A display name cannot contain control characters.");
        }
    }

    public static void CheckPassword(string? password, string handle, FieldErrors errors, string field = "password")
    {
        if (password is null || password.Length < PasswordMin)
        {
            errors.Add(field, $"A password has at least {PasswordMin} characters.");
        }
        else if (password.Length > PasswordMax)
        {
            errors.Add(field, $"A password has at most {PasswordMax} characters.");
        }
        else if (password.Distinct().Count() < 3 || string.Equals(password, handle, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "This password is too easy to guess.");
        }
    }
}
