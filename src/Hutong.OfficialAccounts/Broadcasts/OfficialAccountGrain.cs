using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Threads;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>
/// Checks the quota and writes the broadcast in one turn. The counts are read from the database each time: the grain
/// holds no state that could drift from it, so a new activation elsewhere decides the same way.
/// </summary>
internal sealed class OfficialAccountGrain(
    IBroadcastStore broadcasts, IFollowerStore followers, AppApi.IAccessTokenStore tokens, QrCodes.IQrCodeStore qrCodes,
    IOptions<OfficialAccountsOptions> options, TimeProvider clock)
    : Grain, IOfficialAccountGrain
{
    private Guid AccountId => this.GetPrimaryKey();

    public async Task<Result<BroadcastReceipt>> BroadcastAsync(BroadcastOrder order)
    {
        if (await broadcasts.FindAsync(AccountId, order.ClientId, CancellationToken.None) is var (sent, item))
        {
            return new BroadcastReceipt(sent.Id, item.Id, item.Seq, sent.SentAt, sent.Recipients, false);
        }

        var now = clock.Now();
        var preview = order.Audience == BroadcastAudiences.Preview;
        var period = preview ? QuotaPeriod.Previews(now, options.Value) : QuotaPeriod.For(order.AccountKind, now, options.Value);
        if (await broadcasts.CountAsync(AccountId, period.Start, period.End, preview, CancellationToken.None) >= period.Limit)
        {
            return QuotaExceeded(period, now, preview);
        }

        var recipients = order.Recipients?.Length ?? await followers.CountAsync(AccountId, CancellationToken.None);
        var broadcast = new Broadcast(Ids.New(clock), AccountId, order.ClientId, now, order.Audience, order.TagId, recipients, !preview);
        var message = new ThreadMessage(Ids.New(clock), AccountId, null, true, now, MessageContentJson.Decode(order.Content), broadcast.Id);
        var stored = await broadcasts.AddAsync(broadcast, message, order.Recipients, CancellationToken.None);
        return new BroadcastReceipt(broadcast.Id, stored.Id, stored.Seq, now, recipients, true);
    }

    public async Task<bool> IssueTokenAsync(string tokenHash)
    {
        var now = clock.Now();
        var day = QuotaPeriod.Of(QuotaPeriod.Day, now, options.Value.Zone(), options.Value.AccessTokensPerDay);
        if (await tokens.IssuedAsync(AccountId, day.Start, day.End, CancellationToken.None) >= day.Limit)
        {
            return false;
        }

        await tokens.AddAsync(AccountId, tokenHash, now, now + AppApi.AccessTokens.Lifetime, CancellationToken.None);
        return true;
    }

    public async Task<string?> PermanentQrCodeAsync(long? sceneId, string? sceneStr, string ticket)
    {
        if (await qrCodes.FindPermanentAsync(AccountId, sceneId, sceneStr, CancellationToken.None) is { } kept)
        {
            return kept.Ticket;
        }

        if (await qrCodes.CountPermanentAsync(AccountId, CancellationToken.None) >= options.Value.MaxPermanentQrCodes)
        {
            return null;
        }

        var now = clock.Now();
        await qrCodes.AddAsync(new QrCodes.QrCode(AccountId, ticket, sceneId, sceneStr, now, null), now, CancellationToken.None);
        return ticket;
    }

    public static Error QuotaExceeded(QuotaPeriod period, DateTimeOffset now, bool preview) =>
        new(ErrorCodes.BroadcastQuotaExceeded, 429, preview ? "No previews are left for today." : "No broadcasts are left for this period.",
            $"{period.Limit} a {period.Name}; more from {period.End:O}.")
        {
            RetryAfter = period.End - now,
        };
}
