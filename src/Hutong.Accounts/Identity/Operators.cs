using Hutong.Contracts;
using Hutong.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Hutong.Accounts.Identity;

/// <summary>
/// The platform's operators: the people named by handle in <c>Hutong:Operators</c>, who review service accounts and
/// reports of them (and later mini-programs). Read from configuration on each call, so a change in the settings file applies
/// without a restart; every node must carry the same list, like every other setting.
/// </summary>
public sealed class Operators(IConfiguration configuration, IAccountStore accounts)
{
    public const string Setting = "Hutong:Operators";

    /// <summary>The answer to anyone else who asks for an operator's work.</summary>
    public static readonly Error NotOperator = Error.Forbidden(ErrorCodes.NotOperator, "Only an operator may do that.");

    public async Task<bool> IsOperatorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var handles = configuration.GetSection(Setting).Get<string[]>();
        if (handles is not { Length: > 0 })
        {
            return false;
        }

        var account = await accounts.FindAsync(userId, cancellationToken);
        return account is { DeletedAt: null } && handles.Any(h => string.Equals(h.Trim(), account.Handle, StringComparison.OrdinalIgnoreCase));
    }
}
