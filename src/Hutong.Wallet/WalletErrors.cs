using Hutong.Contracts;
using Hutong.Core.Errors;

namespace Hutong.Wallet;

internal static class WalletErrors
{
    public static readonly Error InsufficientFunds = Error.Conflict(ErrorCodes.InsufficientFunds, "The wallet does not hold that much.");

    public static readonly Error PinNotSet = Error.Conflict(ErrorCodes.PinNotSet, "Set a payment PIN first.");

    public static readonly Error IdempotencyConflict = Error.Conflict(ErrorCodes.IdempotencyConflict, "That transfer id was used for a different request.");

    public static Error WrongPin(int attemptsLeft) =>
        new(ErrorCodes.WrongPin, 403, "The payment PIN is wrong.", $"{attemptsLeft} attempts left before spending locks.") { AttemptsLeft = attemptsLeft };

    public static Error PinLocked(TimeSpan retryAfter) =>
        new(ErrorCodes.PinLocked, 423, "Too many wrong PINs: spending is locked.") { RetryAfter = retryAfter };

    public static Error Invalid(string field, string message) => Error.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
