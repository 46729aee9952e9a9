namespace Hutong.Contracts.Gateway;

/// <summary>The answer to ping.</summary>
public sealed record PongFrame : ServerFrame;
