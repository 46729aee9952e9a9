using System.Globalization;
using System.Text.RegularExpressions;
using Hutong.Web.Localization;

namespace Hutong.Web.Accounts;

/// <summary>
/// The account rules of docs/product.md checked as the person types, so most mistakes are named before a round trip; the
/// server checks again and has the last word.
/// </summary>
public static partial class AccountInput
{
    public static string? CheckHandle(string handle, Strings s) =>
        handle.Length is < 3 or > 32 ? s.HandleLength
        : !HandlePattern().IsMatch(handle) ? s.HandleCharacters
        : null;

    /// <summary>
    /// Counted as the server counts it: trimmed, in text elements, so an emoji or a CJK character is one character
    /// however many UTF-16 units it takes.
    /// </summary>
    public static string? CheckDisplayName(string name, Strings s)
    {
        var length = new StringInfo(name.Trim()).LengthInTextElements;
        return length == 0 ? s.DisplayNameRequired
            : length > 64 ? s.DisplayNameLength
            : null;
    }

    public static string? CheckPassword(string password, Strings s) => password.Length < 8 ? s.PasswordLength : null;

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex HandlePattern();
}
