namespace Hutong.Contracts.Events;

/// <summary><c>GET /api/v1/events</c>: the caller's log after a seq, and the newest seq it has.</summary>
public sealed record UserEventList(IReadOnlyList<UserEvent> Events, long LastSeq);
