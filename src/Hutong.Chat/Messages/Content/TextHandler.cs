using Hutong.Chat.Conversations;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Chat.Messages.Content;

/// <summary>Text: not blank, not too long, no control characters but tabs and line breaks; @mentions of members only.</summary>
internal sealed class TextHandler : ContentHandler<TextContent>
{
    protected override TextContent Check(TextContent content, ChatOptions limits, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(content.Text))
        {
            errors.Add("text", "A message has text.");
        }
        else if (content.Text.Length > limits.MaxTextLength)
        {
            errors.Add("text", $"A message has at most {limits.MaxTextLength} characters.");
        }
        else if (NameText.HasControlInMessage(content.Text))
        {
            errors.Add("text", "A message cannot contain control characters other than tabs and line breaks.");
        }

        var mentions = new List<string>();
        foreach (var id in content.Mentions ?? [])
        {
            if (Ids.TryParse(id, out var parsed))
            {
                mentions.Add(Ids.Format(parsed));
            }
            else
            {
                errors.Add("mentions", $"'{id}' is not a user id.");
            }
        }

        return content with { Mentions = mentions.Count > 0 ? mentions.Distinct().ToList() : null };
    }

    protected override Error? Refuse(TextContent content, SendContext context)
    {
        if (content.MentionsAll && context.SenderRole == MemberRole.Member)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "Only the group's owner or admins may mention everyone.");
        }

        return content.Mentions?.Any(m => !context.IsMember(Guid.Parse(m))) == true
            ? ChatErrors.Invalid("mentions", "Everyone mentioned must be in the conversation.")
            : null;
    }
}
