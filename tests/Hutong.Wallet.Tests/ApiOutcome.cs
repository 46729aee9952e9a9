using Hutong.Client;

namespace Hutong.Wallet.Tests;

/// <summary>A call's answer or the code it was refused with, for tests that expect either.</summary>
internal static class ApiOutcome
{
    public static async Task<(T? Value, string? Code)> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (HutongApiException e)
        {
            return (null, e.Code ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
