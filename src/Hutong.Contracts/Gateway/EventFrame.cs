using Hutong.Contracts.Events;

namespace Hutong.Contracts.Gateway;

/// <summary>An entry of the person's event log.</summary>
public sealed record EventFrame(UserEvent Event) : ServerFrame;
