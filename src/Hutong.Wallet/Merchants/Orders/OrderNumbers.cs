using System.Globalization;
using System.Security.Cryptography;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>The platform's numbers for an order, shaped like WeChat Pay's so merchant code that checks them is content.</summary>
public static class OrderNumbers
{
    /// <summary>28 digits: "42", the date, then random digits.</summary>
    public static string TransactionId(DateTimeOffset now) => "42" + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + RandomDigits(18);

    /// <summary>"wx", the time to the second, then 80 random bits in hex: 36 characters, not guessable.</summary>
    public static string PrepayId(DateTimeOffset now) =>
        "wx" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string RandomDigits(int count) => RandomNumberGenerator.GetString("0123456789", count);

    /// <summary>Whether <paramref name="value"/> is a merchant's order or refund number: 6 to <paramref name="max"/> of <c>[0-9A-Za-z_-|*]</c>.</summary>
    public static bool IsMerchantNumber(string? value, int max) =>
        value is { Length: >= 6 } && value.Length <= max && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*');
}
