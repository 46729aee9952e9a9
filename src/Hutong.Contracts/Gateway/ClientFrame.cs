using System.Text.Json.Serialization;

namespace Hutong.Contracts.Gateway;

/// <summary>A frame from a device, named on the wire by <c>type</c>; see docs/protocol.md.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HelloFrame), FrameTypes.Hello)]
[JsonDerivedType(typeof(SendFrame), FrameTypes.Send)]
[JsonDerivedType(typeof(PingFrame), FrameTypes.Ping)]
public abstract record ClientFrame;
