using System.Globalization;
using System.Text.Encodings.Web;

namespace OaShop;

/// <summary>
/// The shop's one page. It includes the platform's JS bridge (jweixin-1.6.0.js) as WeChat's pages do; shop.js pays
/// with <c>WeixinJSBridge.invoke('getBrandWCPayRequest', ...)</c> once <c>WeixinJSBridgeReady</c> has fired.
/// </summary>
public static class ShopPage
{
    public static string Html(string bridgeUrl, string item, long price)
    {
        var encoder = HtmlEncoder.Default;
        var amount = (price / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Tea Shop</title>
              <style>
                body { font-family: system-ui, sans-serif; margin: 0; padding: 1.5rem 1.25rem; line-height: 1.5; }
                h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
                .price { font-size: 1.6rem; margin: .5rem 0 1rem; }
                button { font: inherit; padding: .6rem 1.4rem; border: 0; border-radius: 8px; background: #1a7a50; color: #fff; }
                button[disabled] { opacity: .5; }
                #paid { color: #1a7a50; font-weight: 600; }
              </style>
              <script src="{{encoder.Encode(bridgeUrl)}}"></script>
              <script src="/shop.js" defer></script>
            </head>
            <body>
              <main>
                <h1>{{encoder.Encode(item)}}</h1>
                <p class="price">¥{{amount}}</p>
                <button type="button" id="pay" disabled>Pay ¥{{amount}}</button>
                <p id="status" role="status">Waiting for the app…</p>
                <p>Result: <code id="result"></code></p>
                <p id="paid" hidden>Paid. Thank you! Another pot?</p>
              </main>
            </body>
            </html>
            """;
    }
}
