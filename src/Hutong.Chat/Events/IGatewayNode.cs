using Hutong.Chat.Messages;
using Orleans.Concurrency;

namespace Hutong.Chat.Events;

/// <summary>
/// A node's gateway, as user grains reach it: each node registers one observer and says which people it holds
/// connections for. Deliveries are one-way; a device that misses one catches up by sync.
/// </summary>
public interface IGatewayNode : IGrainObserver
{
    [OneWay]
    Task DeliverMessage(Guid userId, ChatMessage message);

    [OneWay]
    Task DeliverEvent(Guid userId, StoredUserEvent userEvent);

    /// <summary>The device's session ended: close its connections.</summary>
    [OneWay]
    Task EndSession(Guid userId, Guid deviceId);
}
