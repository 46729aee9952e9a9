using System.Net;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>GET /wechat: the check the platform makes when developer settings are saved.</summary>
public sealed class UrlVerificationTests
{
    [Fact]
    public async Task Verify_RightSignature_EchoesEchostrVerbatimAsPlainText()
    {
        await using var bot = EchoBotApp.Start();
        var platform = bot.Platform();

        using var response = await platform.VerifyUrlAsync("8476512330951746312", rightSignature: true, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("8476512330951746312", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Verify_WrongSignature_Is403WithoutEcho()
    {
        await using var bot = EchoBotApp.Start();
        var platform = bot.Platform();

        using var response = await platform.VerifyUrlAsync("8476512330951746312", rightSignature: false, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("8476512330951746312", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WechatpyPublishedSignature_Echoes()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:Token", PublishedVectors.WechatpyUrlSignature.Token));
        using var http = bot.CreateClient();

        using var response = await http.GetAsync(
            new Uri($"/wechat?signature={PublishedVectors.WechatpyUrlSignature.Signature}&timestamp={PublishedVectors.WechatpyUrlSignature.Timestamp}&nonce={PublishedVectors.WechatpyUrlSignature.Nonce}&echostr=hello-wechatpy", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello-wechatpy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/wechat?echostr=1")]
    [InlineData("/wechat?signature=f21891de399b4e33a1a93c9a7b8a8fffb5a443ff&nonce=test&echostr=1")]
    [InlineData("/wechat?signature=f21891de399b4e33a1a93c9a7b8a8fffb5a443ff&timestamp=1410685589&nonce=test")]
    public async Task Verify_MissingParameter_Is403(string path)
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:Token", PublishedVectors.WechatpyUrlSignature.Token));
        using var http = bot.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
