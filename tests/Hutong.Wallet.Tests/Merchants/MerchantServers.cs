using Hutong.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>One node per provider for the merchant tests, with an operator signed in to review them.</summary>
public sealed class MerchantServers() : OperatorServers(OperatorHandle, new Dictionary<string, string?>())
{
    public const string OperatorHandle = "pay_ops";
}
