namespace Hutong.Wallet.RedPackets;

/// <summary>
/// How much a lucky share holds, decided when it is opened (docs/product.md, Red packets): random in
/// [1, 2 × remaining / remaining count] fen, so every share averages the same whoever opens first; it leaves at least 1
/// fen for everyone still to come and never lets a later share exceed the largest allowed; the last takes the rest.
/// </summary>
public static class LuckyDraw
{
    public static long Next(long remaining, int remainingCount, long maxShare, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(remainingCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(remaining, remainingCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(remaining, maxShare * remainingCount);
        if (remainingCount == 1)
        {
            return remaining;
        }

        var others = remainingCount - 1;
        var low = Math.Max(1, remaining - (maxShare * others));
        var high = Math.Min(Math.Min(maxShare, 2 * remaining / remainingCount), remaining - others);
        return random.NextInt64(low, high + 1);
    }
}
