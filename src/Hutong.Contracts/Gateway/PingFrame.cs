namespace Hutong.Contracts.Gateway;

/// <summary>Answered by <c>pong</c>; keeps a connection that only listens from looking idle.</summary>
public sealed record PingFrame : ClientFrame;
