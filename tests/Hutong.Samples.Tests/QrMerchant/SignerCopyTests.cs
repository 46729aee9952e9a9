namespace Hutong.Samples.Tests.QrMerchant;

/// <summary>
/// The samples stand alone, so each carries its own copy of the hand-written WeChat Pay signer; the copies differ in
/// their namespace only, so that a fix to one is not forgotten in the other.
/// </summary>
public sealed class SignerCopyTests
{
    [Fact]
    public void TheQrMerchantsSigner_IsTheBookingSamplesFile_InItsOwnNamespace()
    {
        var root = Root();
        var booking = File.ReadAllText(Path.Combine(root, "samples", "booking", "backend", "WeChatPay", "WeChatPayClient.cs"));
        var till = File.ReadAllText(Path.Combine(root, "samples", "qr-merchant", "WeChatPayClient.cs"));

        Assert.Contains("namespace Booking.WeChatPay;", booking, StringComparison.Ordinal);
        Assert.Equal(booking.Replace("namespace Booking.WeChatPay;", "namespace QrMerchant;", StringComparison.Ordinal), till);
    }

    [Fact]
    public void TheOfficialAccountShopsSigner_IsTheBookingSamplesFile_InItsOwnNamespace()
    {
        var root = Root();
        var booking = File.ReadAllText(Path.Combine(root, "samples", "booking", "backend", "WeChatPay", "WeChatPayClient.cs"));
        var shop = File.ReadAllText(Path.Combine(root, "samples", "oa-shop", "WeChatPayClient.cs"));

        Assert.Equal(booking.Replace("namespace Booking.WeChatPay;", "namespace OaShop;", StringComparison.Ordinal), shop);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hutong.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository's root (Hutong.slnx) was not found above the test's folder.");
    }
}
