using System.Runtime.CompilerServices;
using Hutong.Client;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>A person on Hutong or the raw relay, through <see cref="HutongGateway"/>, the client apps use.</summary>
internal sealed class GatewaySession(HutongGateway gateway, string userId, string conversationId) : IChatSession
{
    public static async Task<IChatSession> ConnectAsync(HutongClient client, string userId, string conversationId, CancellationToken cancellationToken)
    {
        var gateway = new HutongGateway(client);
        // Named in the hello: the device holds the conversation from its start.
        gateway.Track(conversationId, 0);
        await gateway.ConnectAsync(cancellationToken: cancellationToken);
        return new GatewaySession(gateway, userId, conversationId);
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        gateway.SendTextAsync(conversationId, text, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<string> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in gateway.Events.ReadAllAsync(cancellationToken))
        {
            if (frame is { Kind: EventKinds.Message, Message: { Text: { } text } message } && message.SenderId != userId)
            {
                yield return text;
            }
        }
    }

    public ValueTask DisposeAsync() => gateway.DisposeAsync();
}
