using System.Globalization;
using Hutong.Web.Localization;

namespace Hutong.Web.Wallet;

/// <summary>Amounts as people read and type them; on the wire they are integers of the minor unit (fen).</summary>
public static class Money
{
    public static string Format(long minor, string currency) => (minor < 0 ? "-" : "") + Symbol(currency) + Figure(Math.Abs(minor));

    /// <summary>How a screen reader should say an amount: "¥" alone reads as yen, and a CNY amount is yuan.</summary>
    public static string Spoken(long minor, string currency, Strings s) => (minor < 0 ? "-" : "") + s.SpokenAmount(Figure(Math.Abs(minor)), currency);

    /// <summary>"12", "12.3" or "12.34" (a comma or the full-width point also works) as minor units; null if it is not an amount.</summary>
    public static long? Parse(string? text)
    {
        var value = (text ?? "").Trim().Replace('，', '.').Replace(',', '.').Replace('。', '.');
        var parts = value.Split('.');
        if (value.Length == 0 || parts.Length > 2 || parts[0].Length is 0 or > 12 || !parts[0].All(char.IsAsciiDigit))
        {
            return null;
        }

        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > 2 || !fraction.All(char.IsAsciiDigit))
        {
            return null;
        }

        return long.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
    }

    private static string Figure(long abs) =>
        (abs / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (abs % 100).ToString("00", CultureInfo.InvariantCulture);

    private static string Symbol(string currency) => currency switch
    {
        "CNY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        _ => currency + " ",
    };
}
