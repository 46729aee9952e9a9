using System.Text.Json.Serialization;

namespace Hutong.Contracts.Gateway;

/// <summary>A frame from the server, named on the wire by <c>type</c>; see docs/protocol.md.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WelcomeFrame), FrameTypes.Welcome)]
[JsonDerivedType(typeof(SyncedFrame), FrameTypes.Synced)]
[JsonDerivedType(typeof(AckFrame), FrameTypes.Ack)]
[JsonDerivedType(typeof(MessageFrame), FrameTypes.Message)]
[JsonDerivedType(typeof(EventFrame), FrameTypes.Event)]
[JsonDerivedType(typeof(ErrorFrame), FrameTypes.Error)]
[JsonDerivedType(typeof(PongFrame), FrameTypes.Pong)]
public abstract record ServerFrame;
