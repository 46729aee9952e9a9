namespace Hutong.Samples.Tests.EchoBot;

/// <summary>
/// Values published with WeChat's sample code and with wechatpy's tests, copied exactly. A bot that disagrees with
/// them would not work against WeChat either.
/// </summary>
internal static class PublishedVectors
{
    /// <summary>
    /// The decryption example of Tencent's WXBizMsgCrypt samples as shipped for WeCom (the same scheme; the Python,
    /// PHP, Java and C# samples all carry it). The receive id plays the app id.
    /// </summary>
    public static class WxBizMsgCryptSample
    {
        public const string Token = "QDG6eK";
        public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        public const string AppId = "wx5823bf96d3bd56c7";
        public const string Timestamp = "1409659813";
        public const string Nonce = "1372623149";
        public const string MsgSignature = "477715d11cdb4164915debcba66cb864d751f3e6";

        public const string Encrypt =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

        /// <summary>Inside: a text "hello" from "mycreate" to the receive id.</summary>
        public const string FromUserName = "mycreate";
        public const string Content = "hello";
    }

    /// <summary>
    /// The official-account WXBizMsgCrypt Python sample (Tencent, 2014; Sample.py): a compatible-mode push as WeChat
    /// sent it, the plaintext fields and <c>Encrypt</c> side by side.
    /// </summary>
    public static class OfficialAccountSample
    {
        public const string Token = "spamtest";
        public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        public const string AppId = "wx2c2769f8efd9abc2";
        public const string Timestamp = "1409735669";
        public const string Nonce = "1320562132";
        public const string MsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";

        public const string Encrypt =
            "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

        public const string Body =
            "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA["
            + Encrypt + "]]></Encrypt></xml>";

        public const string FromUserName = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
        public const string ToUserName = "gh_10f6c3c3ac5a";
        public const string Content = "abcdteT";
    }

    /// <summary>wechatpy <c>tests/test_crypto.py</c>: test_encrypt_message (a fixed random prefix) and test_decrypt_message.</summary>
    public static class Wechatpy
    {
        public const string Token = "123456";
        public const string EncodingAesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
        public const string AppId = "wx49f0ab532d5d035a";
        public const string Random = "1234567890123456";
        public const string Timestamp = "1411525903";
        public const string Nonce = "461056294";

        public const string Reply =
            "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";

        public const string ReplyEncrypt =
            "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";

        public const string ReplyMsgSignature = "407518b7649e86ef23978113f92d27afa9296533";

        public const string PushEncrypt =
            "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";

        public const string PushMsgSignature = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d";
    }

    /// <summary>wechatpy <c>tests/test_utils.py</c>, test_check_signature_should_ok: the URL check's signature.</summary>
    public static class WechatpyUrlSignature
    {
        public const string Token = "test";
        public const string Timestamp = "1410685589";
        public const string Nonce = "test";
        public const string Signature = "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff";
    }
}
