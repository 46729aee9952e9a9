using Hutong.OfficialAccounts.WebAuth;

namespace Hutong.OfficialAccounts.Tests.WebAuth;

/// <summary>Which addresses a web authorization code may go to, and how it is added to them.</summary>
public sealed class WebAuthDomainRulesTests
{
    [Theory]
    [InlineData("https://shop.example.com/pay", "https://shop.example.com/pay?code=C0DE&state=S")]
    [InlineData("https://shop.example.com/pay?item=7", "https://shop.example.com/pay?item=7&code=C0DE&state=S")]
    [InlineData("https://shop.example.com/pay?", "https://shop.example.com/pay?code=C0DE&state=S")]
    [InlineData("https://shop.example.com/pay?a=1&", "https://shop.example.com/pay?a=1&code=C0DE&state=S")]
    [InlineData("https://shop.example.com/#/cart?x=1", "https://shop.example.com/?code=C0DE&state=S#/cart?x=1")]
    public void WithCode_AddsCodeAndStateToTheQuery_BeforeAnyFragment(string redirectUri, string expected) =>
        Assert.Equal(expected, WebAuthDomainRules.WithCode(redirectUri, "C0DE", "S"));

    [Fact]
    public void WithCode_EscapesTheState_AndADeclineCarriesTheStateAlone()
    {
        Assert.Equal("https://a.example/?code=C&state=a%20b%26c%3Dd", WebAuthDomainRules.WithCode("https://a.example/", "C", "a b&c=d"));
        Assert.Equal("https://a.example/?state=S", WebAuthDomainRules.WithCode("https://a.example/", null, "S"));
    }

    [Theory]
    [InlineData("https://shop.example.com/", false, true)]
    [InlineData("http://shop.example.com/", false, false)]
    [InlineData("http://shop.example.com/", true, true)]
    [InlineData("http://127.0.0.1:5090/shop", false, true)]
    [InlineData("http://localhost:5090/shop", false, true)]
    [InlineData("ftp://shop.example.com/", true, false)]
    [InlineData("javascript:alert(1)", true, false)]
    [InlineData("https://user:pw@shop.example.com/", true, false)]
    [InlineData("shop.example.com/pay", true, false)]
    public void TryRedirect_TakesHttpsAnywhere_AndPlainHttpOnLoopbackOrWhenAllowed(string uri, bool allowPlainHttp, bool taken) =>
        Assert.Equal(taken, WebAuthDomainRules.TryRedirect(uri, allowPlainHttp, out _));

    [Theory]
    [InlineData("Shop.Example.com", "shop.example.com")]
    [InlineData(" shop.example.com. ", "shop.example.com")]
    [InlineData("10.0.0.7", "10.0.0.7")]
    [InlineData("https://shop.example.com", null)]
    [InlineData("shop.example.com:443", null)]
    [InlineData("shop.example.com/pay", null)]
    [InlineData("*.example.com", null)]
    [InlineData("", null)]
    public void Normalize_KeepsHostNamesInLowerCase_AndNothingElse(string given, string? kept) =>
        Assert.Equal(kept, WebAuthDomainRules.Normalize(given));
}
