using Hutong.Core.Options;
using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Gateway;

/// <summary><c>Hutong:Gateway</c>: limits of the WebSocket gateway at <c>/ws</c>.</summary>
public sealed record GatewayOptions
{
    public const string Section = "Hutong:Gateway";

    /// <summary>Largest frame a device may send; a larger one closes the connection.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>Frames waiting for a slow device; past this it is disconnected and resumes when it can keep up.</summary>
    [Range(16, 1_000_000)]
    public int SendQueueFrames { get; init; } = 4_096;

    /// <summary>Sends a device may have in flight at once.</summary>
    [Range(1, 100_000)]
    public int MaxSendsInFlight { get; init; } = 256;

    /// <summary>A connection that sends nothing (not even a ping) for this long is closed.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a new connection has to say hello.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many missed messages per conversation come with a resume; the rest by HTTP.</summary>
    [Range(0, 10_000)]
    public int ResumeMessagesPerConversation { get; init; } = 100;

    /// <summary>At most this many missed events come with a resume; the rest by HTTP.</summary>
    [Range(0, 100_000)]
    public int ResumeEvents { get; init; } = 1_000;

    /// <summary>How often the node renews its claim on the people it holds connections for.</summary>
    [TimeSpanRange("00:00:01", "00:04:00")]
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromMinutes(2);
}
