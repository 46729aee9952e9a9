namespace Hutong.Contracts.Gateway;

/// <summary>The gateway protocol's version, which every hello names.</summary>
public static class GatewayProtocol
{
    /// <summary>
    /// 3: a message carries one <c>content</c> of its kind (2 had a flat message with a field per kind). Frames are
    /// typed records (a send carries the message request as it is; messages come in <c>message</c> frames, log entries
    /// in <c>event</c> frames, each event its own kind). A hello with no version or another one is refused with
    /// <c>unsupported_protocol</c> and the socket closes with 1002.
    /// </summary>
    public const int Version = 3;
}
