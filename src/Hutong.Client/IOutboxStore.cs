using Hutong.Contracts.Gateway;

namespace Hutong.Client;

/// <summary>
/// Where a <see cref="HutongGateway"/> keeps its unacknowledged sends between runs of the app (a browser's local
/// storage, a file), so a send made just before a reload or a crash still goes out, once, under its first client
/// message id.
/// </summary>
public interface IOutboxStore
{
    /// <summary>What the last run left unacknowledged, oldest first; empty when there is nothing (or nothing readable).</summary>
    ValueTask<IReadOnlyList<SendFrame>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The whole outbox as it is now, oldest first, after every change; empty once everything is acknowledged.</summary>
    ValueTask SaveAsync(IReadOnlyList<SendFrame> outbox, CancellationToken cancellationToken);
}
