using System.Security.Cryptography;
using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Samples.Tests.QrMerchant;

/// <summary>
/// The QR merchant sample (samples/qr-merchant) against a real node on Kestrel, run as its own process with nothing
/// but the settings its README gives it. A tea house's owner sets up the merchant through the node's API (applies,
/// the operator approves, an API v3 key, a public key, the tea house's official account bound); the till prints its
/// native order's code, a person pays the code over the node's API, and the till hears of it: from the node's
/// notification, or by looking the order up when the notification cannot reach it.
/// </summary>
public sealed class QrMerchantTests
{
    private const string OperatorHandle = "till_ops";
    private const string Pin = "246810";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheTill_ShowsItsCode_AndIsToldOfThePaymentByTheNotification()
    {
        await using var node = await NodeAsync();
        using var merchant = await TeaHouseAsync(node);
        var png = Path.Combine(merchant.Folder, "code.png");
        await using var till = TillProcess.Start(
            [.. merchant.Settings, "--Till:Amount=1250", "--Till:Description=Oolong, a pot", "--Till:Png=" + png,
                // Only the notification can tell it in time: it would look the order up only after ten minutes.
                "--Till:PollSeconds=600"]);

        var codeUrl = await till.CodeUrlAsync();
        Assert.StartsWith("hutong://pay/", codeUrl, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png, Ct))[..4]);
        var mei = await PayerAsync(node);
        var preview = await mei.PreviewNativePaymentAsync(codeUrl, Ct);
        Assert.Equal(("Tea House", "Oolong, a pot", 1250L), (preview.MerchantName, preview.Description, preview.Amount));

        var paid = await mei.PayNativeAsync(codeUrl, Pin, Ct);

        Assert.Equal(PaymentStates.Paid, paid.State);
        Assert.True(await till.ExitCodeAsync() == 0, till.Output);
        Assert.Contains($"Paid: transaction {paid.TransactionId} by ", till.Output, StringComparison.Ordinal);
        Assert.Contains("told by the notification.", till.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheNotificationCannotReachIt_TheTillLooksTheOrderUp()
    {
        await using var node = await NodeAsync();
        using var merchant = await TeaHouseAsync(node);
        // Port 9 (discard) refuses the node's notification.
        await using var till = TillProcess.Start([.. merchant.Settings, "--WeChatPay:NotifyUrl=http://127.0.0.1:9/notify", "--Till:PollSeconds=1"]);

        var codeUrl = await till.CodeUrlAsync();
        var paid = await (await PayerAsync(node)).PayNativeAsync(codeUrl, Pin, Ct);

        Assert.True(await till.ExitCodeAsync() == 0, till.Output);
        Assert.Contains($"Paid: transaction {paid.TransactionId} by ", till.Output, StringComparison.Ordinal);
        Assert.Contains("told by the order query.", till.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutItsSettings_TheTillNamesThemAndStops()
    {
        await using var till = TillProcess.Start(["--WeChatPay:MchId="]);

        Assert.Equal(2, await till.ExitCodeAsync());
        Assert.Contains(
            "Missing settings: WeChatPay:MchId, WeChatPay:SerialNo, WeChatPay:PrivateKeyPath, WeChatPay:ApiV3Key, WeChatPay:AppId.", till.Output, StringComparison.Ordinal);
    }

    /// <summary>A node on real Kestrel (the till is another process), with an operator, that may notify servers on loopback.</summary>
    private static Task<HutongApp> NodeAsync() => HutongApp.StartOnKestrelAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
    {
        ["Hutong:Operators:0"] = OperatorHandle,
        ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
    }, Ct);

    /// <summary>
    /// The tea house's merchant, set up as the README does it over the node's API, and the till's settings for it: the
    /// node's address, the merchant's id, key serial, private key file and API v3 key, and the official account bound.
    /// </summary>
    private static async Task<Merchant> TeaHouseAsync(HutongApp node)
    {
        var ops = await SignUpAsync(node, OperatorHandle);
        var owner = await SignUpAsync(node, "teahouse" + Guid.NewGuid().ToString("N")[..8]);
        var account = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Tea House", OfficialAccountKinds.Subscription, "Tea by the pot"), Ct);
        var appId = account.Account.Admin!.AppId;
        var merchant = await owner.CreateMerchantAsync(new CreateMerchantRequest("Tea House Ltd", "Tea House", "Food and drink"), Ct);
        await ops.ApproveMerchantAsync(merchant.MerchantId, Ct);
        var apiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        await owner.SetMerchantApiV3KeyAsync(merchant.MerchantId, apiV3Key, Ct);
        using var key = RSA.Create(2048);
        var uploaded = await owner.AddMerchantKeyAsync(merchant.MerchantId, key.ExportSubjectPublicKeyInfoPem(), Ct);
        await owner.BindMerchantAppAsync(merchant.MerchantId, appId, Ct);
        var folder = Directory.CreateTempSubdirectory("hutong-till-").FullName;
        var keyPath = Path.Combine(folder, "merchant_key.pem");
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), Ct);
        return new Merchant(folder,
        [
            "--urls", "http://127.0.0.1:0",
            "--WeChatPay:Server=" + owner.BaseAddress, "--WeChatPay:MchId=" + merchant.MchId, "--WeChatPay:SerialNo=" + uploaded.SerialNo,
            "--WeChatPay:PrivateKeyPath=" + keyPath, "--WeChatPay:ApiV3Key=" + apiV3Key, "--WeChatPay:AppId=" + appId,
        ]);
    }

    /// <summary>A person with a payment PIN and ¥100.00.</summary>
    private static async Task<HutongClient> PayerAsync(HutongApp node)
    {
        var mei = await SignUpAsync(node, "mei" + Guid.NewGuid().ToString("N")[..8]);
        await mei.SetPinAsync(Pin, cancellationToken: Ct);
        await mei.TopUpAsync("seed", 10_000, Ct);
        return mei;
    }

    /// <summary>A person signed up and in over Kestrel's own address, the one the till calls too.</summary>
    private static async Task<HutongClient> SignUpAsync(HutongApp node, string handle)
    {
        var client = new HutongClient(node.CreateClient());
        await client.SignUpAsync(new SignUpRequest(handle, TestUser.DefaultPassword, handle), Ct);
        await client.LoginAsync(new LoginRequest(handle, TestUser.DefaultPassword, "till test"), Ct);
        return client;
    }

    private sealed record Merchant(string Folder, IReadOnlyList<string> Settings) : IDisposable
    {
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
