using System.Diagnostics.CodeAnalysis;

namespace Hutong.Contracts.Wallet;

/// <summary>
/// What a payment PIN may be (docs/product.md): six ASCII digits, and none of the handful a guesser tries first. The
/// server refuses any other; clients run the same rule as the PIN is typed, so the two never disagree.
/// </summary>
public static class PaymentPins
{
    public const int Length = 6;

    public static bool IsWellFormed([NotNullWhen(true)] string? pin) => pin is { Length: Length } && pin.All(char.IsAsciiDigit);

    /// <summary>
    /// A well-formed PIN that is a short block repeated (000000, 121212, 123123), or a run up or down the digits with
    /// each digit written once, twice or three times (123456, 654321, 112233, 111222), wrapping past 9 and 0 (890123).
    /// </summary>
    public static bool IsEasyToGuess(string? pin) => IsWellFormed(pin) && (RepeatsABlock(pin) || IsRun(pin));

    private static bool RepeatsABlock(string pin)
    {
        for (var block = 1; block <= Length / 2; block++)
        {
            if (Length % block == 0 && pin.AsSpan(block).SequenceEqual(pin.AsSpan(0, Length - block)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRun(string pin)
    {
        foreach (var width in (ReadOnlySpan<int>)[1, 2, 3])
        {
            if (IsRunOfWidth(pin, width))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Blocks of <paramref name="width"/> equal digits, each block one above (or each one below) the last.</summary>
    private static bool IsRunOfWidth(string pin, int width)
    {
        var step = (pin[width] - pin[0] + 10) % 10;
        if (step is not (1 or 9))
        {
            return false;
        }

        for (var i = 1; i < Length; i++)
        {
            var expected = i % width == 0 ? (pin[i - 1] - '0' + step) % 10 : pin[i - 1] - '0';
            if (pin[i] - '0' != expected)
            {
                return false;
            }
        }

        return true;
    }
}
