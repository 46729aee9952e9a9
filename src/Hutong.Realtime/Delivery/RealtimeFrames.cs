using System.Text.Json;
using Hutong.Contracts.Gateway;
using Hutong.Realtime.Log;

namespace Hutong.Realtime.Delivery;

/// <summary>The gateway frames the realtime core makes itself.</summary>
public static class RealtimeFrames
{
    public static byte[] Serialize(ServerFrame frame) => JsonSerializer.SerializeToUtf8Bytes(frame, GatewayJsonContext.Default.ServerFrame);

    /// <summary>An entry of the person's log, placed in its stream for resumes.</summary>
    public static Push Event(StoredEvent entry) =>
        new(Push.EventLogStream, entry.Seq, Serialize(new EventFrame(EventLog.Decode(entry))));
}
