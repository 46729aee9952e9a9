using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Core.Errors;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Merchants.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// What every <c>/v3</c> call does the same way. The request is checked as WeChat Pay checks it: the
/// <c>Authorization</c> header's signature by one of the merchant's keys (by <c>serial_no</c>) over the method, the
/// path and query exactly as the client sent them, the timestamp (within the window), the nonce and the body; any
/// failure is <c>401 SIGN_ERROR</c>. Every answer, errors included, is compact JSON signed with the platform key in the
/// <c>Wechatpay-*</c> headers.
/// </summary>
internal static class V3Call
{
    private const int MaxBody = 64 * 1024;

    /// <summary>The merchant that signed the request and its body (as text, and as JSON when it has one), or why not.</summary>
    public static async Task<(Merchant? Merchant, JsonObject? Json, Error? Error)> OpenAsync(HttpContext context, bool hasBody)
    {
        var services = context.RequestServices;
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (null, null, V3Errors.ParamError("请求体过大: the body is over 64 KiB."));
        }

        var merchant = await AuthenticateAsync(context, body, services);
        if (merchant.Error is not null)
        {
            return (null, null, merchant.Error);
        }

        if (!hasBody)
        {
            return (merchant.Merchant, null, null);
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json ? (merchant.Merchant, json, null) : (null, null, V3Errors.ParamError("请求体应为JSON对象: the body is a JSON object."));
        }
        catch (JsonException)
        {
            return (null, null, V3Errors.ParamError("请求体不是合法的JSON: the body is not JSON."));
        }
    }

    public static IResult Ok(JsonObject json) => new Signed(StatusCodes.Status200OK, V3Json.Write(json));

    public static IResult NoContent() => new Signed(StatusCodes.Status204NoContent, string.Empty);

    public static IResult Fail(Error error) => new Signed(error.Status, V3Json.Write(V3Json.Error(error.Code, error.Title)));

    private static async Task<(Merchant? Merchant, Error? Error)> AuthenticateAsync(HttpContext context, string body, IServiceProvider services)
    {
        var credentials = V3Signature.ParseAuthorization(context.Request.Headers.Authorization.ToString());
        if (credentials is null)
        {
            return (null, V3Errors.SignError("Authorization 头缺失或格式错误: WECHATPAY2-SHA256-RSA2048 with mchid, nonce_str, timestamp, serial_no and signature."));
        }

        var options = services.GetRequiredService<IOptions<WalletOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!long.TryParse(credentials.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > options.SignatureWindow.TotalSeconds)
        {
            return (null, V3Errors.SignError("timestamp 已过期或无效: the timestamp is more than 5 minutes from now."));
        }

        if (credentials.Nonce.Length is 0 or > 32)
        {
            return (null, V3Errors.SignError("nonce_str 无效: 1 to 32 characters."));
        }

        var merchants = services.GetRequiredService<IMerchantStore>();
        var merchant = credentials.MchId.Length is 10 && credentials.MchId.All(char.IsAsciiDigit)
            ? await merchants.FindByMchIdAsync(credentials.MchId, context.RequestAborted)
            : null;
        var serial = SerialNumbers.Canonical(credentials.SerialNo);
        var key = merchant is null || serial is null ? null : (await merchants.ListKeysAsync(merchant.Id, context.RequestAborted)).FirstOrDefault(k => k.SerialNo == serial);
        if (key is null)
        {
            return (null, V3Errors.SignError("商户证书序列号有误: no key of this merchant has that serial_no."));
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : context.Request.Path + context.Request.QueryString;
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
        var message = V3Signature.RequestMessage(context.Request.Method, target, credentials.Timestamp, credentials.Nonce, body);
        return V3Signature.Verify(rsa, message, credentials.Signature)
            ? (merchant, null)
            : (null, V3Errors.SignError("签名错误: the signature does not verify with the key of that serial_no."));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>An answer signed with the platform's current key over <c>timestamp\nnonce\nbody\n</c>.</summary>
    private sealed class Signed(int status, string body) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var signature = await context.RequestServices.GetRequiredService<PaymentKeys>().SignAsync(body, context.RequestAborted);
            var response = context.Response;
            response.StatusCode = status;
            response.Headers["Wechatpay-Timestamp"] = signature.Timestamp;
            response.Headers["Wechatpay-Nonce"] = signature.Nonce;
            response.Headers["Wechatpay-Signature"] = signature.Signature;
            response.Headers["Wechatpay-Serial"] = signature.Serial;
            response.Headers["Wechatpay-Signature-Type"] = V3Signature.Scheme;
            response.Headers["Request-ID"] = context.TraceIdentifier;
            if (body.Length > 0)
            {
                response.ContentType = "application/json";
                await response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
            }
        }
    }
}
