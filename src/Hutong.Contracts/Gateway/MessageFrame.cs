using Hutong.Contracts.Chat;

namespace Hutong.Contracts.Gateway;

/// <summary>A message in one of the person's conversations, system notices included; the sender's devices get it too.</summary>
public sealed record MessageFrame(string ConversationId, MessageInfo Message) : ServerFrame;
