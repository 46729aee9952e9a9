using Hutong.Contracts.Gateway;

namespace Hutong.Client.Tests;

/// <summary>An outbox store in memory, as a browser's local storage is across a reload: what was saved last is what loads.</summary>
internal sealed class MemoryOutboxStore : IOutboxStore
{
    private IReadOnlyList<SendFrame> _saved = [];

    /// <summary>What the gateway saved last.</summary>
    public IReadOnlyList<SendFrame> Saved => Volatile.Read(ref _saved);

    public ValueTask<IReadOnlyList<SendFrame>> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Saved);

    public ValueTask SaveAsync(IReadOnlyList<SendFrame> outbox, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _saved, [.. outbox]);
        return ValueTask.CompletedTask;
    }
}
