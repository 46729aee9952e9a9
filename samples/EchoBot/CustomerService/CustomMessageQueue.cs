using System.Threading.Channels;

namespace EchoBot.CustomerService;

/// <summary>
/// Messages waiting for <see cref="CustomMessageSender"/>. A push handler only queues: the platform waits at most
/// five seconds for the passive reply, and an API call may take longer than that.
/// </summary>
internal sealed class CustomMessageQueue
{
    private const int Capacity = 1000;

    private readonly Channel<CustomText> _channel = Channel.CreateBounded<CustomText>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<CustomText> Reader => _channel.Reader;

    /// <summary>False when the queue is full; nothing is queued then.</summary>
    public bool TryEnqueue(CustomText message) => _channel.Writer.TryWrite(message);
}
