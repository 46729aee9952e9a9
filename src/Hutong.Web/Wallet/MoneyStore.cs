using System.Threading.Channels;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Web.Payments;
using Hutong.Web.Shared;

namespace Hutong.Web.Wallet;

/// <summary>
/// The transfers and red packets this device has shown, fetched when a chat first shows them and again when the
/// gateway says they changed (a transfer's outcome notice, an open or return of my packet), on subscriptions of its
/// own. Sends go through here too, so the card of what was just sent knows its state before the chat delivers it.
/// Money paid to my receive code while this device is signed in is kept here too, newest first, for the notice and the
/// pages that show it; and Pay notices (my payments to merchants and their refunds) are passed on, but for a payment
/// this tab's cashier has just shown as paid.
/// </summary>
public sealed class MoneyStore(HutongClient api) : IChangeSource
{
    private readonly Dictionary<string, TransferInfo> _transfers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RedPacketInfo> _packets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _loading = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly List<ReceiveCodePaymentEvent> _received = [];
    private readonly HashSet<string> _toldNotices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paidHere = new(StringComparer.Ordinal);
    private readonly List<PaymentNotice> _heldNotices = [];
    private int _paying;
    private Task? _wallet;

    /// <summary>The wallet's currency; CNY until the wallet has answered.</summary>
    public string Currency { get; private set; } = "CNY";

    /// <summary>The node's money limits; every node's defaults until the wallet has answered.</summary>
    public WalletLimits Limits { get; private set; } = WalletLimits.Defaults;

    /// <summary>What the wallet could spend when it last answered; null until it has.</summary>
    public long? Available { get; private set; }

    public event Action? Changed;

    /// <summary>Someone paid my receive code: the money is in the wallet already.</summary>
    public event Action<ReceiveCodePaymentEvent>? MoneyReceived;

    /// <summary>
    /// I paid a merchant, or one gave money back (a Pay notice); not told of a payment this tab's cashier showed as paid.
    /// </summary>
    public event Action<PaymentNotice>? PaymentNoticed;

    /// <summary>What was paid to my receive code since this device signed in, newest first.</summary>
    public IReadOnlyList<ReceiveCodePaymentEvent> Received => _received;

    public TransferInfo? Transfer(string id) => _transfers.GetValueOrDefault(id);

    /// <summary>
    /// Follows what the gateway says of the cards held: a transfer's outcome and my red packets' opens and returns.
    /// Called with each new gateway, before it connects; it ends with <paramref name="stop"/> or the gateway.
    /// </summary>
    public void Follow(HutongGateway gateway, CancellationToken stop)
    {
        _ = FollowAsync(gateway.Subscribe<MessageFrame>(), OnMessage, stop);
        _ = FollowAsync(gateway.Subscribe<RedPacketOpenedEvent>(), opened => OnPacketEvent(opened.ConversationId), stop);
        _ = FollowAsync(gateway.Subscribe<RedPacketReturnedEvent>(), returned => OnPacketEvent(returned.ConversationId), stop);
        _ = FollowAsync(gateway.Subscribe<ReceiveCodePaymentEvent>(), OnReceived, stop);
        _ = FollowAsync(gateway.Subscribe<PaymentNoticeEvent>(), told => OnPaymentNotice(told.Notice), stop);
    }

    public RedPacketInfo? Packet(string id) => _packets.GetValueOrDefault(id);

    /// <summary>Asks for the currency and limits once; amounts show in CNY meanwhile.</summary>
    public Task EnsureWalletAsync() => _wallet ??= LoadWalletAsync();

    /// <summary>Asks again, for a form about to spend: what is available changes with every payment.</summary>
    public Task RefreshWalletAsync() => _wallet = LoadWalletAsync();

    /// <summary>
    /// Fetches a transfer unless it is held or failed before (a card asks on every render), or <paramref name="again"/>
    /// says to; one request at a time per transfer.
    /// </summary>
    public Task LoadTransferAsync(string id, bool again = false) =>
        !again && _transfers.ContainsKey(id) ? Task.CompletedTask : Once("t:" + id, again, async () => Keep(await api.GetTransferAsync(id)));

    /// <summary>Fetches a red packet unless it is held or failed before, or <paramref name="again"/> says to.</summary>
    public Task LoadPacketAsync(string id, bool again = false) =>
        !again && _packets.ContainsKey(id) ? Task.CompletedTask : Once("p:" + id, again, async () => Keep(await api.GetRedPacketAsync(id)));

    /// <summary>The chat says a transfer changed: fetch it again if a card shows it.</summary>
    public Task RefreshTransferAsync(string id) => _transfers.ContainsKey(id) ? Quietly(LoadTransferAsync(id, again: true)) : Task.CompletedTask;

    /// <summary>Someone opened a packet, or it went back: fetch it again if a card shows it.</summary>
    public Task RefreshPacketAsync(string id) => _packets.ContainsKey(id) ? Quietly(LoadPacketAsync(id, again: true)) : Task.CompletedTask;

    public async Task<TransferInfo> SendTransferAsync(SendTransferRequest request) => Keep(await api.SendTransferAsync(request));

    public async Task<TransferInfo> AcceptTransferAsync(string id) => Keep(await api.AcceptTransferAsync(id));

    public async Task<TransferInfo> DeclineTransferAsync(string id) => Keep(await api.DeclineTransferAsync(id));

    public async Task<RedPacketInfo> SendRedPacketAsync(SendRedPacketRequest request) => Keep(await api.SendRedPacketAsync(request));

    public async Task<RedPacketOpened> OpenPacketAsync(string id)
    {
        var opened = await api.OpenRedPacketAsync(id);
        Keep(opened.Packet);
        return opened;
    }

    /// <summary>
    /// Pays through this tab's cashier, which shows the payment as paid itself. Its Pay notice may reach this device
    /// before the payment's answer does, so notices of payments wait while one is under way here, and the one this tab
    /// paid is dropped once its answer names it; the others are told then.
    /// </summary>
    public async Task<PaymentResult> PayAsync(Func<Task<PaymentResult>> pay)
    {
        _paying++;
        try
        {
            var receipt = await pay();
            _paidHere.Add(receipt.TransactionId);
            return receipt;
        }
        finally
        {
            if (--_paying == 0)
            {
                var held = _heldNotices.ToList();
                _heldNotices.Clear();
                held.ForEach(Announce);
            }
        }
    }

    public void Clear()
    {
        _transfers.Clear();
        _packets.Clear();
        _loading.Clear();
        _failed.Clear();
        _received.Clear();
        _toldNotices.Clear();
        _paidHere.Clear();
        _heldNotices.Clear();
        _wallet = null;
        Currency = "CNY";
        Limits = WalletLimits.Defaults;
        Available = null;
    }

    private TransferInfo Keep(TransferInfo transfer)
    {
        _transfers[transfer.Id] = transfer;
        Changed?.Invoke();
        return transfer;
    }

    private RedPacketInfo Keep(RedPacketInfo packet)
    {
        _packets[packet.Id] = packet;
        Changed?.Invoke();
        return packet;
    }

    private Task Once(string key, bool again, Func<Task> load)
    {
        if (_loading.TryGetValue(key, out var running))
        {
            return running;
        }

        if (!again && _failed.Contains(key))
        {
            return Task.CompletedTask;
        }

        var task = Run();
        // A load that finished at once (an error before any await) must not stay registered.
        if (!task.IsCompleted)
        {
            _loading[key] = task;
        }

        return task;

        async Task Run()
        {
            try
            {
                await load();
                _failed.Remove(key);
            }
            catch
            {
                _failed.Add(key);
                throw;
            }
            finally
            {
                _loading.Remove(key);
            }
        }
    }

    private async Task LoadWalletAsync()
    {
        try
        {
            var wallet = await api.GetWalletAsync();
            if (wallet.Currency != Currency || wallet.Limits != Limits || wallet.Available != Available)
            {
                (Currency, Limits, Available) = (wallet.Currency, wallet.Limits, wallet.Available);
                Changed?.Invoke();
            }
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // CNY is every node's default; Clear() at sign-out lets the next sign-in ask again.
        }
    }

    private static async Task FollowAsync<T>(ChannelReader<T> delivered, Action<T> apply, CancellationToken stop)
    {
        try
        {
            await foreach (var item in delivered.ReadAllAsync(stop))
            {
                apply(item);
            }
        }
        catch (OperationCanceledException)
        {
            // Signed out.
        }
    }

    private void OnMessage(MessageFrame frame)
    {
        if (frame.Message.Content is NoticeContent notice && notice.TransferId() is { } transferId)
        {
            _ = RefreshTransferAsync(transferId);
        }
    }

    /// <summary>Money paid to my code: kept once (a resume may bring it again), the wallet asked again, and everyone told.</summary>
    private void OnReceived(ReceiveCodePaymentEvent received)
    {
        if (_received.Exists(r => r.PaymentId == received.PaymentId))
        {
            return;
        }

        _received.Insert(0, received);
        _ = RefreshWalletAsync();
        MoneyReceived?.Invoke(received);
        Changed?.Invoke();
    }

    /// <summary>A Pay notice: told once (a resume may bring it again), the wallet asked again, held while this tab pays.</summary>
    private void OnPaymentNotice(PaymentNotice notice)
    {
        if (!_toldNotices.Add(PaymentNoticeText.Key(notice)))
        {
            return;
        }

        _ = RefreshWalletAsync();
        if (notice is PaidNotice && _paying > 0)
        {
            _heldNotices.Add(notice);
            return;
        }

        Announce(notice);
    }

    private void Announce(PaymentNotice notice)
    {
        if (notice is PaidNotice paid && _paidHere.Contains(paid.TransactionId))
        {
            return;
        }

        PaymentNoticed?.Invoke(notice);
    }

    /// <summary>
    /// One of my packets in the chat was opened or came back. The event names it by its message, which this store does
    /// not see; my packets still open in one chat are few, so each held one is fetched again.
    /// </summary>
    private void OnPacketEvent(string conversationId)
    {
        // Only the sender is shown a packet's own id.
        foreach (var packet in _packets.Values.Where(p => p.ConversationId == conversationId && p.PacketId is not null && p.State == RedPacketStates.Active).ToList())
        {
            _ = RefreshPacketAsync(packet.Id);
        }
    }

    private static async Task Quietly(Task refresh)
    {
        try
        {
            await refresh;
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // The card keeps what it showed; opening it fetches again.
        }
    }
}
