using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.Chat.Messages.Content;

/// <summary>A contact card names a person who has an account.</summary>
internal sealed class CardHandler(IAccountStore accounts) : ContentHandler<CardContent>
{
    protected override CardContent Check(CardContent card, ChatOptions limits, FieldErrors errors)
    {
        if (Ids.TryParse(card.UserId, out var userId))
        {
            return card with { UserId = Ids.Format(userId) };
        }

        errors.Add("userId", "A contact card names a person by user id.");
        return card;
    }

    protected override async Task<Result<CardContent>> ResolveAsync(Guid senderId, CardContent card, CancellationToken cancellationToken) =>
        await accounts.FindAsync(Guid.Parse(card.UserId), cancellationToken) is null ? ChatErrors.Invalid("userId", "The card names no one.") : card;
}
