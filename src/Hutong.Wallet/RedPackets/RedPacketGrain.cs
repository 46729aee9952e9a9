using Hutong.Chat.Conversations;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Realtime.Log;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Hutong.Wallet.RedPackets;

/// <summary>
/// Reentrant, so a packet's opens share one of the ledger writer's transactions rather than waiting for one each.
/// Correctness rests on the habit <c>ConversationGrain</c> keeps: an open checks, draws its share from what is left and
/// records it in memory with no await in between, and only then waits for its ledger transfer; so no two opens draw
/// against the same remainder, and one person's second tap finds the first. The escrow account, which cannot go below
/// zero, backs this up in the database. What the grain holds is rebuilt from storage on activation: the packet's row,
/// its escrow account and the transfers out of it.
/// </summary>
[Reentrant]
internal sealed class RedPacketGrain(
    IRedPacketStore packets, ILedgerStore ledgerStore, LedgerWriter ledger, EventLog events, IOptions<WalletOptions> options, TimeProvider clock)
    : Grain, IRedPacketGrain
{
    /// <summary>The least time between two "opened your red packet" notices of one packet.</summary>
    internal static readonly TimeSpan NoticeGap = TimeSpan.FromSeconds(1);

    private readonly List<PacketShare> _opens = [];

    /// <summary>Ledger transfers of opens drawn but not yet durable; an expiry waits for them.</summary>
    private readonly HashSet<Task> _writing = [];

    /// <summary>Openers the sender has not yet been told of, oldest first.</summary>
    private readonly List<Guid> _untold = [];

    /// <summary>When the sender was last told of opens.</summary>
    private DateTimeOffset _toldAt = DateTimeOffset.MinValue;

    /// <summary>Whether opens are being gathered until a gap since the last notice has passed.</summary>
    private bool _gathering;
    private RedPacket? _packet;
    private Task? _loading;
    private Task? _expiry;

    /// <summary>What the escrow account still holds.</summary>
    private long _left;

    private Guid Id => this.GetPrimaryKey();

    public async Task<Result<PacketView>> OpenAsync(Guid userId)
    {
        var member = await MemberAsync(userId);
        if (!member.IsSuccess)
        {
            return member.Error;
        }

        var packet = _packet!;
        if (member.Value.Kind == ConversationKind.Direct && userId == packet.SenderId)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "A red packet in a direct chat is for the other person.");
        }

        if (_opens.Exists(o => o.UserId == userId))
        {
            return Error.Conflict(ErrorCodes.AlreadyOpened, "You opened this red packet already.");
        }

        if (_opens.Count == packet.Count)
        {
            return Error.Conflict(ErrorCodes.PacketEmpty, "Every share of this red packet has been opened.");
        }

        if (packet.State == RedPacketStates.Expired || clock.GetUtcNow() >= packet.ExpiresAt)
        {
            return Error.Conflict(ErrorCodes.PacketExpired, "This red packet has expired; what was left went back to its sender.");
        }

        // From here to the write, no await: the share is drawn and recorded as one step.
        var count = packet.Count - _opens.Count;
        var amount = !packet.Lucky ? packet.TotalAmount / packet.Count : LuckyDraw.Next(_left, count, options.Value.MaxRedPacketShare, Random.Shared);
        _left -= amount;
        var share = new PacketShare(userId, amount, clock.GetUtcNow());
        _opens.Add(share);
        var write = ledger.ApplyAsync(
            new TransferRequest(OpenId(Id, userId), Id, userId, amount, TransferCode.RedPacketOpen, Reference: Ids.Format(Id)),
            WalletAccounts.Person(userId, options.Value.Currency));
        _writing.Add(write);
        TransferOutcome outcome;
        try
        {
            outcome = await write;
        }
        catch
        {
            // Whether it was written is unknown: learn it from storage again.
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            _writing.Remove(write);
        }

        if (outcome.Result != TransferResult.Created)
        {
            // Storage knows something this activation did not (an open written by one that has since gone).
            DeactivateOnIdle();
            return outcome.Result == TransferResult.Exists
                ? Error.Conflict(ErrorCodes.AlreadyOpened, "You opened this red packet already.")
                : new Error(ErrorCodes.StorageUnavailable, 503, "The red packet could not be opened just now; try again.");
        }

        // A packet is finished when its opens say so; its row is not written again (the sweeper settles it at expiry).
        _opens[_opens.IndexOf(share)] = share with { OpenedAt = outcome.Transfer!.CreatedAt };

        if (userId != packet.SenderId)
        {
            _untold.Add(userId);
        }

        TellSender();
        return View();
    }

    public async Task<Result<PacketView>> ViewAsync(Guid userId)
    {
        var member = await MemberAsync(userId);
        return member.IsSuccess ? View() : member.Error;
    }

    public async Task PostedAsync(long messageSeq)
    {
        await LoadAsync();
        if (_packet is not { MessageSeq: null })
        {
            return;
        }

        await packets.SetMessageSeqAsync(Id, messageSeq, CancellationToken.None);
        _packet = _packet with { MessageSeq = messageSeq };
        TellSender();
    }

    /// <summary>
    /// One expiry at a time: a late open and the sweep can both ask, and two interleaved on this reentrant grain would
    /// both read the escrow before either refund landed and tell the sender twice.
    /// </summary>
    public Task ExpireAsync(bool now) => _expiry = ExpireAfterAsync(_expiry ?? Task.CompletedTask, now);

    private async Task ExpireAfterAsync(Task before, bool now)
    {
        await before.ContinueWith(_ => { }, TaskScheduler.Current);
        await LoadAsync();
        if (_packet is not { } packet || packet.Settled || (!now && clock.GetUtcNow() < packet.ExpiresAt))
        {
            return;
        }

        // No new open from here on (the state changes before any await); the ones on their way are let finish.
        var expiring = packet.State == RedPacketStates.Active && _opens.Count < packet.Count;
        if (expiring)
        {
            _packet = packet = packet with { State = RedPacketStates.Expired };
        }

        await Task.WhenAll([.. _writing]).ContinueWith(_ => { }, TaskScheduler.Current);
        if (expiring)
        {
            await packets.ResolveAsync(Id, RedPacketStates.Active, RedPacketStates.Expired, CancellationToken.None);
        }

        // What goes back is what the escrow holds in storage, whatever this activation believes.
        var left = _left = (await ledgerStore.FindAccountAsync(Id, CancellationToken.None))!.Balance;
        if (left > 0)
        {
            var refund = await ledger.ApplyAsync(
                new TransferRequest(RefundId(Id), Id, packet.SenderId, left, TransferCode.RedPacketRefund, Reference: Ids.Format(Id)));
            if (!refund.Succeeded)
            {
                // The escrow holds something else than this activation thought: read it again and let the next sweep retry.
                DeactivateOnIdle();
                return;
            }

            if (packet.MessageSeq is { } seq)
            {
                // (A packet whose message was never posted has no card to mark; the refund is in the wallet's history.)
                _ = events.AppendAsync(packet.SenderId, new RedPacketReturnedEvent(Ids.Format(packet.ConversationId), seq, left));
            }

            _left = 0;
        }

        await packets.MarkSettledAsync(Id, CancellationToken.None);
        _packet = packet with { Settled = true };
    }

    /// <summary>
    /// Only the sender hears who opened it, and at most once a <see cref="NoticeGap"/>: the first open at once, the opens
    /// after it together when the gap is over ("Lin and 4 others opened your red packet"), so a rush on a big packet is
    /// a handful of notices, not a hundred, for the sender and for the node. Opens still on their way to the ledger are
    /// waited for, as they land in a moment. A notice lost with a node is still in the packet's details.
    /// </summary>
    private void TellSender(bool gapOver = false)
    {
        // Until its message's seq is recorded, a notice could not say which message was opened; PostedAsync tells then.
        if (_untold.Count == 0 || _writing.Count > 0 || _gathering || _packet is not { MessageSeq: not null } packet)
        {
            return;
        }

        var wait = _toldAt + NoticeGap - clock.GetUtcNow();
        if (!gapOver && wait > TimeSpan.Zero)
        {
            _gathering = true;
            _ = TellAfterAsync(wait);
            return;
        }

        var together = _untold.Count;
        _ = events.AppendAsync(packet.SenderId, new RedPacketOpenedEvent(Ids.Format(packet.ConversationId), packet.MessageSeq.Value, Ids.Format(_untold[^1]), together));
        _untold.Clear();
        _toldAt = clock.GetUtcNow();
    }

    private async Task TellAfterAsync(TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        _gathering = false;
        TellSender(gapOver: true);
    }

    internal static string OpenId(Guid packetId, Guid userId) => $"rp-open:{packetId:N}:{userId:N}";

    internal static string RefundId(Guid packetId) => $"rp-refund:{packetId:N}";

    /// <summary>Non-members, and anyone before the packet is paid for, learn nothing of it.</summary>
    private async Task<Result<Membership>> MemberAsync(Guid userId)
    {
        await LoadAsync();
        if (_packet is not { } packet)
        {
            return NotFound;
        }

        return await GrainFactory.GetGrain<IConversationGrain>(packet.ConversationId).FindMembershipAsync(userId) is { } membership
            ? membership
            : NotFound;
    }

    /// <summary>Reads storage while the packet is unknown or unpaid (one read at a time); a paid packet is then served from memory.</summary>
    private Task LoadAsync() => _packet is not null ? Task.CompletedTask : _loading ??= ReadOnceAsync();

    private async Task ReadOnceAsync()
    {
        try
        {
            await ReadAsync();
        }
        finally
        {
            _loading = null;
        }
    }

    private async Task ReadAsync()
    {
        if (await packets.FindAsync(Id, CancellationToken.None) is not { State: not RedPacketService.Refused } packet
            || await ledgerStore.FindAccountAsync(Id, CancellationToken.None) is not { } escrow
            || escrow.CreditsPosted < packet.TotalAmount)
        {
            return;
        }

        var transfers = await ledgerStore.ListAsync(Id, null, packet.Count + 2, CancellationToken.None);
        _opens.Clear();
        _opens.AddRange(transfers.Where(t => t.Code == TransferCode.RedPacketOpen).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new PacketShare(t.CreditAccountId, t.Amount, t.CreatedAt)));
        _left = escrow.Balance;
        _packet = packet;
    }

    private PacketView View()
    {
        var packet = _packet!;
        var state = packet.State == RedPacketStates.Active && _opens.Count == packet.Count ? RedPacketStates.Finished
            : packet.State == RedPacketStates.Active && clock.GetUtcNow() >= packet.ExpiresAt ? RedPacketStates.Expired
            : packet.State;
        return new PacketView(packet, [.. _opens], state);
    }

    private static Error NotFound => Error.NotFound(ErrorCodes.PacketNotFound, "No such red packet in your chats.");
}
