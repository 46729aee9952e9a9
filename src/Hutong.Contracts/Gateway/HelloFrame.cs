namespace Hutong.Contracts.Gateway;

/// <summary>
/// The first frame: the protocol the device speaks (<see cref="GatewayProtocol.Version"/>), its token (or the
/// <c>access_token</c> query), the last event-log seq it holds, and the last seq it holds of each conversation.
/// </summary>
public sealed record HelloFrame(int Version, string? Token = null, long? Cursor = null, IReadOnlyDictionary<string, long>? Conversations = null) : ClientFrame;
