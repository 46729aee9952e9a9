
namespace Hutong.Realtime.Delivery;

/// <summary>
/// The people a grain pushes to (a conversation's members), with the nodes that hold each one's connections, so a push
/// costs one call per node rather than a call to every person's grain and another from there to their node. Each
/// person's user grain stays the truth: it answers a watch with where the person is, and before a new connection of
/// theirs reads any state it tells every watcher, so nothing committed after that read misses the new node.
/// </summary>
/// <remarks>
/// Held by one grain activation, so it is no per-node state that must agree across nodes; a watch is a lease the grain
/// renews (<see cref="RenewAsync"/>), so one whose activation died lapses by itself. Someone not watched yet (a watch
/// failed) is reached through their user grain, as before.
/// When the cluster's membership changes (a node died), the user grains it held come back elsewhere without their
/// watchers, and a device that moved to another node would go unheard of: until the watches are renewed, every push
/// goes through the people's user grains, which know where they are now, and the watches are renewed at once.
/// </remarks>
public sealed class Audience(IGrainFactory grains, IClusterMembershipService membership, IPresenceWatcher self)
{
    /// <summary>Watches at once while a large group activates: each may activate a user grain, which reads storage.</summary>
    private const int TogetherAtMost = 250;

    /// <summary>This audience's watches, apart from those of another activation of the same grain.</summary>
    private readonly Guid _watch = Guid.NewGuid();

    private readonly HashSet<Guid> _watched = [];
    private readonly Dictionary<Guid, Presence> _presence = [];
    private MembershipVersion _watchedIn = MembershipVersion.MinValue;
    private bool _renewing;

    /// <summary>Starts (or renews) watching these people and learns where they are now; false if a watch failed.</summary>
    public async Task<bool> WatchAsync(IEnumerable<Guid> userIds)
    {
        var all = true;
        if (_watched.Count == 0)
        {
            _watchedIn = membership.CurrentSnapshot.Version;
        }

        foreach (var batch in userIds.Chunk(TogetherAtMost))
        {
            // Watched before asking: a change told while the answer is on its way must not be dropped.
            _watched.UnionWith(batch);
            var answers = await Task.WhenAll(batch.Select(async id =>
            {
                try
                {
                    return (id, await grains.GetGrain<IUserGrain>(id).WatchAsync(self, _watch));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (id, (Presence?)null);
                }
            }));
            foreach (var (id, presence) in answers)
            {
                all &= presence is not null;
                if (presence is not null && _watched.Contains(id))
                {
                    Apply(id, presence);
                }
            }
        }

        return all;
    }

    /// <summary>Renews every watch before its lease lapses, and catches up with anything a failed notice missed.</summary>
    public async Task RenewAsync()
    {
        var version = membership.CurrentSnapshot.Version;
        // A watch that failed (its person's grain still moving) keeps pushes going through the user grains.
        if (await WatchAsync([.. _watched]) && version > _watchedIn)
        {
            _watchedIn = version;
        }
    }

    /// <summary>
    /// The person's grain lost this watch (its activation went away): until the watch is back, pushes to them go through
    /// their grain, which knows where they are.
    /// </summary>
    public void Lost(Guid userId)
    {
        if (_watched.Contains(userId))
        {
            _presence.Remove(userId);
            _ = WatchAsync([userId]);
        }
    }

    /// <summary>Stops watching someone who left.</summary>
    public void Forget(Guid userId)
    {
        _presence.Remove(userId);
        if (_watched.Remove(userId))
        {
            _ = grains.GetGrain<IUserGrain>(userId).UnwatchAsync(self, _watch);
        }
    }

    /// <summary>Stops watching everyone, as the grain deactivates.</summary>
    public void ForgetAll()
    {
        foreach (var userId in _watched.ToList())
        {
            Forget(userId);
        }
    }

    /// <summary>Keeps what a watched person's grain told, unless a newer answer is already held.</summary>
    public void Apply(Guid userId, Presence presence)
    {
        if (!_watched.Contains(userId))
        {
            return;
        }

        if (!_presence.TryGetValue(userId, out var held) || held.Version < presence.Version)
        {
            _presence[userId] = presence;
        }
    }

    /// <summary>Pushes to these people's devices: one call per node that holds any of them, none for people offline.</summary>
    public void Push(IEnumerable<Guid> userIds, Push push)
    {
        if (membership.CurrentSnapshot.Version != _watchedIn)
        {
            foreach (var userId in userIds)
            {
                _ = grains.GetGrain<IUserGrain>(userId).PushAsync(push);
            }

            if (!_renewing)
            {
                _renewing = true;
                _ = RenewAfterChangeAsync();
            }

            return;
        }

        // A conversation's members usually sit on one node or few: a short list beats a dictionary here.
        List<(IGatewayNode Node, GrainId Id, List<Guid> Users)>? nodes = null;
        foreach (var userId in userIds)
        {
            if (!_presence.TryGetValue(userId, out var presence))
            {
                _ = grains.GetGrain<IUserGrain>(userId).PushAsync(push);
                continue;
            }

            foreach (var node in presence.Nodes)
            {
                nodes ??= [];
                var id = node.GetGrainId();
                var index = nodes.FindIndex(n => n.Id == id);
                if (index < 0)
                {
                    nodes.Add((node, id, [userId]));
                }
                else
                {
                    nodes[index].Users.Add(userId);
                }
            }
        }

        foreach (var (node, _, users) in nodes ?? [])
        {
            _ = node.DeliverTo([.. users], push);
        }
    }

    private async Task RenewAfterChangeAsync()
    {
        try
        {
            await RenewAsync();
        }
        finally
        {
            _renewing = false;
        }
    }
}
