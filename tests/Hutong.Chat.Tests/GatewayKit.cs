using Hutong.Client;
using Hutong.Contracts.Chat;
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

    public static Task<ServerFrame> NextAsync(this HutongGateway gateway) =>
        Eventually.ReadAsync(gateway.Events, _ => true, "the next frame");

    /// <summary>The next message (that <paramref name="matches"/>, if given); frames before it are passed over.</summary>
    public static async Task<MessageInfo> NextMessageAsync(this HutongGateway gateway, Func<MessageInfo, bool>? matches = null, string awaited = "a message")
    {
        var frame = await Eventually.ReadAsync(
            gateway.Events, f => f is { Kind: EventKinds.Message, Message: { } message } && (matches is null || matches(message)), awaited);
        return frame.Message!;
    }

    /// <summary>The next user event of the kind; frames before it are passed over.</summary>
    public static async Task<UserEvent> NextUserEventAsync(this HutongGateway gateway, string kind)
    {
        var frame = await Eventually.ReadAsync(
            gateway.Events, f => f is { Kind: EventKinds.UserEvent, UserEvent: { } userEvent } && userEvent.Kind == kind, $"a {kind} event");
        return frame.UserEvent!;
    }
}
