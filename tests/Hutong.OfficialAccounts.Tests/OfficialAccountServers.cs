using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// One node per provider for the official-account tests, with an operator signed in, so service accounts can be
/// reviewed, and leave to call developer servers on loopback over plain http (with the real 5 s deadline: a busy
/// machine can take longer than a short one to answer a push that is answered).
/// </summary>
public sealed class OfficialAccountServers() : OperatorServers(OperatorHandle, new Dictionary<string, string?>
{
    ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
    ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
})
{
    public const string OperatorHandle = "hutong_ops";
}
