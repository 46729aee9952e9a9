using System.Globalization;
using System.Text.Json.Nodes;
using OaShop;

// An official account's shop page with WeChat Pay API v3 JSAPI payments, as WeChat's documentation describes them:
// the page learns the payer's openid through web authorization (snsapi_base), the shop makes a JSAPI order for it,
// and the page pays with WeixinJSBridge's getBrandWCPayRequest. An order is paid only when the platform's
// notification, verified, says so. It refers to nothing of Hutong's but the node's URL (Platform:Node); left empty,
// it talks to WeChat's own hosts. Exit code 2: a setting is missing.
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration;
string[] required = ["Account:AppId", "Account:AppSecret", "WeChatPay:MchId", "WeChatPay:SerialNo", "WeChatPay:PrivateKeyPath", "WeChatPay:ApiV3Key"];
if (required.Where(key => string.IsNullOrWhiteSpace(settings[key])).ToList() is { Count: > 0 } missing)
{
    await Console.Error.WriteLineAsync($"Missing settings: {string.Join(", ", missing)}. README.md says where each comes from.");
    return 2;
}

var platform = Platform.For(settings["Platform:Node"]);
var appId = settings["Account:AppId"]!;
var item = settings["Shop:Item"] is { Length: > 0 } name ? name : "A pot of oolong";
var price = settings.GetValue("Shop:Price", 1250L);

using var api = new HttpClient { BaseAddress = new Uri(platform.ApiServer), Timeout = TimeSpan.FromSeconds(10) };
using var payHttp = new HttpClient { BaseAddress = new Uri(platform.PayServer), Timeout = TimeSpan.FromSeconds(10) };
using var pay = new WeChatPayClient(
    payHttp, settings["WeChatPay:MchId"]!, settings["WeChatPay:SerialNo"]!, WeChatPayClient.ReadPrivateKey(settings["WeChatPay:PrivateKeyPath"]!),
    settings["WeChatPay:ApiV3Key"]!, TimeProvider.System);
var web = new WebAuthorization(api, platform, appId, settings["Account:AppSecret"]!, TimeProvider.System);
var shop = new Shop();

// shop.js is served from wwwroot in every environment, from the build output too (not only under dotnet run's
// Development); a published shop has it in its own wwwroot, where this is a no-op.
builder.WebHost.UseStaticWebAssets();
var app = builder.Build();
app.UseStaticFiles();
// The page's address can carry a session in its fragment and a code in its query: none of it goes on in a Referer.
app.Use((context, next) =>
{
    context.Response.Headers["Referrer-Policy"] = "no-referrer";
    return next(context);
});

// Where the browser and the platform reach the shop.
string PublicUrl() => settings["Shop:PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : app.Urls.First().TrimEnd('/');

// Everyone arrives here (the account's menu links to it) and is sent to web authorization first.
app.MapGet("/", () => Results.Redirect(web.AuthorizeUrl(PublicUrl() + "/oauth")));

// Back from web authorization: the code becomes the person's openid, and a session the page keeps in its fragment.
app.MapGet("/oauth", async (string? code, string? state, CancellationToken cancellationToken) =>
{
    if (!web.IsOurs(state) || string.IsNullOrEmpty(code))
    {
        return Results.Redirect("/");
    }

    var (openId, error) = await web.OpenIdAsync(code, cancellationToken);
    if (openId is null)
    {
        // A used or expired code (the page reloaded, say): sign in again.
        await Console.Error.WriteLineAsync($"The code was not exchanged: {error}.");
        return Results.Redirect("/");
    }

    return Results.Redirect("/shop#session=" + shop.SignIn(openId));
});

app.MapGet("/shop", () => Results.Content(ShopPage.Html(platform.JsBridgeUrl, item, price), "text/html; charset=utf-8"));

// A JSAPI order for the signed-in person, and the parameters getBrandWCPayRequest takes, signed.
app.MapPost("/api/orders", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    if (shop.OpenIdOf(request) is not { } openId)
    {
        return Results.Unauthorized();
    }

    var order = shop.NewOrder(openId, price);
    var created = await pay.PostAsync("/v3/pay/transactions/jsapi", new JsonObject
    {
        ["appid"] = appId,
        ["mchid"] = pay.MchId,
        ["description"] = item,
        ["out_trade_no"] = order.OutTradeNo,
        ["time_expire"] = (TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(15)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["notify_url"] = PublicUrl() + "/notify",
        ["amount"] = new JsonObject { ["total"] = price, ["currency"] = "CNY" },
        ["payer"] = new JsonObject { ["openid"] = openId },
    }, cancellationToken);
    if (created["prepay_id"] is not { } prepayId)
    {
        await Console.Error.WriteLineAsync($"The order was refused: {created}");
        return Results.Problem($"The order was refused: {created}", statusCode: 502);
    }

    var parameters = pay.PayParameters(appId, prepayId);
    return Results.Text(new JsonObject
    {
        ["outTradeNo"] = order.OutTradeNo,
        ["pay"] = new JsonObject
        {
            ["appId"] = appId,
            ["timeStamp"] = parameters.TimeStamp,
            ["nonceStr"] = parameters.NonceStr,
            ["package"] = parameters.Package,
            ["signType"] = parameters.SignType,
            ["paySign"] = parameters.PaySign,
        },
    }.ToJsonString(), "application/json");
});

// Whether the shop has the payment: what the notification said, never what the page was told.
app.MapGet("/api/orders/{outTradeNo}", (string outTradeNo, HttpRequest request) =>
    shop.OpenIdOf(request) is { } openId && shop.Find(outTradeNo) is { } order && order.OpenId == openId
        ? Results.Text(new JsonObject { ["outTradeNo"] = order.OutTradeNo, ["paid"] = order.Paid }.ToJsonString(), "application/json")
        : Results.NotFound());

// The platform's notification: its signature checked over the body exactly as received, then its resource decrypted.
app.MapPost("/notify", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    try
    {
        var notification = await pay.ReadNotificationAsync(
            name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, body, request.HttpContext.RequestAborted);
        var transaction = notification.Resource;
        if (notification.EventType == "TRANSACTION.SUCCESS" && WeChatPayClient.Text(transaction["trade_state"]) == "SUCCESS"
            && shop.MarkPaid(WeChatPayClient.Text(transaction["out_trade_no"]), WeChatPayClient.Text(transaction["payer"]?["openid"]),
                transaction["amount"]?["total"]?.GetValue<long>(), WeChatPayClient.Text(transaction["transaction_id"])))
        {
            Console.WriteLine($"Paid: {WeChatPayClient.Text(transaction["out_trade_no"])}, transaction {WeChatPayClient.Text(transaction["transaction_id"])}, told by the notification.");
        }

        return Results.NoContent();
    }
    catch (WeChatPayException e)
    {
        await Console.Error.WriteLineAsync($"A notification was refused: {e.Message}");
        return Results.Text(new JsonObject { ["code"] = "FAIL", ["message"] = e.Message }.ToJsonString(), "application/json", statusCode: 401);
    }
});

await app.RunAsync();
return 0;
