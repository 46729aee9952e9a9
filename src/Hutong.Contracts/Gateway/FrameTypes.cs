namespace Hutong.Contracts.Gateway;

/// <summary>The <c>type</c> of each gateway frame; see docs/protocol.md.</summary>
public static class FrameTypes
{
    public const string Hello = "hello";
    public const string Welcome = "welcome";
    public const string Synced = "synced";
    public const string Send = "send";
    public const string Ack = "ack";
    public const string Message = "message";
    public const string Event = "event";
    public const string Error = "error";
    public const string Ping = "ping";
    public const string Pong = "pong";
}
