using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Telemetry;
using Hutong.Core.Text;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.RedPackets;

/// <summary>
/// Red packets (docs/product.md): sending moves the total from the sender's wallet into the packet's own escrow account,
/// then puts the packet in the chat as a message; opens go through the packet's grain; what is left after 24 hours
/// goes back through the sweeper. The row is written before any money moves, and every step after it is idempotent,
/// so a retry under the same <c>packetId</c> finishes what a stopped node began.
/// </summary>
public sealed class RedPacketService(
    WalletService wallet, LedgerWriter ledger, IRedPacketStore packets, IGrainFactory grains, IOptions<WalletOptions> options, SweepMetrics sweeps, TimeProvider clock)
{
    /// <summary>A packet the ledger refused (not enough money): it never held anything.</summary>
    internal const string Refused = "refused";

    private WalletOptions Options => options.Value;

    public async Task<Result<RedPacketInfo>> SendAsync(Guid me, SendRedPacketRequest request, CancellationToken cancellationToken)
    {
        var errors = Check(request, out var conversationId);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var conversation = grains.GetGrain<IConversationGrain>(conversationId);
        if (await conversation.FindMembershipAsync(me) is not { } membership)
        {
            return Error.NotFound(ErrorCodes.ConversationNotFound, "No such conversation.");
        }

        if (!membership.Open)
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "No messages can be sent in this conversation.");
        }

        if (membership.Kind == ConversationKind.Direct ? request.Count != 1 : request.Count > membership.MemberCount)
        {
            return WalletErrors.Invalid("count", membership.Kind == ConversationKind.Direct
                ? "A red packet in a direct chat is a single share."
                : $"A red packet has no more shares than the group has members ({membership.MemberCount}).");
        }

        var pin = await wallet.CheckPinAsync(me, request.Pin, cancellationToken);
        if (!pin.IsSuccess)
        {
            return pin.Error;
        }

        var now = clock.GetUtcNow();
        var greeting = NameText.Clean(request.Greeting) is { Length: > 0 } cleaned && !NameText.IsBlank(cleaned) ? cleaned : null;
        var stored = await packets.AddAsync(
            new RedPacket(Ids.New(clock), request.PacketId, me, conversationId, request.Kind == RedPacketKinds.Lucky, request.TotalAmount, request.Count,
                greeting, RedPacketStates.Active, now, now + Options.RedPacketExpiry, null, false),
            cancellationToken);
        if (stored.ConversationId != conversationId || stored.Lucky != (request.Kind == RedPacketKinds.Lucky) || stored.TotalAmount != request.TotalAmount
            || stored.Count != request.Count || stored.Greeting != greeting)
        {
            return WalletErrors.IdempotencyConflict;
        }

        if (stored.State == Refused)
        {
            return WalletErrors.InsufficientFunds;
        }

        var fund = await ledger.ApplyAsync(
            new TransferRequest(FundId(stored.Id), me, stored.Id, stored.TotalAmount, TransferCode.RedPacketFund, Reference: Ids.Format(stored.Id)),
            wallet.Account(me), WalletAccounts.Escrow(stored.Id, me, Options.Currency));
        if (fund.Result == TransferResult.ExceedsCredits)
        {
            await packets.ResolveAsync(stored.Id, RedPacketStates.Active, Refused, cancellationToken);
            return WalletErrors.InsufficientFunds;
        }

        var message = SendCommand.Of(me, $"redpacket:{stored.Id:N}", new RedPacketContent(Ids.Format(stored.Id), stored.Greeting));
        var sent = await conversation.SendAsync(message);
        if (!sent.IsSuccess)
        {
            // No one can see the packet: the money goes straight back.
            await grains.GetGrain<IRedPacketGrain>(stored.Id).ExpireAsync(now: true);
            return sent.Error;
        }

        var grain = grains.GetGrain<IRedPacketGrain>(stored.Id);
        if (stored.MessageSeq is null)
        {
            await grain.PostedAsync(sent.Value.Seq);
        }

        var view = await grain.ViewAsync(me);
        return view.IsSuccess ? Info(view.Value, me) : view.Error;
    }

    public async Task<Result<RedPacketOpened>> OpenAsync(Guid me, string id)
    {
        if (!Ids.TryParse(id, out var packetId))
        {
            return NotFound;
        }

        var opened = await grains.GetGrain<IRedPacketGrain>(packetId).OpenAsync(me);
        return opened.IsSuccess ? new RedPacketOpened(opened.Value.Opens.First(o => o.UserId == me).Amount, Info(opened.Value, me)) : opened.Error;
    }

    public async Task<Result<RedPacketInfo>> GetAsync(Guid me, string id)
    {
        if (!Ids.TryParse(id, out var packetId))
        {
            return NotFound;
        }

        var view = await grains.GetGrain<IRedPacketGrain>(packetId).ViewAsync(me);
        return view.IsSuccess ? Info(view.Value, me) : view.Error;
    }

    /// <summary>Returns what was left in packets that are due; returns how many it handled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await packets.ListDueAsync(clock.GetUtcNow(), 200, cancellationToken);
        foreach (var packet in due)
        {
            // Due at its expiry, whether it is still open or expired with its money not yet back.
            sweeps.Acted("red_packet", packet.ExpiresAt, clock.GetUtcNow());
            await grains.GetGrain<IRedPacketGrain>(packet.Id).ExpireAsync(now: false);
        }

        return due.Count;
    }

    internal static string FundId(Guid packetId) => $"rp-fund:{packetId:N}";

    private FieldErrors Check(SendRedPacketRequest request, out Guid conversationId)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.PacketId) || request.PacketId.Length > 64)
        {
            errors.Add("packetId", "A packet id is 1 to 64 characters, chosen by the client.");
        }

        if (!Ids.TryParse(request.ConversationId, out conversationId))
        {
            errors.Add("conversationId", "conversationId names a conversation.");
        }

        if (request.Kind is not (RedPacketKinds.Lucky or RedPacketKinds.Equal))
        {
            errors.Add("kind", "kind is lucky or equal.");
        }

        var maxShare = Options.MaxRedPacketShare;
        if (request.Count < 1 || request.Count > Options.MaxRedPacketShares)
        {
            errors.Add("count", $"A red packet has 1 to {Options.MaxRedPacketShares} shares.");
        }
        else if (request.TotalAmount < request.Count || request.TotalAmount > maxShare * request.Count)
        {
            errors.Add("totalAmount", $"Each share holds 1 to {maxShare} fen, so the total is from {request.Count} to {maxShare * request.Count}.");
        }
        else if (request.Kind == RedPacketKinds.Equal && request.TotalAmount % request.Count != 0)
        {
            errors.Add("totalAmount", "An equal packet's total divides evenly into its shares.");
        }

        if (request.Greeting is { } greeting && NameText.HasControl(greeting))
        {
            errors.Add("greeting", "A greeting cannot contain control characters.");
        }

        if (request.Greeting is { Length: > 30 })
        {
            errors.Add("greeting", "A greeting is at most 30 characters.");
        }

        return errors;
    }

    /// <summary>The total is the sender's to see until every share is opened; what each opener got is in the details.</summary>
    private static RedPacketInfo Info(PacketView view, Guid me)
    {
        var packet = view.Packet;
        var finished = view.Opens.Count == packet.Count;
        var best = -1;
        if (finished && packet.Lucky && packet.Count > 1)
        {
            // The first to draw the largest share, if two drew the same.
            best = 0;
            for (var i = 1; i < view.Opens.Count; i++)
            {
                best = view.Opens[i].Amount > view.Opens[best].Amount ? i : best;
            }
        }

        return new RedPacketInfo(
            Ids.Format(packet.Id),
            packet.SenderId == me ? packet.PacketId : null,
            Ids.Format(packet.SenderId),
            Ids.Format(packet.ConversationId),
            packet.Lucky ? RedPacketKinds.Lucky : RedPacketKinds.Equal,
            packet.Count,
            packet.Greeting,
            view.State,
            packet.Count - view.Opens.Count,
            packet.SenderId == me || finished ? packet.TotalAmount : null,
            view.Opens.FirstOrDefault(o => o.UserId == me)?.Amount,
            packet.CreatedAt,
            packet.ExpiresAt,
            [.. view.Opens.Select((o, i) => new RedPacketOpen(Ids.Format(o.UserId), o.Amount, o.OpenedAt, i == best))]);
    }

    private static Error NotFound => Error.NotFound(ErrorCodes.PacketNotFound, "No such red packet in your chats.");
}
