using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Booking.Settings;
using Booking.Store;
using Booking.WeChatPay;
using Microsoft.Extensions.Options;

namespace Booking.Payments;

/// <summary>
/// The deposit a booking takes, through WeChat Pay API v3 (<see cref="WeChatPayClient"/>): a JSAPI order for the
/// person when they book, paid in the mini-program with <c>wx.requestPayment</c>; marked paid only when the platform
/// says so, in a notification whose signature verifies or in the answer to a query; closed or refunded when the
/// booking is cancelled. Off (and every booking free of it) while <c>WeChatPay:MchId</c> is empty.
/// </summary>
internal sealed class Deposits : IDisposable
{
    public const string HttpClientName = "wechatpay";

    private readonly BookingStore _store;
    private readonly WeChatPayClient? _pay;
    private readonly string _appId;
    private readonly string _notifyUrl;
    private readonly int _amount;
    private readonly TimeProvider _time;
    private readonly ILogger<Deposits> _logger;

    public Deposits(
        BookingStore store, IHttpClientFactory httpClients, IOptions<WeChatPayOptions> pay, IOptions<PlatformOptions> platform, IOptions<StudioOptions> studio,
        TimeProvider time, ILogger<Deposits> logger)
    {
        _store = store;
        _appId = platform.Value.AppId;
        _notifyUrl = pay.Value.NotifyUrl?.AbsoluteUri ?? "";
        _amount = studio.Value.Deposit;
        _time = time;
        _logger = logger;
        var settings = pay.Value;
        _pay = settings.Enabled
            ? new WeChatPayClient(httpClients.CreateClient(HttpClientName), settings.MchId, settings.SerialNo, WeChatPayClient.ReadPrivateKey(settings.PrivateKeyPath), settings.ApiV3Key, time)
            : null;
    }

    public bool Enabled => _pay is not null;

    private WeChatPayClient Pay => _pay ?? throw new InvalidOperationException("The studio takes no deposits: WeChatPay:MchId is not set.");

    /// <summary>The deposit a treatment takes: <c>Booking:Deposit</c>, or its price when that is less.</summary>
    public int AmountFor(Service service) => Math.Min(_amount, service.Price);

    /// <summary>
    /// The deposit's order for <paramref name="booking"/> (made now, or the one made before: asking again with the
    /// same number and the same fields is the same order), and what <c>wx.requestPayment</c> needs to pay it; null
    /// when there is nothing to pay any more.
    /// </summary>
    public async Task<RequestPayment?> OrderAsync(BookingRecord booking, CancellationToken cancellationToken)
    {
        var deposit = booking.Deposit ?? await _store.AddDepositAsync(booking.Id, NewTradeNo(booking.Id), AmountFor(booking.Service), cancellationToken);
        for (var renewed = false; deposit.State == DepositStates.Unpaid;)
        {
            var answer = await Pay.PostAsync("/v3/pay/transactions/jsapi", Order(booking, deposit), cancellationToken);
            if (answer.IsSuccess && answer["prepay_id"] is { Length: > 0 } prepayId)
            {
                await _store.SetPrepayIdAsync(booking.Id, prepayId, cancellationToken);
                _logger.DepositOrdered(booking.Id, deposit.OutTradeNo, deposit.Amount);
                return Pay.PayParameters(_appId, prepayId);
            }

            switch (answer.Code)
            {
                case "ORDERPAID":
                    await QueryAsync(deposit.OutTradeNo, cancellationToken);
                    return null;
                case "ORDER_CLOSED" when !renewed:
                    // It expired unpaid: the deposit is paid through a new order, under a new number.
                    renewed = true;
                    deposit = deposit with { OutTradeNo = NewTradeNo(booking.Id), PrepayId = null };
                    await _store.RenewOrderAsync(booking.Id, deposit.OutTradeNo, cancellationToken);
                    continue;
                default:
                    throw new WeChatPayException($"The deposit's order was refused: {answer}.");
            }
        }

        return null;
    }

    /// <summary>
    /// The deposit as it stands. One that is unpaid but has an order is looked up at the platform first
    /// (<c>GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=</c>), so a payment counts before its
    /// notification arrives.
    /// </summary>
    public async Task<DepositRecord?> StatusAsync(BookingRecord booking, CancellationToken cancellationToken)
    {
        if (booking.Deposit is not { State: DepositStates.Unpaid, PrepayId: not null } deposit)
        {
            return booking.Deposit;
        }

        await QueryAsync(deposit.OutTradeNo, cancellationToken);
        return await _store.DepositAsync(booking.Id, cancellationToken);
    }

    /// <summary>
    /// Before <paramref name="booking"/> is cancelled: an unpaid deposit's order is closed, so that it can no longer be
    /// paid; a paid one is refunded in full. Throws when the platform cannot do it now, and the booking stands.
    /// </summary>
    public async Task SettleAsync(BookingRecord booking, CancellationToken cancellationToken)
    {
        if (booking.Deposit is not { } deposit)
        {
            return;
        }

        if (deposit is { State: DepositStates.Unpaid, PrepayId: not null })
        {
            var closed = await Pay.PostAsync(
                $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(deposit.OutTradeNo)}/close", new JsonObject { ["mchid"] = Pay.MchId }, cancellationToken);
            if (closed.IsSuccess)
            {
                await _store.MarkClosedAsync(booking.Id, _time.GetUtcNow(), cancellationToken);
                _logger.DepositClosed(booking.Id, deposit.OutTradeNo);
                return;
            }

            if (closed.Code != "ORDERPAID")
            {
                throw new WeChatPayException($"The deposit's order could not be closed: {closed}.");
            }

            // Paid a moment ago: it is refunded below.
            await QueryAsync(deposit.OutTradeNo, cancellationToken);
            deposit = (await _store.DepositAsync(booking.Id, cancellationToken))!;
        }

        if (deposit.State == DepositStates.Paid)
        {
            await RefundAsync(deposit, cancellationToken);
        }
    }

    /// <summary>
    /// A notification posted to <c>/wechatpay/notify</c>: null once it is handled (or was before: the platform sends
    /// each until it is answered 2xx, so it is handled once by its id), else the status and reason to refuse it with.
    /// </summary>
    public async Task<(int Status, string Message)?> NotifiedAsync(Func<string, string?> header, string body, CancellationToken cancellationToken)
    {
        WeChatPayNotification notification;
        try
        {
            notification = await Pay.ReadNotificationAsync(header, body, cancellationToken);
        }
        catch (WeChatPayException e)
        {
            _logger.NotificationRefused(e.Message);
            return (StatusCodes.Status401Unauthorized, e.Message);
        }

        if (notification.Id.Length == 0 || await _store.NotificationSeenAsync(notification.Id, cancellationToken))
        {
            return null;
        }

        switch (notification.EventType)
        {
            case "TRANSACTION.SUCCESS":
                if (!await ConfirmAsync(notification.Resource, "notification", cancellationToken))
                {
                    return (StatusCodes.Status400BadRequest, "The transaction does not match the deposit's order.");
                }

                break;
            case "REFUND.SUCCESS" when WeChatPayClient.Text(notification.Resource["refund_status"]) == "SUCCESS"
                && WeChatPayClient.Text(notification.Resource["out_refund_no"]) is { } outRefundNo
                && await _store.DepositByRefundNoAsync(outRefundNo, cancellationToken) is { } deposit:
                if (deposit.RefundedAt is null)
                {
                    await _store.MarkRefundAsync(outRefundNo, WeChatPayClient.Text(notification.Resource["refund_id"]) ?? deposit.RefundId ?? "", _time.GetUtcNow(), cancellationToken);
                    _logger.DepositRefunded(deposit.BookingId, outRefundNo, "SUCCESS");
                }

                break;
            default:
                _logger.NotificationIgnored(notification.EventType);
                break;
        }

        await _store.AddNotificationAsync(notification.Id, _time.GetUtcNow(), cancellationToken);
        return null;
    }

    public void Dispose() => _pay?.Dispose();

    /// <summary>An order number of 6 to 32 characters, unique to this merchant however often the studio's database is made anew.</summary>
    private static string NewTradeNo(long bookingId) =>
        string.Create(CultureInfo.InvariantCulture, $"lotus{bookingId}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");

    private JsonObject Order(BookingRecord booking, DepositRecord deposit) => new()
    {
        ["appid"] = _appId,
        ["mchid"] = Pay.MchId,
        ["description"] = $"Deposit: {booking.Service.Name}, {booking.StartsAt}",
        ["out_trade_no"] = deposit.OutTradeNo,
        ["attach"] = booking.Id.ToString(CultureInfo.InvariantCulture),
        ["notify_url"] = _notifyUrl,
        ["amount"] = new JsonObject { ["total"] = deposit.Amount, ["currency"] = "CNY" },
        ["payer"] = new JsonObject { ["openid"] = booking.OpenId },
    };

    /// <summary>Looks the order up at the platform, and marks the deposit paid if it is.</summary>
    private async Task QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var answer = await Pay.GetAsync(
            $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(Pay.MchId)}", cancellationToken);
        if (answer is { IsSuccess: true, Json: { } transaction })
        {
            await ConfirmAsync(transaction, "query", cancellationToken);
        }
        else if (answer.Code != "ORDER_NOT_EXIST")
        {
            throw new WeChatPayException($"The deposit's order could not be looked up: {answer}.");
        }
    }

    /// <summary>
    /// A transaction the platform vouched for (a verified notification or query answer): when it is a payment of one
    /// of the deposits, for its amount, through this merchant and app, the deposit is marked paid, once. False when it
    /// names a deposit but does not match it.
    /// </summary>
    private async Task<bool> ConfirmAsync(JsonObject transaction, string source, CancellationToken cancellationToken)
    {
        var outTradeNo = WeChatPayClient.Text(transaction["out_trade_no"]);
        if (outTradeNo is null || await _store.DepositByTradeNoAsync(outTradeNo, cancellationToken) is not { } deposit)
        {
            _logger.UnknownOrder(outTradeNo);
            return true;
        }

        if (WeChatPayClient.Text(transaction["trade_state"]) != "SUCCESS")
        {
            return true;
        }

        var total = transaction["amount"]?["total"] is JsonValue value && value.TryGetValue<long>(out var fen) ? fen : -1;
        if (WeChatPayClient.Text(transaction["mchid"]) != Pay.MchId || WeChatPayClient.Text(transaction["appid"]) != _appId || total != deposit.Amount)
        {
            _logger.DepositMismatch(deposit.BookingId, outTradeNo, total, deposit.Amount);
            return false;
        }

        if (await _store.MarkPaidAsync(outTradeNo, WeChatPayClient.Text(transaction["transaction_id"]) ?? "", _time.GetUtcNow(), cancellationToken))
        {
            _logger.DepositPaid(deposit.BookingId, outTradeNo, source);
        }

        return true;
    }

    /// <summary>
    /// <c>POST /v3/refund/domestic/refunds</c> for the whole deposit. Its number is kept before the call, so a retry
    /// is the same refund. WeChat Pay may answer <c>PROCESSING</c>: the <c>REFUND.SUCCESS</c> notification finishes it.
    /// </summary>
    private async Task RefundAsync(DepositRecord deposit, CancellationToken cancellationToken)
    {
        var outRefundNo = await _store.RefundNumberAsync(deposit.BookingId, deposit.OutTradeNo + "-refund", cancellationToken);
        var answer = await Pay.PostAsync("/v3/refund/domestic/refunds", new JsonObject
        {
            ["out_trade_no"] = deposit.OutTradeNo,
            ["out_refund_no"] = outRefundNo,
            ["reason"] = "Booking cancelled",
            ["notify_url"] = _notifyUrl,
            ["amount"] = new JsonObject { ["refund"] = deposit.Amount, ["total"] = deposit.Amount, ["currency"] = "CNY" },
        }, cancellationToken);
        var status = answer["status"];
        if (!answer.IsSuccess || answer["refund_id"] is not { Length: > 0 } refundId || status is not ("SUCCESS" or "PROCESSING"))
        {
            throw new WeChatPayException($"The deposit could not be refunded: {answer} {status}.");
        }

        await _store.MarkRefundAsync(outRefundNo, refundId, status == "SUCCESS" ? _time.GetUtcNow() : null, cancellationToken);
        _logger.DepositRefunded(deposit.BookingId, outRefundNo, status);
    }
}
