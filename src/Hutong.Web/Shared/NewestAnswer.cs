namespace Hutong.Web.Shared;

/// <summary>
/// Loads of the same thing overlap (one as a page starts, one per event) and can answer out of order, a slow answer
/// behind a quick one. Only the answer to the newest load asked for, per key, is applied, whole: an older one would
/// undo what a newer one, or this device, already shows. Tickets come from one counter, so a key can be forgotten
/// once its newest answer is applied without an old ticket ever matching again.
/// </summary>
public sealed class NewestAnswer<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, long> _newest = [];
    private long _tickets;

    /// <summary>Loads, and applies the answer unless a newer load of the same key was asked for meanwhile; true if applied.</summary>
    public async Task<bool> LoadAsync<T>(TKey key, Func<Task<T>> load, Action<T> apply)
    {
        long ticket;
        lock (_lock)
        {
            _newest[key] = ticket = ++_tickets;
        }

        var answer = await load();
        lock (_lock)
        {
            if (!_newest.TryGetValue(key, out var newest) || newest != ticket)
            {
                return false;
            }

            _newest.Remove(key);
        }

        apply(answer);
        return true;
    }
}

/// <summary>The one-thing form of <see cref="NewestAnswer{TKey}"/>.</summary>
public sealed class NewestAnswer
{
    private readonly NewestAnswer<bool> _answers = new();

    public Task<bool> LoadAsync<T>(Func<Task<T>> load, Action<T> apply) => _answers.LoadAsync(true, load, apply);
}
