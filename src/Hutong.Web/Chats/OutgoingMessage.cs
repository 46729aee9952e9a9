using Hutong.Contracts.Chat.Content;

namespace Hutong.Web.Chats;

/// <summary>
/// A message this device has sent and the server has not yet acknowledged: shown at once, in the place it will take,
/// and replaced by the real message when that arrives with the same client message id. An upload's content names no
/// media yet, only the file.
/// </summary>
public sealed class OutgoingMessage(string clientMsgId, MessageContent content, long? replyToSeq, DateTimeOffset createdAt)
{
    public string ClientMsgId { get; } = clientMsgId;

    public MessageContent Content { get; } = content;

    public long? ReplyToSeq { get; } = replyToSeq;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public OutgoingState State { get; set; } = OutgoingState.Sending;

    /// <summary>Why the last attempt failed: the server's refusal, or no connection.</summary>
    public Exception? Failure { get; set; }

    /// <summary>
    /// Whether sending again may succeed: after no connection or the server's own failure, and after a limit once its
    /// wait is over; never after a refusal of what was sent.
    /// </summary>
    public bool CanRetry { get; set; }

    /// <summary>Upload progress from 0 to 1, for attachments.</summary>
    public double Progress { get; set; }

    /// <summary>A local preview of an image being sent.</summary>
    public string? PreviewUrl { get; set; }
}

public enum OutgoingState
{
    Uploading,
    Sending,
    Failed,
}
