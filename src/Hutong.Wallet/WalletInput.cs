using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.Wallet;

/// <summary>The checks wallet requests share: a client-chosen id and an amount in range; a page's size and cursor.</summary>
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

    /// <summary>A list's page: its size, and where it starts (after the item a cursor names), or why the request is wrong.</summary>
    public static Result<(int Limit, TimeCursor? After)> Page(int? limit, string? cursor)
    {
        var paging = Paging.Parse(limit, null);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (cursor is null)
        {
            return (paging.Value.Limit, null);
        }

        return TimeCursor.TryParse(cursor, out var after)
            ? (paging.Value.Limit, after)
            : WalletErrors.Invalid("cursor", "Not a cursor from this list.");
    }
}
