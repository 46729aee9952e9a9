namespace Hutong.Wallet.Merchants.Protocol;

/// <summary>
/// Certificate serial numbers as WeChat Pay's headers carry them: hexadecimal, which merchant code may send in either
/// case and with or without leading zeros. They are compared as numbers (in the canonical form: uppercase, no leading
/// zeros) but always echoed as <c>/v3/certificates</c> spells them.
/// </summary>
public static class SerialNumbers
{
    /// <summary>The canonical form, or null when <paramref name="serial"/> is not 1 to 64 hex digits.</summary>
    public static string? Canonical(string? serial)
    {
        if (string.IsNullOrEmpty(serial) || serial.Length > 64 || !serial.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var trimmed = serial.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed.ToUpperInvariant();
    }
}
