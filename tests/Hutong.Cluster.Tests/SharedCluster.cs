using Hutong.Testing.Cluster;

namespace Hutong.Cluster.Tests;

/// <summary>Every class here shares one 3-node cluster and runs one at a time: some stop nodes, and all load the machine.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
