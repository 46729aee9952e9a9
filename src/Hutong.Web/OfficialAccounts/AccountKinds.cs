using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Localization;

namespace Hutong.Web.OfficialAccounts;

/// <summary>An account's kind and state in the person's words.</summary>
public static class AccountKinds
{
    public static string Label(string kind, Strings s) =>
        kind == OfficialAccountKinds.Service ? s.OfficialAccounts.ServiceAccount : s.OfficialAccounts.SubscriptionAccount;

    public static string State(string state, Strings s) => state switch
    {
        OfficialAccountStates.Pending => s.OfficialAccounts.StatePending,
        OfficialAccountStates.Rejected => s.OfficialAccounts.StateRejected,
        _ => s.OfficialAccounts.StateActive,
    };
}
