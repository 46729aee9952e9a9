namespace Hutong.Core.Identity;

/// <summary>
/// One named platform key, read once per node and kept: a key never changes once made, so every node holds the same
/// one. A failed read (storage away) is not kept; the next call asks again.
/// </summary>
public sealed class PlatformKey(IPlatformKeys keys, string name)
{
    private Task<byte[]>? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        var pending = _key ??= keys.GetAsync(name, CancellationToken.None);
        try
        {
            return await pending.WaitAsync(cancellationToken);
        }
        catch when (pending.IsFaulted)
        {
            _ = Interlocked.CompareExchange(ref _key, null, pending);
            throw;
        }
    }
}
