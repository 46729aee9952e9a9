namespace Hutong.Contracts.Gateway;

/// <summary>Ends the resume: everything the server replays has been sent, up to <see cref="Cursor"/>; what is still missing comes by HTTP.</summary>
public sealed record SyncedFrame(long Cursor) : ServerFrame;
