using Hutong.Contracts;
using Hutong.Core.Errors;

namespace Hutong.Chat.Conversations;

/// <summary>The chat failures that more than one place returns.</summary>
internal static class ChatErrors
{
    /// <summary>Also what non-members get: existence itself is private.</summary>
    public static readonly Error ConversationNotFound = Error.NotFound(ErrorCodes.ConversationNotFound, "No such conversation.");

    public static readonly Error MessageNotFound = Error.NotFound(ErrorCodes.MessageNotFound, "No such message.");

    public static readonly Error NotAllowed = Error.Forbidden(ErrorCodes.NotAllowed, "Only the group's owner or admins may do this.");

    public static readonly Error Unavailable = new(ErrorCodes.StorageUnavailable, 503, "The message could not be stored; send it again.");

    public static Error Invalid(string field, string message) =>
        Error.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
