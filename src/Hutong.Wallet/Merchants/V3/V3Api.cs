using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hutong.Core;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Merchants.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// WeChat Pay API v3 for merchants' servers (docs/payments.md): the calls merchant code makes, with WeChat's paths,
/// fields, status codes and error codes, so code written for WeChat Pay works by changing only the host.
/// </summary>
public static class V3Api
{
    public static IEndpointRouteBuilder MapV3Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3").WithTags("Merchant API (WeChat Pay v3)").AllowAnonymous();
        api.MapPost("/pay/transactions/jsapi", (HttpContext context, OrderService orders) => CreateAsync(context, orders, TradeTypes.JsApi));
        api.MapPost("/pay/transactions/native", (HttpContext context, OrderService orders) => CreateAsync(context, orders, TradeTypes.Native));
        api.MapGet("/pay/transactions/id/{transactionId}", QueryByTransactionIdAsync);
        api.MapGet("/pay/transactions/out-trade-no/{outTradeNo}", QueryByOutTradeNoAsync);
        api.MapPost("/pay/transactions/out-trade-no/{outTradeNo}/close", CloseAsync);
        api.MapPost("/refund/domestic/refunds", RefundAsync);
        api.MapGet("/refund/domestic/refunds/{outRefundNo}", QueryRefundAsync);
        api.MapGet("/certificates", CertificatesAsync);
        api.Map("/{**rest}", () => V3Call.Fail(V3Errors.NotFound));
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OrderService orders, string tradeType)
    {
        var (merchant, json, error) = await V3Call.OpenAsync(context, hasBody: true);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        var order = await orders.CreateAsync(merchant!, tradeType, json!, context.RequestAborted);
        if (!order.IsSuccess)
        {
            return V3Call.Fail(order.Error);
        }

        return V3Call.Ok(tradeType == TradeTypes.JsApi
            ? new JsonObject { ["prepay_id"] = order.Value.PrepayId }
            : new JsonObject { ["code_url"] = DeepLinks.Pay(order.Value.PrepayId) });
    }

    private static async Task<IResult> QueryByTransactionIdAsync(HttpContext context, string transactionId, string? mchid, OrderService orders) =>
        await QueryAsync(context, orders, null, transactionId, mchid);

    private static async Task<IResult> QueryByOutTradeNoAsync(HttpContext context, string outTradeNo, string? mchid, OrderService orders) =>
        await QueryAsync(context, orders, outTradeNo, null, mchid);

    private static async Task<IResult> QueryAsync(HttpContext context, OrderService orders, string? outTradeNo, string? transactionId, string? mchId)
    {
        var (merchant, _, error) = await V3Call.OpenAsync(context, hasBody: false);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        if (string.IsNullOrEmpty(mchId))
        {
            return V3Call.Fail(V3Errors.ParamError("mchid 缺少必填参数: the query's mchid is required."));
        }

        var order = await orders.FindAsync(merchant!, outTradeNo, transactionId, mchId, context.RequestAborted);
        return order.IsSuccess ? V3Call.Ok(V3Json.Transaction(order.Value, merchant!.MchId)) : V3Call.Fail(order.Error);
    }

    private static async Task<IResult> CloseAsync(HttpContext context, string outTradeNo, OrderService orders)
    {
        var (merchant, json, error) = await V3Call.OpenAsync(context, hasBody: true);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        var closed = await orders.CloseAsync(merchant!, outTradeNo, json!, context.RequestAborted);
        return closed.IsSuccess ? V3Call.NoContent() : V3Call.Fail(closed.Error);
    }

    private static async Task<IResult> RefundAsync(HttpContext context, OrderService orders)
    {
        var (merchant, json, error) = await V3Call.OpenAsync(context, hasBody: true);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        var refund = await orders.RefundAsync(merchant!, json!, context.RequestAborted);
        return refund.IsSuccess ? V3Call.Ok(V3Json.Refund(refund.Value.Refund, refund.Value.Order)) : V3Call.Fail(refund.Error);
    }

    private static async Task<IResult> QueryRefundAsync(HttpContext context, string outRefundNo, OrderService orders)
    {
        var (merchant, _, error) = await V3Call.OpenAsync(context, hasBody: false);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        var refund = await orders.FindRefundAsync(merchant!, outRefundNo, context.RequestAborted);
        return refund.IsSuccess ? V3Call.Ok(V3Json.Refund(refund.Value.Refund, refund.Value.Order)) : V3Call.Fail(refund.Error);
    }

    /// <summary>
    /// The platform certificates merchants verify answers and notifications with, each encrypted under the merchant's
    /// API v3 key as WeChat Pay does (so only the merchant, who holds the key, trusts what it decrypts).
    /// </summary>
    private static async Task<IResult> CertificatesAsync(HttpContext context, PaymentKeys keys)
    {
        var (merchant, _, error) = await V3Call.OpenAsync(context, hasBody: false);
        if (error is not null)
        {
            return V3Call.Fail(error);
        }

        if (merchant!.ApiV3Key is not { } apiV3Key)
        {
            return V3Call.Fail(V3Errors.NoAuth("商户未设置APIv3密钥: set the API v3 key first; certificates are encrypted with it."));
        }

        var data = new JsonArray();
        foreach (var key in await keys.ListedAsync(context.RequestAborted))
        {
            var nonce = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 12);
            data.Add(new JsonObject
            {
                ["serial_no"] = key.SerialNo,
                ["effective_time"] = V3Json.Time(key.EffectiveTime),
                ["expire_time"] = V3Json.Time(key.ExpireTime),
                ["encrypt_certificate"] = new JsonObject
                {
                    ["algorithm"] = AeadAes256Gcm.Algorithm,
                    ["nonce"] = nonce,
                    ["associated_data"] = "certificate",
                    ["ciphertext"] = AeadAes256Gcm.Encrypt(apiV3Key, nonce, "certificate", key.CertificatePem()),
                },
            });
        }

        return V3Call.Ok(new JsonObject { ["data"] = data });
    }
}
