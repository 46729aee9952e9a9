using System.Diagnostics.Metrics;
using Hutong.Core.Telemetry;

namespace Hutong.Server.Gateway;

/// <summary>
/// The gateway's instruments: devices connected to this node, what was written to their sockets, and devices cut off
/// because they fell behind. Counting is an <c>Add</c> on the send loop, with no tags to build. One per node, safe with
/// several: it counts only this node's connections, and each node is scraped (or exports) on its own.
/// </summary>
internal sealed class GatewayMetrics
{
    private readonly Counter<long> _messages;
    private readonly Counter<long> _events;
    private readonly Counter<long> _overflows;
    private int _connections;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = HutongMeter.Create(meters);
        meter.CreateObservableUpDownCounter(
            "hutong.gateway.connections", () => Volatile.Read(ref _connections), "{connection}",
            "Devices connected to this node's gateway (signed in, welcomed, not yet gone).");
        _messages = meter.CreateCounter<long>(
            "hutong.messages.delivered", "{message}", "Chat messages written to a device's socket, live or in a resume.");
        _events = meter.CreateCounter<long>(
            "hutong.events.delivered", "{event}", "Event-log entries and live notices written to a device's socket, live or in a resume.");
        _overflows = meter.CreateCounter<long>(
            "hutong.gateway.overflows", "{connection}", "Connections cut off because their outgoing queue overflowed (the device resumes later).");
    }

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);

    public void Delivered(SentKind kind)
    {
        if (kind == SentKind.Message)
        {
            _messages.Add(1);
        }
        else if (kind == SentKind.Event)
        {
            _events.Add(1);
        }
    }

    public void Overflowed() => _overflows.Add(1);
}

/// <summary>What a frame going out is, for counting: a reply (welcome, ack, error, pong) is not a delivery.</summary>
internal enum SentKind : byte
{
    Reply,
    Message,
    Event,
}
