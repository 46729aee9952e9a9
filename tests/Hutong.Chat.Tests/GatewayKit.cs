using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;

namespace Hutong.Chat.Tests;

/// <summary>Waiting on a gateway's events, always with a time limit so no test hangs.</summary>
internal static class GatewayKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<HutongGateway> ConnectAsync(this Testing.HutongApp app, HutongClient client)
    {
        var gateway = app.NewGateway(client);
        await gateway.ConnectAsync(cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        return gateway;
    }

    /// <summary>The next thing the gateway was told: a <see cref="MessageFrame"/> or a <see cref="UserEvent"/>.</summary>
    public static async Task<object> NextAsync(this HutongGateway gateway) =>
        await Testing.HutongApp.Delivered(gateway).ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);

    public static async Task<MessageInfo> NextMessageAsync(this HutongGateway gateway)
    {
        while (true)
        {
            var frame = await gateway.NextAsync();
            if (frame is MessageFrame { Message: var message })
            {
                return message;
            }
        }
    }

    public static async Task<T> NextUserEventAsync<T>(this HutongGateway gateway)
        where T : UserEvent
    {
        while (true)
        {
            var frame = await gateway.NextAsync();
            if (frame is T userEvent)
            {
                return userEvent;
            }
        }
    }
}
