using Hutong.Client;
using Hutong.Contracts.Events;
using Hutong.Testing;

namespace Hutong.Social.Tests;

/// <summary>Gateway waits for these tests, each bounded by <see cref="Eventually.Patience"/>.</summary>
internal static class SocialKit
{
    public static async Task<HutongGateway> ConnectAsync(this HutongApp app, HutongClient client)
    {
        var gateway = app.NewGateway(client);
        await gateway.ConnectAsync(cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Eventually.Patience, TestContext.Current.CancellationToken);
        return gateway;
    }

    /// <summary>The next event-log entry of the kind; what comes before it is passed over.</summary>
    public static async Task<T> NextEventAsync<T>(this HutongGateway gateway)
        where T : UserEvent =>
        (T)await Eventually.ReadAsync(HutongApp.Delivered(gateway), f => f is T, $"a {typeof(T).Name}");
}
