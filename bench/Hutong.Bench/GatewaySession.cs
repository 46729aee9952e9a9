using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>A person on Hutong or the raw relay, through <see cref="HutongGateway"/>, the client apps use.</summary>
internal sealed class GatewaySession(HutongGateway gateway, ChannelReader<MessageFrame> messages, string userId, string conversationId) : IChatSession
{
    public static async Task<IChatSession> ConnectAsync(HutongClient client, string userId, string conversationId, CancellationToken cancellationToken)
    {
        var gateway = new HutongGateway(client);
        // Named in the hello: the device holds the conversation from its start.
        gateway.Track(conversationId, 0);
        var messages = gateway.Subscribe<MessageFrame>();
        await gateway.ConnectAsync(cancellationToken: cancellationToken);
        return new GatewaySession(gateway, messages, userId, conversationId);
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        gateway.SendTextAsync(conversationId, text, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<string> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in messages.ReadAllAsync(cancellationToken))
        {
            if (frame.Message is { Content: TextContent { Text: { } text } } message && message.SenderId != userId)
            {
                yield return text;
            }
        }
    }

    public ValueTask DisposeAsync() => gateway.DisposeAsync();
}
