using Hutong.Contracts.Gateway;
using Hutong.Core;
using Hutong.Realtime.Delivery;

namespace Hutong.Chat.Messages;

/// <summary>Chat's gateway frames: a message, serialised once for every device it goes to.</summary>
public static class ChatFrames
{
    public static Push Message(ChatMessage message) =>
        new(message.ConversationId, message.Seq, RealtimeFrames.Serialize(new MessageFrame(Ids.Format(message.ConversationId), ChatWire.ToInfo(message))));
}
