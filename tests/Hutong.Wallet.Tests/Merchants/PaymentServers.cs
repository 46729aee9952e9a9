using Hutong.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// One node per provider for the payment tests, with an operator, and leave to notify merchants' servers on loopback
/// over plain http (the stand-in notify endpoints run in the test process).
/// </summary>
public sealed class PaymentServers() : OperatorServers("pay_ops", new Dictionary<string, string?>
{
    ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
});
