using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using QRCoder;
using QrMerchant;

// A till that takes one payment with WeChat Pay API v3. It makes a native order, shows the order's code_url as a QR
// code for the payer to scan, and waits until the order is paid. The platform says so in a notification posted to
// /notify, believed only once its signature verifies; the till also looks the order up every few seconds, in case the
// notification cannot reach it. Exit code 0: paid; 1: not paid (the order is closed); 2: a setting is missing.
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration;
string[] required = ["WeChatPay:Server", "WeChatPay:MchId", "WeChatPay:SerialNo", "WeChatPay:PrivateKeyPath", "WeChatPay:ApiV3Key", "WeChatPay:AppId"];
if (required.Where(key => string.IsNullOrWhiteSpace(settings[key])).ToList() is { Count: > 0 } missing)
{
    await Console.Error.WriteLineAsync($"Missing settings: {string.Join(", ", missing)}. README.md says where each comes from.");
    return 2;
}

var amount = settings.GetValue("Till:Amount", 100);
var description = settings["Till:Description"] is { Length: > 0 } text ? text : "A pot of oolong";
var poll = TimeSpan.FromSeconds(settings.GetValue("Till:PollSeconds", 5));
var wait = TimeSpan.FromMinutes(settings.GetValue("Till:WaitMinutes", 10));
var outTradeNo = "till" + RandomNumberGenerator.GetHexString(16, lowercase: true);

using var http = new HttpClient { BaseAddress = new Uri(settings["WeChatPay:Server"]!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
http.DefaultRequestHeaders.UserAgent.ParseAdd("QrMerchant/1.0");
using var pay = new WeChatPayClient(
    http, settings["WeChatPay:MchId"]!, settings["WeChatPay:SerialNo"]!, WeChatPayClient.ReadPrivateKey(settings["WeChatPay:PrivateKeyPath"]!),
    settings["WeChatPay:ApiV3Key"]!, TimeProvider.System);

// Set once: by the first verified notification or query that says this order is paid, in full.
var paid = new TaskCompletionSource<(string How, JsonObject Transaction)>(TaskCreationOptions.RunContinuationsAsynchronously);
bool IsPaid(JsonObject transaction) =>
    WeChatPayClient.Text(transaction["out_trade_no"]) == outTradeNo && WeChatPayClient.Text(transaction["trade_state"]) == "SUCCESS"
    && transaction["amount"]?["total"]?.GetValue<int>() == amount;

var app = builder.Build();
app.MapPost("/notify", async (HttpRequest request) =>
{
    // The signature covers the body exactly as it came.
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    try
    {
        var notification = await pay.ReadNotificationAsync(
            name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, body, request.HttpContext.RequestAborted);
        if (notification.EventType == "TRANSACTION.SUCCESS" && IsPaid(notification.Resource))
        {
            paid.TrySetResult(("notification", notification.Resource));
        }

        return Results.NoContent();
    }
    catch (WeChatPayException e)
    {
        await Console.Error.WriteLineAsync($"A notification was refused: {e.Message}");
        return Results.Text(new JsonObject { ["code"] = "FAIL", ["message"] = e.Message }.ToJsonString(), "application/json", statusCode: 401);
    }
});
await app.StartAsync();

// Without a NotifyUrl the till gives its own address: enough on a local node; WeChat Pay needs a public https URL.
var notifyUrl = settings["WeChatPay:NotifyUrl"] is { Length: > 0 } url ? url : app.Urls.First() + "/notify";
var created = await pay.PostAsync("/v3/pay/transactions/native", new JsonObject
{
    ["appid"] = settings["WeChatPay:AppId"],
    ["mchid"] = pay.MchId,
    ["description"] = description,
    ["out_trade_no"] = outTradeNo,
    ["time_expire"] = (TimeProvider.System.GetUtcNow() + wait).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    ["notify_url"] = notifyUrl,
    ["amount"] = new JsonObject { ["total"] = amount, ["currency"] = "CNY" },
}, CancellationToken.None);
if (created["code_url"] is not { } codeUrl)
{
    await Console.Error.WriteLineAsync($"The order was refused: {created}");
    await app.StopAsync();
    return 1;
}

using (var code = QRCodeGenerator.GenerateQrCode(codeUrl, QRCodeGenerator.ECCLevel.M))
{
    // White on black whatever the terminal's colours, so that a phone reads it on light themes and dark ones alike.
    using var ascii = new AsciiQRCode(code);
    foreach (var line in ascii.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n").TrimEnd('\n').Split('\n'))
    {
        Console.WriteLine(Console.IsOutputRedirected ? line : $"\u001b[97;40m{line}\u001b[0m");
    }

    if (settings["Till:Png"] is { Length: > 0 } png)
    {
        await File.WriteAllBytesAsync(png, new PngByteQRCode(code).GetGraphic(10));
        Console.WriteLine($"The code is in {png} too.");
    }
}

Console.WriteLine($"Scan to pay ¥{amount / 100m:0.00} for {description} (order {outTradeNo}).");
Console.WriteLine($"code_url: {codeUrl}");

// The notification, or a look at the order every few seconds, until the order expires or the till is stopped.
using var deadline = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping);
deadline.CancelAfter(wait);
while (!paid.Task.IsCompleted && !deadline.IsCancellationRequested)
{
    await Task.WhenAny(paid.Task, Task.Delay(poll, deadline.Token));
    if (paid.Task.IsCompleted || deadline.IsCancellationRequested)
    {
        break;
    }

    try
    {
        var order = await pay.GetAsync($"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={pay.MchId}", CancellationToken.None);
        if (order.Json is { } transaction && IsPaid(transaction))
        {
            paid.TrySetResult(("order query", transaction));
        }
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WeChatPayException)
    {
        await Console.Error.WriteLineAsync($"The order could not be looked up just now: {e.Message}");
    }
}

int exitCode;
if (paid.Task.IsCompleted)
{
    var (how, transaction) = await paid.Task;
    Console.WriteLine($"Paid: transaction {WeChatPayClient.Text(transaction["transaction_id"])} by {WeChatPayClient.Text(transaction["payer"]?["openid"])}, told by the {how}.");
    exitCode = 0;
}
else
{
    // Closed, so that a code someone scans late pays nothing.
    var closed = await pay.PostAsync($"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", new JsonObject { ["mchid"] = pay.MchId }, CancellationToken.None);
    Console.WriteLine(closed.IsSuccess ? "Not paid; the order is closed." : $"Not paid; closing the order answered {closed}.");
    exitCode = 1;
}

await app.StopAsync();
return exitCode;
