using Hutong.Core.Errors;

namespace Hutong.Wallet;

/// <summary>The checks every request that moves money shares: a client-chosen id and an amount in range.</summary>
internal static class WalletInput
{
    public static void CheckMovement(FieldErrors errors, string? transferId, long amount, long max)
    {
        if (string.IsNullOrWhiteSpace(transferId) || transferId.Length > 64)
        {
            errors.Add("transferId", "A transfer id is 1 to 64 characters, chosen by the client.");
        }

        if (amount <= 0 || amount > max)
        {
            errors.Add("amount", $"The amount is in fen, from 1 to {max}.");
        }
    }
}
