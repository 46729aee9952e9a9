using System.Diagnostics.Metrics;
using Hutong.Chat.Conversations;
using Hutong.Core.Telemetry;

namespace Hutong.Chat.Messages;

/// <summary>
/// <c>hutong.messages.sent</c>: messages that became durable in their conversation, each once (a resend answered with
/// its first seq is not counted again), by kind of conversation. On the send path, so the tags are made once. One per
/// node: a message is counted by the node whose conversation grain wrote it, so a cluster's sum counts each once.
/// </summary>
public sealed class ChatMetrics(IMeterFactory meters)
{
    public const string KindTag = "hutong.conversation.kind";

    private static readonly KeyValuePair<string, object?> Direct = new(KindTag, "direct");
    private static readonly KeyValuePair<string, object?> Group = new(KindTag, "group");

    private readonly Counter<long> _sent = HutongMeter.Create(meters).CreateCounter<long>(
        "hutong.messages.sent", "{message}", "Messages sent and durable, counted once each, by kind of conversation.");

    public void Sent(ConversationKind kind) => _sent.Add(1, kind == ConversationKind.Direct ? Direct : Group);
}
