
namespace Hutong.Realtime.Delivery;

/// <summary>
/// The nodes that hold a person's connections, as their user grain knows them. <see cref="Version"/> grows with every
/// change, so a watcher keeps the newest of what a watch answered and what a change told it, whatever their order.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.realtime.presence")]
public sealed record Presence([property: Id(0)] long Version, [property: Id(1)] IGatewayNode[] Nodes);
