using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.Core.Telemetry;
using Hutong.Wallet.Merchants.Protocol;
using Hutong.Wallet.Merchants.V3;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// Orders, from both sides: the merchant's <c>/v3</c> calls (create, query, close, refund), checked field by field as
/// WeChat Pay checks them, and the person's payment of one (preview, then pay with the PIN). The order's own changes
/// go through its grain.
/// </summary>
public sealed class OrderService(
    IOrderStore orders, IMerchantStore merchants, IPayingApps apps, OpenIds openIds, WalletService wallet, IGrainFactory grains,
    IOptions<WalletOptions> options, SweepMetrics sweeps, TimeProvider clock)
{
    private WalletOptions Options => options.Value;

    /// <summary><c>POST /v3/pay/transactions/{jsapi|native}</c>: the order, new or the one made before with the same parameters.</summary>
    public async Task<Result<MerchantOrder>> CreateAsync(Merchant merchant, string tradeType, JsonObject body, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var fields = V3Fields.Of(body);
        var appId = fields.String("appid", 32, required: true);
        var mchId = fields.String("mchid", 32, required: true);
        var description = fields.String("description", 127, required: true);
        var outTradeNo = fields.String("out_trade_no", 32, required: true);
        var timeExpire = fields.String("time_expire", 64, required: false);
        var attach = fields.String("attach", 128, required: false);
        var notifyUrl = fields.String("notify_url", 255, required: true);
        var amount = fields.Object("amount", required: true);
        var total = amount is null ? null : V3Fields.Of(amount, "amount.").Integer("total", required: true);
        var currency = amount is null ? null : V3Fields.Of(amount, "amount.").String("currency", 16, required: false);
        var payer = tradeType == TradeTypes.JsApi ? fields.Object("payer", required: true) : null;
        var openId = payer is null ? null : V3Fields.Of(payer, "payer.").String("openid", 128, required: true);
        if (fields.Error is { } error)
        {
            return error;
        }

        if (mchId != merchant.MchId)
        {
            return V3Errors.ParamError("mchid 与请求头中的商户号不一致: mchid is not the merchant that signed the request.");
        }

        if (!OrderNumbers.IsMerchantNumber(outTradeNo, 32))
        {
            return V3Errors.ParamError("out_trade_no 格式错误: 6 to 32 of letters, digits, _ - | *.");
        }

        if (total is not > 0 || total > Options.MaxOrderAmount)
        {
            return V3Errors.ParamError($"amount.total 超出范围: 1 to {Options.MaxOrderAmount} fen.");
        }

        if (currency is not null && currency != Options.Currency)
        {
            return V3Errors.ParamError($"amount.currency 不支持: only {Options.Currency}.");
        }

        if (!NotifyUrlValid(notifyUrl!))
        {
            return V3Errors.ParamError("notify_url 格式错误: an absolute http(s) URL without a query string.");
        }

        var expiresAt = now + Options.OrderExpiry;
        if (timeExpire is not null)
        {
            if (!DateTimeOffset.TryParseExact(timeExpire, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var parsed))
            {
                return V3Errors.ParamError("time_expire 格式错误: RFC 3339 with an offset, as 2018-06-08T10:34:56+08:00.");
            }

            if (parsed < now + TimeSpan.FromMinutes(1) || parsed > now + Options.MaxOrderExpiry)
            {
                return V3Errors.ParamError("time_expire 超出范围: at least a minute and at most 90 days from now.");
            }

            expiresAt = parsed;
        }

        if (!merchant.IsApproved)
        {
            return V3Errors.NoAuth("商户未通过审核: the merchant is not approved.");
        }

        if (merchant.ApiV3Key is null)
        {
            return V3Errors.NoAuth("商户未设置APIv3密钥: set the API v3 key first; notifications are encrypted with it.");
        }

        if (!await merchants.IsBoundAsync(merchant.Id, appId!, cancellationToken))
        {
            return V3Errors.AppIdMchIdNotMatch;
        }

        var hash = Hash(tradeType, appId!, description!, timeExpire, attach, notifyUrl!, total.Value.ToString(CultureInfo.InvariantCulture), currency, openId);
        var order = new MerchantOrder(Guid.CreateVersion7(), merchant.Id, OrderNumbers.TransactionId(now), outTradeNo!, appId!, tradeType, description!, attach,
            notifyUrl!, total.Value, Options.Currency, openId, null, OrderNumbers.PrepayId(now), hash, TradeStates.NotPay, now, expiresAt, null, false, 0, 0, null, now);
        var stored = await grains.GetGrain<IOrderGrain>(order.Id).CreateAsync(order)
            ? order
            : await orders.FindByOutTradeNoAsync(merchant.Id, order.OutTradeNo, cancellationToken) ?? throw new InvalidOperationException("An order whose number was taken is not there.");
        if (stored.RequestHash != hash)
        {
            return V3Errors.OutTradeNoUsed;
        }

        if (stored.PrepayExpired(now))
        {
            stored = await grains.GetGrain<IOrderGrain>(stored.Id).RenewPrepayAsync();
        }

        return stored.State switch
        {
            TradeStates.NotPay when stored.Payable(now) => stored,
            TradeStates.NotPay or TradeStates.Closed => V3Errors.OrderClosed,
            _ => V3Errors.OrderPaid,
        };
    }

    /// <summary>The merchant's own order by its number or the platform's; another merchant's is not found.</summary>
    public async Task<Result<MerchantOrder>> FindAsync(Merchant merchant, string? outTradeNo, string? transactionId, string? mchId, CancellationToken cancellationToken)
    {
        if (mchId != merchant.MchId)
        {
            return V3Errors.ParamError("mchid 与请求头中的商户号不一致: the query's mchid is not the merchant that signed the request.");
        }

        var order = outTradeNo is not null
            ? OrderNumbers.IsMerchantNumber(outTradeNo, 32) ? await orders.FindByOutTradeNoAsync(merchant.Id, outTradeNo, cancellationToken) : null
            : transactionId is { Length: <= 32 } ? await orders.FindByTransactionIdAsync(transactionId, cancellationToken) : null;
        return order is not null && order.MerchantId == merchant.Id ? order : V3Errors.OrderNotExist;
    }

    /// <summary><c>POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close</c>.</summary>
    public async Task<Result<Done>> CloseAsync(Merchant merchant, string outTradeNo, JsonObject body, CancellationToken cancellationToken)
    {
        var fields = V3Fields.Of(body);
        var mchId = fields.String("mchid", 32, required: true);
        if (fields.Error is { } error)
        {
            return error;
        }

        var order = await FindAsync(merchant, outTradeNo, null, mchId, cancellationToken);
        return order.IsSuccess ? await grains.GetGrain<IOrderGrain>(order.Value.Id).CloseAsync() : order.Error;
    }

    /// <summary><c>POST /v3/refund/domestic/refunds</c>: the refund, new or the one made before under the same <c>out_refund_no</c>.</summary>
    public async Task<Result<(MerchantRefund Refund, MerchantOrder Order)>> RefundAsync(Merchant merchant, JsonObject body, CancellationToken cancellationToken)
    {
        var fields = V3Fields.Of(body);
        var transactionId = fields.String("transaction_id", 32, required: false);
        var outTradeNo = fields.String("out_trade_no", 32, required: false);
        var outRefundNo = fields.String("out_refund_no", 64, required: true);
        var reason = fields.String("reason", 80, required: false);
        var notifyUrl = fields.String("notify_url", 255, required: false);
        var amount = fields.Object("amount", required: true);
        var amountFields = amount is null ? null : V3Fields.Of(amount, "amount.");
        var refund = amountFields?.Integer("refund", required: true);
        var total = amountFields?.Integer("total", required: true);
        var currency = amountFields?.String("currency", 16, required: true);
        if ((fields.Error ?? amountFields?.Error) is { } error)
        {
            return error;
        }

        if (transactionId is null == outTradeNo is null)
        {
            return V3Errors.ParamError("transaction_id 和 out_trade_no 必须二选一: give one of transaction_id and out_trade_no.");
        }

        if (!OrderNumbers.IsMerchantNumber(outRefundNo, 64))
        {
            return V3Errors.ParamError("out_refund_no 格式错误: 6 to 64 of letters, digits, _ - | *.");
        }

        if (refund is not > 0 || total is not > 0 || currency != Options.Currency)
        {
            return V3Errors.ParamError($"amount 错误: refund and total are positive fen, currency is {Options.Currency}.");
        }

        if (notifyUrl is not null && !NotifyUrlValid(notifyUrl))
        {
            return V3Errors.ParamError("notify_url 格式错误: an absolute http(s) URL without a query string.");
        }

        var order = await FindAsync(merchant, outTradeNo, transactionId, merchant.MchId, cancellationToken);
        if (!order.IsSuccess)
        {
            return order.Error;
        }

        var hash = Hash(order.Value.Id.ToString("N"), refund.Value.ToString(CultureInfo.InvariantCulture), total.Value.ToString(CultureInfo.InvariantCulture), reason, notifyUrl);
        var refunded = await grains.GetGrain<IOrderGrain>(order.Value.Id)
            .RefundAsync(new RefundCommand(outRefundNo!, refund.Value, total.Value, reason, notifyUrl, hash));
        if (!refunded.IsSuccess)
        {
            return refunded.Error;
        }

        var stored = await FindRefundAsync(merchant, outRefundNo!, cancellationToken);
        return stored.IsSuccess ? stored.Value : stored.Error;
    }

    /// <summary><c>GET /v3/refund/domestic/refunds/{out_refund_no}</c>: the merchant's own refund.</summary>
    public async Task<Result<(MerchantRefund Refund, MerchantOrder Order)>> FindRefundAsync(Merchant merchant, string outRefundNo, CancellationToken cancellationToken)
    {
        var refund = outRefundNo.Length <= 64 ? await orders.FindRefundAsync(merchant.Id, outRefundNo, cancellationToken) : null;
        var order = refund is null ? null : await orders.FindAsync(refund.OrderId, cancellationToken);
        return refund is not null && order is not null ? (refund, order) : V3Errors.ResourceNotExists;
    }

    /// <summary>
    /// Carries out what is due (closing, moving money, settling; refunds a stopped node left half done); returns how
    /// many orders it handled.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await orders.ListDueAsync(now, now - Options.SettlementDelay, 200, cancellationToken);
        foreach (var order in due)
        {
            // Due at its expiry (unpaid) or when its settlement delay is over (paid and posted); a paid order whose
            // payment was not posted is a crash's repair, with no due time.
            if (order.State == TradeStates.NotPay)
            {
                sweeps.Acted("order", order.ExpiresAt, now);
            }
            else if (order is { PayPosted: true, PaidAt: { } paidAt })
            {
                sweeps.Acted("order", paidAt + Options.SettlementDelay, now);
            }

            await grains.GetGrain<IOrderGrain>(order.Id).SweepAsync();
        }

        foreach (var refund in await orders.ListProcessingRefundsAsync(now - TimeSpan.FromMinutes(1), 50, cancellationToken))
        {
            if (await orders.FindAsync(refund.OrderId, cancellationToken) is { } order)
            {
                await grains.GetGrain<IOrderGrain>(order.Id)
                    .RefundAsync(new RefundCommand(refund.OutRefundNo, refund.Amount, order.Amount, refund.Reason, refund.NotifyUrl, refund.RequestHash));
            }
        }

        return due.Count;
    }

    /// <summary>What the cashier shows before the PIN: only once <c>paySign</c> proves the merchant asked for this payment.</summary>
    public async Task<Result<PaymentPreview>> PreviewAsync(Guid me, PayRequest request, CancellationToken cancellationToken)
    {
        var found = await PayableAsync(me, request, cancellationToken);
        return found.IsSuccess ? await PreviewOfAsync(found.Value.Order, found.Value.Merchant, cancellationToken) : found.Error;
    }

    public async Task<Result<PaymentResult>> PayAsync(Guid me, PayRequest request, CancellationToken cancellationToken)
    {
        var found = await PayableAsync(me, request, cancellationToken);
        return found.IsSuccess ? await PayAsync(me, found.Value.Order, found.Value.Merchant, request.Pin, cancellationToken) : found.Error;
    }

    /// <summary>A native order's code, scanned: anyone who scans it may pay.</summary>
    public async Task<Result<PaymentPreview>> PreviewNativeAsync(NativePaymentRequest request, CancellationToken cancellationToken)
    {
        var found = await NativeAsync(request.CodeUrl, cancellationToken);
        return found.IsSuccess ? await PreviewOfAsync(found.Value.Order, found.Value.Merchant, cancellationToken) : found.Error;
    }

    public async Task<Result<PaymentResult>> PayNativeAsync(Guid me, NativePaymentRequest request, CancellationToken cancellationToken)
    {
        var found = await NativeAsync(request.CodeUrl, cancellationToken);
        return found.IsSuccess ? await PayAsync(me, found.Value.Order, found.Value.Merchant, request.Pin, cancellationToken) : found.Error;
    }

    /// <summary>The caller's own payment by its transaction id; anyone else's is not found.</summary>
    public async Task<Result<PaymentResult>> GetPaymentAsync(Guid me, string transactionId, CancellationToken cancellationToken)
    {
        var order = transactionId.Length <= 32 ? await orders.FindByTransactionIdAsync(transactionId, cancellationToken) : null;
        if (order is null || order.PayerId != me)
        {
            return PaymentErrors.OrderNotFound;
        }

        var merchant = await merchants.FindAsync(order.MerchantId, cancellationToken);
        return Receipt(order, merchant!);
    }

    private async Task<Result<PaymentResult>> PayAsync(Guid me, MerchantOrder order, Merchant merchant, string? pin, CancellationToken cancellationToken)
    {
        var openId = order.PayerOpenId ?? await openIds.ForAsync(order.AppId, me, cancellationToken);
        if (order.Paid)
        {
            return order.PayerId == me ? Receipt(order, merchant) : PaymentErrors.OrderPaid;
        }

        var pinChecked = await wallet.CheckPinAsync(me, pin, cancellationToken);
        if (!pinChecked.IsSuccess)
        {
            return pinChecked.Error;
        }

        var paid = await grains.GetGrain<IOrderGrain>(order.Id).PayAsync(me, openId, merchant);
        return paid.IsSuccess ? Receipt(paid.Value, merchant) : paid.Error;
    }

    private async Task<Result<(MerchantOrder Order, Merchant Merchant)>> PayableAsync(Guid me, PayRequest request, CancellationToken cancellationToken)
    {
        const string prefix = "prepay_id=";
        if (request.Package is not { Length: <= 128 } package || !package.StartsWith(prefix, StringComparison.Ordinal)
            || request.AppId is not { Length: > 0 and <= 32 } || request.TimeStamp is not { Length: > 0 and <= 32 }
            || request.NonceStr is not { Length: > 0 and <= 32 } || request.PaySign is not { Length: > 0 })
        {
            return WalletErrors.Invalid("package", "The parameters of wx.requestPayment: appId, timeStamp, nonceStr, package (prepay_id=...), signType, paySign.");
        }

        if (request.SignType != "RSA")
        {
            return WalletErrors.Invalid("signType", "signType is RSA (WeChat Pay API v3).");
        }

        var order = await orders.FindByPrepayIdAsync(package[prefix.Length..], cancellationToken);
        if (order is null || order.TradeType != TradeTypes.JsApi)
        {
            return PaymentErrors.OrderNotFound;
        }

        var merchant = await merchants.FindAsync(order.MerchantId, cancellationToken);
        if (merchant is null || order.AppId != request.AppId || !await PaySignValidAsync(merchant, request, cancellationToken))
        {
            return PaymentErrors.BadPaySign;
        }

        if (order.PayerOpenId != await openIds.ForAsync(order.AppId, me, cancellationToken))
        {
            return PaymentErrors.NotYourOrder;
        }

        return order.PrepayExpired(clock.GetUtcNow()) ? PaymentErrors.PaymentExpired : (order, merchant);
    }

    private async Task<bool> PaySignValidAsync(Merchant merchant, PayRequest request, CancellationToken cancellationToken)
    {
        var message = V3Signature.PayMessage(request.AppId!, request.TimeStamp!, request.NonceStr!, request.Package!);
        foreach (var key in await merchants.ListKeysAsync(merchant.Id, cancellationToken))
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
            if (V3Signature.Verify(rsa, message, request.PaySign))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Result<(MerchantOrder Order, Merchant Merchant)>> NativeAsync(string? codeUrl, CancellationToken cancellationToken)
    {
        var code = codeUrl is { Length: <= 256 } && codeUrl.StartsWith(DeepLinks.Pay(string.Empty), StringComparison.Ordinal)
            ? codeUrl[DeepLinks.Pay(string.Empty).Length..]
            : null;
        var order = code is { Length: > 0 } ? await orders.FindByPrepayIdAsync(code, cancellationToken) : null;
        if (order is null || order.TradeType != TradeTypes.Native)
        {
            return PaymentErrors.OrderNotFound;
        }

        var merchant = await merchants.FindAsync(order.MerchantId, cancellationToken);
        return merchant is null ? PaymentErrors.OrderNotFound : order.PrepayExpired(clock.GetUtcNow()) ? PaymentErrors.PaymentExpired : (order, merchant);
    }

    private async Task<PaymentPreview> PreviewOfAsync(MerchantOrder order, Merchant merchant, CancellationToken cancellationToken) => new(
        merchant.ShortName, order.Description, order.Amount, order.Currency, StateOf(order, clock.GetUtcNow()), order.AppId,
        await apps.NameAsync(order.AppId, cancellationToken), order.PaidAt);

    private PaymentResult Receipt(MerchantOrder order, Merchant merchant) => new(
        order.TransactionId, StateOf(order, clock.GetUtcNow()), merchant.ShortName, order.Description, order.Amount, order.Currency, order.PaidAt);

    private static string StateOf(MerchantOrder order, DateTimeOffset now) => order.State switch
    {
        TradeStates.Success => PaymentStates.Paid,
        TradeStates.Refund => order.RefundedAmount >= order.Amount ? PaymentStates.Refunded : PaymentStates.PartlyRefunded,
        TradeStates.NotPay when order.Payable(now) => PaymentStates.Unpaid,
        _ => PaymentStates.Closed,
    };

    private static bool NotifyUrlValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>What a request asked for, so a repeat can be told from a different request under the same number.</summary>
    internal static string Hash(params string?[] parts)
    {
        var joined = string.Join('\u0001', parts.Select(p => p ?? "\u0002"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
