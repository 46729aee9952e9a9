using Hutong.Web.Scan;

namespace Hutong.Web.Tests.Scan;

/// <summary>
/// What a scanned code opens. The links are written out as the server's <c>DeepLinks</c> makes them; the browser
/// tests scan the server's own QR codes.
/// </summary>
public sealed class ScanDispatcherTests
{
    private const string Lin = "0195a3c4-8f2e-7b61-9d4a-3c2b1a0f9e8d";

    [Theory]
    [InlineData("hutong://user/" + Lin)]
    [InlineData("  hutong://user/" + Lin + "\r\n")]
    [InlineData("\thutong://user/" + Lin + "/")]
    [InlineData("HUTONG://USER/0195A3C4-8F2E-7B61-9D4A-3C2B1A0F9E8D")]
    [InlineData("hutong://user/" + Lin + "#profile")]
    public void Dispatch_PersonLink_OpensTheirProfileToAddThem(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new PersonTarget(Lin), target);
        Assert.Equal($"contacts/add?user={Lin}", target.Route);
    }

    [Theory]
    [InlineData("hutong://user/")]
    [InlineData("hutong://user")]
    [InlineData("hutong://user/lin")]
    [InlineData("hutong://user/0195a3c48f2e7b619d4a3c2b1a0f9e8d")]
    [InlineData("hutong://user/{0195a3c4-8f2e-7b61-9d4a-3c2b1a0f9e8d}")]
    [InlineData("hutong://user/00000000-0000-0000-0000-000000000000")]
    [InlineData("hutong://user/" + Lin + "/moments")]
    [InlineData("hutong://user/0195a3c4-8f2e-7b61-9d4a-3c2b1a0f9e8")]
    public void Dispatch_PersonLinkWhoseIdDoesNotParse_IsInvalidAndOpensNothing(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new InvalidTarget(decoded.Trim()), target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://group/Ab3_-xYz01234567", "Ab3_-xYz01234567")]
    [InlineData(" hutong://group/Ab3_-xYz01234567/ \n", "Ab3_-xYz01234567")]
    [InlineData("hutong://GROUP/Ab3_-xYz01234567", "Ab3_-xYz01234567")]
    public void Dispatch_GroupLink_AsksToJoinWithTheCodeAsItIs(string decoded, string code)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new GroupTarget(code), target);
        Assert.Equal($"discover?join={code}", target.Route);
    }

    [Theory]
    [InlineData("hutong://group/")]
    [InlineData("hutong://group/Ab3 xYz")]
    [InlineData("hutong://group/Ab3%2FxYz")]
    [InlineData("hutong://group/Ab3+xYz/")]
    [InlineData("hutong://group/Ab3/xYz")]
    [InlineData("hutong://group/ÄbcDef")]
    public void Dispatch_GroupLinkWithACodeThatCannotBeOne_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.IsType<InvalidTarget>(target);
        Assert.Null(target.Route);
    }

    [Fact]
    public void Dispatch_GroupCodeLongerThanAnyTheServerMakes_IsInvalid()
    {
        var target = ScanDispatcher.Dispatch("hutong://group/" + new string('a', 65));

        Assert.IsType<InvalidTarget>(target);
    }

    [Theory]
    [InlineData("hutong://oa/gh_0123abcd", "gh_0123abcd", null, "oa/gh_0123abcd")]
    [InlineData("hutong://oa/" + Lin, Lin, null, "oa/" + Lin)]
    [InlineData("hutong://oa/gh_0123abcd?ticket=Tk-9_zQ", "gh_0123abcd", "Tk-9_zQ", "oa/gh_0123abcd?ticket=Tk-9_zQ")]
    [InlineData("hutong://oa/gh_0123abcd/?ticket=Tk-9_zQ", "gh_0123abcd", "Tk-9_zQ", "oa/gh_0123abcd?ticket=Tk-9_zQ")]
    [InlineData("hutong://oa/gh_0123abcd?scene=7&ticket=Tk-9_zQ", "gh_0123abcd", "Tk-9_zQ", "oa/gh_0123abcd?ticket=Tk-9_zQ")]
    [InlineData("hutong://oa/gh_0123abcd?scene=7", "gh_0123abcd", null, "oa/gh_0123abcd")]
    public void Dispatch_OfficialAccountLink_OpensTheAccountWithItsTicket(string decoded, string accountId, string? ticket, string route)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new OfficialAccountTarget(accountId, ticket), target);
        Assert.Equal(route, target.Route);
    }

    [Theory]
    [InlineData("https://hutong.example/oa/" + Lin + "?ticket=Tk-9_zQ", "https://hutong.example/", "oa/" + Lin + "?ticket=Tk-9_zQ")]
    [InlineData("HTTPS://Hutong.Example/oa/" + Lin + "?ticket=Tk-9_zQ", "https://hutong.example/", "oa/" + Lin + "?ticket=Tk-9_zQ")]
    [InlineData("https://hutong.example/app/oa/" + Lin + "?ticket=Tk-9_zQ", "https://hutong.example/app/", "oa/" + Lin + "?ticket=Tk-9_zQ")]
    [InlineData("http://localhost:5080/oa/" + Lin, "http://localhost:5080/", "oa/" + Lin)]
    public void Dispatch_AParameterCodesPageOnThisNode_OpensTheAccountWithItsTicket(string decoded, string home, string route)
    {
        var target = ScanDispatcher.Dispatch(decoded, home);

        Assert.IsType<OfficialAccountTarget>(target);
        Assert.Equal(route, target.Route);
    }

    [Theory]
    [InlineData("https://elsewhere.example/oa/" + Lin + "?ticket=Tk-9_zQ")]
    [InlineData("http://hutong.example/oa/" + Lin + "?ticket=Tk-9_zQ")]
    [InlineData("https://hutong.example/chats")]
    [InlineData("https://hutong.example/oa/" + Lin + "/thread")]
    public void Dispatch_AnyOtherWebAddress_IsShownAsALink(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded, "https://hutong.example/");

        Assert.Equal([decoded], Assert.IsType<OtherTarget>(target).Links);
    }

    [Theory]
    [InlineData("hutong://oa/")]
    [InlineData("hutong://oa/gh 0123")]
    [InlineData("hutong://oa/gh_0123abcd/menu")]
    [InlineData("hutong://oa/gh_0123abcd?ticket=")]
    [InlineData("hutong://oa/gh_0123abcd?ticket")]
    [InlineData("hutong://oa/gh_0123abcd?ticket=a+b")]
    [InlineData("hutong://oa/gh_0123abcd?ticket=a%2Fb")]
    [InlineData("hutong://oa/gh_0123abcd?ticket=one&ticket=two")]
    public void Dispatch_OfficialAccountLinkWithABadIdOrTicket_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.IsType<InvalidTarget>(target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://mp/wx0123456789abcdef", "wx0123456789abcdef", null, "mp/wx0123456789abcdef")]
    [InlineData("Hutong://MP/wx01/", "wx01", null, "mp/wx01")]
    [InlineData("hutong://mp/wx01?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei", "wx01", "pages/about/about?from=mei", "mp/wx01?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei")]
    [InlineData("hutong://mp/wx01?path=%2Fpages%2Findex%2Findex&utm=x", "wx01", "pages/index/index", "mp/wx01?path=pages%2Findex%2Findex")]
    public void Dispatch_MiniProgramLink_OpensTheAppAtItsPage(string decoded, string appId, string? path, string route)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new MiniProgramTarget(appId, path), target);
        Assert.Equal(route, target.Route);
    }

    [Theory]
    [InlineData("hutong://mp/wx0123456789abcdef/pages/index")]
    [InlineData("hutong://mp/wx%2F01")]
    [InlineData("hutong://mp/wx01?path=a&path=b")]
    [InlineData("hutong://mp/wx01?path=pages%0Aindex")]
    public void Dispatch_MiniProgramLinkWithABadIdOrPath_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.IsType<InvalidTarget>(target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0", "wx20260318120000a1b2c3d4e5f6a7b8c9d0", "pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0")]
    [InlineData("HUTONG://Pay/ord-2026_0001/?utm=poster\n", "ord-2026_0001", "pay/ord-2026_0001")]
    public void Dispatch_PaymentCode_OpensThePaymentPage(string decoded, string code, string route)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new PaymentTarget(code), target);
        Assert.Equal(route, target.Route);
    }

    [Theory]
    [InlineData("hutong://pay")]
    [InlineData("hutong://pay?amount=100")]
    [InlineData("hutong://pay/ord 2026")]
    [InlineData("hutong://pay/ord%2F2026")]
    [InlineData("hutong://pay/wx2026/extra")]
    public void Dispatch_PaymentCodeThatCannotBeOne_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new InvalidTarget(decoded), target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://receive/Q2xpZW50U2lkZV8x", "Q2xpZW50U2lkZV8x", null, "pay-person/Q2xpZW50U2lkZV8x")]
    [InlineData("hutong://receive/Q2xp-ZW50_U2lk?amount=2800", "Q2xp-ZW50_U2lk", 2_800L, "pay-person/Q2xp-ZW50_U2lk?amount=2800")]
    [InlineData("HUTONG://Receive/abc/?later=1&amount=5\n", "abc", 5L, "pay-person/abc?amount=5")]
    public void Dispatch_ReceiveCode_OpensThePageThatPaysItsOwner(string decoded, string code, long? amount, string route)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new ReceiveCodeTarget(code, amount), target);
        Assert.Equal(route, target.Route);
    }

    [Theory]
    [InlineData("hutong://receive")]
    [InlineData("hutong://receive/abc/def")]
    [InlineData("hutong://receive/ab%2Fc")]
    [InlineData("hutong://receive/abc?amount=")]
    [InlineData("hutong://receive/abc?amount=0")]
    [InlineData("hutong://receive/abc?amount=-1")]
    [InlineData("hutong://receive/abc?amount=12.5")]
    [InlineData("hutong://receive/abc?amount=1&amount=2")]
    [InlineData("hutong://receive/abc?amount=9999999999999999999")]
    public void Dispatch_ReceiveCodeThatCannotBeOne_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new InvalidTarget(decoded), target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://moments/0195a3c4", "moments")]
    [InlineData("hutong://wxpay/bizpayurl?pr=abc", "wxpay")]
    public void Dispatch_HutongLinkOfAKindNotOpenedYet_IsUnsupportedWithItsText(string decoded, string kind)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new UnsupportedTarget(kind, decoded), target);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("hutong://")]
    [InlineData("hutong:///" + Lin)]
    [InlineData("hutong:user/" + Lin)]
    [InlineData("hutong:")]
    public void Dispatch_HutongSchemeWithoutAKind_IsInvalid(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        Assert.Equal(new InvalidTarget(decoded), target);
    }

    [Theory]
    [InlineData("weixin://dl/business/?t=abc")]
    [InlineData("mailto:lin@example.com")]
    [InlineData("tel:+8610123456")]
    [InlineData("javascript:alert(1)")]
    [InlineData("WIFI:T:WPA;S:teahouse;P:oolong;;")]
    [InlineData("hutongx://user/" + Lin)]
    [InlineData("user/" + Lin)]
    [InlineData(Lin)]
    [InlineData("Lin's tea house, table 4")]
    [InlineData("二维码里的一句话")]
    public void Dispatch_OtherSchemeOrPlainText_IsNotHutongAndLinksNothing(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        var other = Assert.IsType<OtherTarget>(target);
        Assert.Equal(decoded, other.Text);
        Assert.Empty(other.Links);
        Assert.Null(target.Route);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void Dispatch_OnlyWhitespace_IsEmptyText(string decoded)
    {
        var other = Assert.IsType<OtherTarget>(ScanDispatcher.Dispatch(decoded));

        Assert.Equal("", other.Text);
        Assert.Empty(other.Links);
    }

    [Theory]
    [InlineData("https://tea.example/menu")]
    [InlineData("http://tea.example")]
    [InlineData("HTTPS://TEA.EXAMPLE/MENU?TABLE=4")]
    [InlineData("https://tea.example/wiki/Tea_(drink)")]
    public void Dispatch_WebLink_IsNotHutongAndIsShownAsALinkButNotOpened(string decoded)
    {
        var target = ScanDispatcher.Dispatch(decoded);

        var other = Assert.IsType<OtherTarget>(target);
        Assert.Equal(decoded, other.Text);
        Assert.Equal([decoded], other.Links);
        Assert.Null(target.Route);
    }

    [Fact]
    public void Dispatch_WebLinkToAHutongLink_IsStillAWebLink()
    {
        var target = ScanDispatcher.Dispatch("https://hutong.example/?next=hutong://user/" + Lin);

        Assert.IsType<OtherTarget>(target);
        Assert.Null(target.Route);
    }

    [Fact]
    public void Dispatch_TextWithLinks_FindsEachOnceWithoutTheTextAroundIt()
    {
        const string decoded = "Menu: https://tea.example/menu, wifi at http://tea.example/wifi. (again: https://tea.example/menu)。见“https://茶.example/菜单”，谢谢";

        var other = Assert.IsType<OtherTarget>(ScanDispatcher.Dispatch(decoded));

        Assert.Equal(decoded, other.Text);
        Assert.Equal(["https://tea.example/menu", "http://tea.example/wifi", "https://茶.example/菜单"], other.Links);
    }

    [Theory]
    [InlineData("https://")]
    [InlineData("see https://) or ftp://tea.example/menu")]
    [InlineData("javascript:location='https:'")]
    public void Dispatch_TextWithoutAWholeWebAddress_LinksNothing(string decoded)
    {
        var other = Assert.IsType<OtherTarget>(ScanDispatcher.Dispatch(decoded));

        Assert.Empty(other.Links);
    }
}
