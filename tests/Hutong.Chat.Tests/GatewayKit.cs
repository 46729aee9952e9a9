using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

/// <summary>Waiting on a gateway's events, always with one time limit for the whole wait so no test hangs.</summary>
internal static class GatewayKit
{
    public static readonly TimeSpan Patience = Eventually.Patience;

    public static async Task<HutongGateway> ConnectAsync(this HutongApp app, HutongClient client)
    {
        var gateway = app.NewGateway(client);
        await gateway.ConnectAsync(cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        return gateway;
    }

    /// <summary>The next thing the gateway was told: a <see cref="MessageFrame"/> or a <see cref="UserEvent"/>.</summary>
    public static Task<object> NextAsync(this HutongGateway gateway) =>
        Eventually.ReadAsync(HutongApp.Delivered(gateway), _ => true, "the next frame");

    /// <summary>The next message (that <paramref name="matches"/>, if given); what comes before it is passed over.</summary>
    public static async Task<MessageInfo> NextMessageAsync(this HutongGateway gateway, Func<MessageInfo, bool>? matches = null, string awaited = "a message")
    {
        var frame = await Eventually.ReadAsync(
            HutongApp.Delivered(gateway), f => f is MessageFrame { Message: var message } && (matches is null || matches(message)), awaited);
        return ((MessageFrame)frame).Message;
    }

    /// <summary>The next event-log entry of the kind; what comes before it is passed over.</summary>
    public static async Task<T> NextUserEventAsync<T>(this HutongGateway gateway)
        where T : UserEvent =>
        (T)await Eventually.ReadAsync(HutongApp.Delivered(gateway), f => f is T, $"a {typeof(T).Name}");
}
