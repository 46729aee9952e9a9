using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Merchants.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>Merchants as their owners run them and operators review them, through the real HTTP pipeline on both providers.</summary>
public sealed class MerchantAccountTests(MerchantServers servers) : IClassFixture<MerchantServers>
{
    private const string Pin = "246810";

    /// <summary>When the test certificates start to be valid.</summary>
    private static readonly DateTimeOffset Since = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AMerchant_IsPendingUntilAnOperatorApprovesIt_AndNobodyElseCan(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");

        var created = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Mei's Tea House", "Mei Tea", "Food & drink"), Ct);
        var queue = await ops.GetMerchantsInReviewAsync(cancellationToken: Ct);
        var byLin = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.ApproveMerchantAsync(created.MerchantId, Ct));
        var queueByLin = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetMerchantsInReviewAsync(cancellationToken: Ct));
        var byOwner = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.ApproveMerchantAsync(created.MerchantId, Ct));
        var approved = await ops.ApproveMerchantAsync(created.MerchantId, Ct);
        var again = await Assert.ThrowsAsync<HutongApiException>(() => ops.ApproveMerchantAsync(created.MerchantId, Ct));
        var rejectAfter = await Assert.ThrowsAsync<HutongApiException>(() => ops.RejectMerchantAsync(created.MerchantId, "too late", Ct));

        Assert.Equal(MerchantStates.Pending, created.State);
        Assert.Matches("^[1-9][0-9]{9}$", created.MchId);
        Assert.Equal(("Mei's Tea House", "Mei Tea", "Food & drink"), (created.Name, created.ShortName, created.Category));
        Assert.False(created.HasApiV3Key);
        Assert.Empty(created.Keys);
        Assert.Empty(created.Apps);
        Assert.Contains(queue.Items, m => m.MerchantId == created.MerchantId);
        Assert.Equal((403, ErrorCodes.NotOperator), (byLin.Status, byLin.Code));
        Assert.Equal((403, ErrorCodes.NotOperator), (queueByLin.Status, queueByLin.Code));
        Assert.Equal((403, ErrorCodes.NotOperator), (byOwner.Status, byOwner.Code));
        Assert.Equal(MerchantStates.Approved, approved.State);
        Assert.Equal((409, ErrorCodes.MerchantNotPending), (again.Status, again.Code));
        Assert.Equal((409, ErrorCodes.MerchantNotPending), (rejectAfter.Status, rejectAfter.Code));
        Assert.Equivalent(approved, await mei.Client.GetMerchantAsync(created.MerchantId, Ct), strict: true);
        Assert.Equivalent(approved, await ops.GetMerchantAsync(created.MerchantId, Ct), strict: true);
        Assert.Equivalent(new[] { approved }, (await mei.Client.GetMerchantsAsync(Ct)).Items, strict: true);
        Assert.DoesNotContain((await ops.GetMerchantsInReviewAsync(cancellationToken: Ct)).Items, m => m.MerchantId == created.MerchantId);
        Assert.Contains((await ops.GetMerchantsInReviewAsync(MerchantStates.Approved, Ct)).Items, m => m.MerchantId == created.MerchantId);
    }

    [Theory, ProviderData]
    public async Task Rejecting_NeedsAReason_WhichTheOwnerSees(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Noodle Bar", "Noodles", "Food"), Ct);

        var noReason = await Assert.ThrowsAsync<HutongApiException>(() => ops.RejectMerchantAsync(merchant.MerchantId, " \u200B ", Ct));
        var tooLong = await Assert.ThrowsAsync<HutongApiException>(() => ops.RejectMerchantAsync(merchant.MerchantId, new string('x', 201), Ct));
        var rejected = await ops.RejectMerchantAsync(merchant.MerchantId, "  The licence photo cannot be read.  ", Ct);
        var approveAfter = await Assert.ThrowsAsync<HutongApiException>(() => ops.ApproveMerchantAsync(merchant.MerchantId, Ct));
        var badState = await Assert.ThrowsAsync<HutongApiException>(() => ops.GetMerchantsInReviewAsync("closed", Ct));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (noReason.Status, noReason.Code));
        Assert.Contains("reason", noReason.Problem!.Errors!.Keys);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (tooLong.Status, tooLong.Code));
        Assert.Equal((MerchantStates.Rejected, "The licence photo cannot be read."), (rejected.State, rejected.RejectReason));
        Assert.Equal((409, ErrorCodes.MerchantNotPending), (approveAfter.Status, approveAfter.Code));
        Assert.Equivalent(rejected, await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct), strict: true);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (badState.Status, badState.Code));
        Assert.Contains("state", badState.Problem!.Errors!.Keys);
    }

    [Theory, ProviderData]
    public async Task AnApplication_IsCleanedAndChecked_AndAPersonHoldsAtMostFive(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var blank = await Assert.ThrowsAsync<HutongApiException>(
            () => mei.Client.CreateMerchantAsync(new CreateMerchantRequest(" \u202E ", new string('s', 21), ""), Ct));
        var cleaned = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("  Zoë \u202Eevil\u202C ", "Zoë\u200B", "Books"), Ct);
        var more = new List<MerchantInfo>();
        for (var i = 0; i < 4; i++)
        {
            more.Add(await mei.Client.CreateMerchantAsync(new CreateMerchantRequest($"Shop {i}", $"S{i}", "Retail"), Ct));
        }

        var sixth = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Shop 5", "S5", "Retail"), Ct));
        await ops.RejectMerchantAsync(more[0].MerchantId, "Not a real shop.", Ct);
        var afterRejection = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Shop 6", "S6", "Retail"), Ct);

        Assert.Equal((400, ErrorCodes.ValidationFailed), (blank.Status, blank.Code));
        Assert.Equal(["category", "name", "shortName"], blank.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Zoë evil", "Zoë"), (cleaned.Name, cleaned.ShortName));
        Assert.Equal((409, ErrorCodes.TooManyMerchants), (sixth.Status, sixth.Code));
        Assert.Equal(MerchantStates.Pending, afterRejection.State);
        var mine = (await mei.Client.GetMerchantsAsync(Ct)).Items;
        Assert.Equal(6, mine.Count);
        Assert.Equal(6, mine.Select(m => m.MchId).Distinct().Count());
        Assert.All(mine, m => Assert.Matches("^[1-9][0-9]{9}$", m.MchId));
    }

    [Theory, ProviderData]
    public async Task ApplicationsAtOnce_StillMakeAtMostFive(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var lan = await TestUser.CreateAsync(app, "lan");

        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await lan.Client.CreateMerchantAsync(new CreateMerchantRequest($"Stall {i}", $"Stall {i}", "Food"), Ct);
                return "created";
            }
            catch (HutongApiException e)
            {
                return e.Code;
            }
        }));

        Assert.Equal(5, tries.Count(t => t == "created"));
        Assert.Equal(3, tries.Count(t => t == ErrorCodes.TooManyMerchants));
        Assert.Equal(5, (await lan.Client.GetMerchantsAsync(Ct)).Items.Count);
    }

    [Theory, ProviderData]
    public async Task TheApiV3Key_IsThirtyTwoLettersAndDigits_AndNeverShown(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        const string key = "Abcdefghijklmnopqrstuvwxyz012345";

        foreach (var bad in new[] { "", "short", key + "6", key[..31] + "-", key[..31] + "é", key[..31] + " " })
        {
            var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SetMerchantApiV3KeyAsync(merchant.MerchantId, bad, Ct));
            Assert.Equal((400, ErrorCodes.ValidationFailed), (refused.Status, refused.Code));
            Assert.Contains("key", refused.Problem!.Errors!.Keys);
        }

        Assert.False((await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).HasApiV3Key);
        await mei.Client.SetMerchantApiV3KeyAsync(merchant.MerchantId, key, Ct);

        Assert.True((await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).HasApiV3Key);
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", mei.Client.Token);
        var raw = await http.GetStringAsync(new Uri($"/api/v1/merchants/{merchant.MerchantId}", UriKind.Relative), Ct)
            + await http.GetStringAsync(new Uri("/api/v1/merchants", UriKind.Relative), Ct);
        Assert.DoesNotContain(key, raw, StringComparison.Ordinal);
        Assert.Contains("\"hasApiV3Key\":true", raw, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task Keys_AreRsaKeysOrCertificates_NamedByTheirSerial_AndRevocable(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        using var bare = RSA.Create(2048);
        using var certified = RSA.Create(2048);
        using var certificate = SelfSigned(certified, [0x0A, 0x1B, 0x2C, 0x3D, 0x4E, 0x5F, 0x60, 0x71]);

        var fromKey = await mei.Client.AddMerchantKeyAsync(merchant.MerchantId, bare.ExportSubjectPublicKeyInfoPem(), Ct);
        var sameAsPkcs1 = await Assert.ThrowsAsync<HutongApiException>(
            () => mei.Client.AddMerchantKeyAsync(merchant.MerchantId, bare.ExportRSAPublicKeyPem(), Ct));
        var fromCertificate = await mei.Client.AddMerchantKeyAsync(merchant.MerchantId, certificate.ExportCertificatePem(), Ct);
        var certificateAgain = await Assert.ThrowsAsync<HutongApiException>(
            () => mei.Client.AddMerchantKeyAsync(merchant.MerchantId, certificate.ExportCertificatePem(), Ct));

        var expectedBare = SerialNumbers.Canonical(Convert.ToHexString(SHA256.HashData(bare.ExportSubjectPublicKeyInfo()))[..40]);
        Assert.Equal(expectedBare, fromKey.SerialNo);
        Assert.Equal("A1B2C3D4E5F6071", fromCertificate.SerialNo);
        Assert.Equal(SerialNumbers.Canonical(certificate.SerialNumber), fromCertificate.SerialNo);
        Assert.Equal((409, ErrorCodes.MerchantKeyExists), (sameAsPkcs1.Status, sameAsPkcs1.Code));
        Assert.Equal((409, ErrorCodes.MerchantKeyExists), (certificateAgain.Status, certificateAgain.Code));
        Assert.Equal([fromCertificate, fromKey], (await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).Keys);

        // Named as merchant code may spell it: lowercase, with leading zeros.
        await mei.Client.RevokeMerchantKeyAsync(merchant.MerchantId, "000a1b2c3d4e5f6071", Ct);
        var revokedAgain = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RevokeMerchantKeyAsync(merchant.MerchantId, fromCertificate.SerialNo, Ct));
        var notHex = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RevokeMerchantKeyAsync(merchant.MerchantId, "not-a-serial", Ct));
        var revokedComesBack = await Assert.ThrowsAsync<HutongApiException>(
            () => mei.Client.AddMerchantKeyAsync(merchant.MerchantId, certificate.ExportCertificatePem(), Ct));

        Assert.Equal((404, ErrorCodes.MerchantKeyNotFound), (revokedAgain.Status, revokedAgain.Code));
        Assert.Equal((404, ErrorCodes.MerchantKeyNotFound), (notHex.Status, notHex.Code));
        Assert.Equal((409, ErrorCodes.MerchantKeyExists), (revokedComesBack.Status, revokedComesBack.Code));
        Assert.Equal([fromKey], (await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).Keys);
    }

    [Theory, ProviderData]
    public async Task Keys_ThatAreNotRsaOf2048To4096Bits_AreRefused_AndFiveAreInUseAtMost(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        using var small = RSA.Create(1024);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecRequest = new CertificateRequest("CN=ec merchant", ec, HashAlgorithmName.SHA256);
        using var ecCertificate = ecRequest.CreateSelfSigned(Since, Since.AddYears(5));
        using var smallCertificate = SelfSigned(small, [0x42]);
        using var rsa = RSA.Create(2048);

        foreach (var bad in new[]
        {
            small.ExportSubjectPublicKeyInfoPem(),
            small.ExportRSAPublicKeyPem(),
            smallCertificate.ExportCertificatePem(),
            ec.ExportSubjectPublicKeyInfoPem(),
            ecCertificate.ExportCertificatePem(),
            rsa.ExportPkcs8PrivateKeyPem(),
            "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
            "not a pem at all",
            "",
        })
        {
            var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.AddMerchantKeyAsync(merchant.MerchantId, bad, Ct));
            Assert.Equal((400, ErrorCodes.ValidationFailed), (refused.Status, refused.Code));
            Assert.Contains("publicKey", refused.Problem!.Errors!.Keys);
        }

        var added = new List<MerchantKeyInfo>();
        for (var i = 0; i < 5; i++)
        {
            using var key = RSA.Create(i == 0 ? 3072 : 2048);
            added.Add(await mei.Client.AddMerchantKeyAsync(merchant.MerchantId, key.ExportSubjectPublicKeyInfoPem(), Ct));
        }

        using var sixth = RSA.Create(2048);
        var tooMany = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.AddMerchantKeyAsync(merchant.MerchantId, sixth.ExportSubjectPublicKeyInfoPem(), Ct));
        await mei.Client.RevokeMerchantKeyAsync(merchant.MerchantId, added[2].SerialNo, Ct);
        var afterRevoking = await mei.Client.AddMerchantKeyAsync(merchant.MerchantId, sixth.ExportSubjectPublicKeyInfoPem(), Ct);

        Assert.Equal((409, ErrorCodes.TooManyMerchantKeys), (tooMany.Status, tooMany.Code));
        Assert.Equal(5, (await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).Keys.Count);
        Assert.Contains(afterRevoking, (await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).Keys);
    }

    [Theory, ProviderData]
    public async Task Apps_TheOwnerAdministers_AreBound_AndNoOthers(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        var account = (await mei.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Mei Tea News", OfficialAccountKinds.Subscription), Ct)).Account;
        await mei.Client.RegisterDeveloperAsync("Mei Studio", Ct);
        var program = (await mei.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Tea Order"), Ct)).App;
        var linsAccount = (await lin.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Lin Noodles", OfficialAccountKinds.Subscription), Ct)).Account;

        await mei.Client.BindMerchantAppAsync(merchant.MerchantId, account.Admin!.AppId, Ct);
        await mei.Client.BindMerchantAppAsync(merchant.MerchantId, program.AppId, Ct);
        await mei.Client.BindMerchantAppAsync(merchant.MerchantId, program.AppId, Ct);
        var notHers = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.BindMerchantAppAsync(merchant.MerchantId, linsAccount.Admin!.AppId, Ct));
        var noSuchApp = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.BindMerchantAppAsync(merchant.MerchantId, "wx0000000000000000", Ct));
        var bound = await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct);
        await mei.Client.UnbindMerchantAppAsync(merchant.MerchantId, account.Admin.AppId, Ct);
        var unboundAgain = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UnbindMerchantAppAsync(merchant.MerchantId, account.Admin.AppId, Ct));

        Assert.Equal([new MerchantAppInfo(account.Admin.AppId, "Mei Tea News"), new MerchantAppInfo(program.AppId, "Tea Order")], bound.Apps);
        Assert.Equal((403, ErrorCodes.AppNotAdministered), (notHers.Status, notHers.Code));
        Assert.Equal((403, ErrorCodes.AppNotAdministered), (noSuchApp.Status, noSuchApp.Code));
        Assert.Equal((404, ErrorCodes.AppNotBound), (unboundAgain.Status, unboundAgain.Code));
        Assert.Equal([new MerchantAppInfo(program.AppId, "Tea Order")], (await mei.Client.GetMerchantAsync(merchant.MerchantId, Ct)).Apps);
    }

    [Theory, ProviderData]
    public async Task AnotherPerson_CannotSeeOrChangeAMerchant_AndAnOperatorSeesButDoesNotChangeIt(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        var linsAccount = (await lin.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Lin Noodles", OfficialAccountKinds.Subscription), Ct)).Account;
        using var rsa = RSA.Create(2048);
        var id = merchant.MerchantId;

        var byLin = new Func<Task>[]
        {
            () => lin.Client.GetMerchantAsync(id, Ct),
            () => lin.Client.SetMerchantApiV3KeyAsync(id, "Abcdefghijklmnopqrstuvwxyz012345", Ct),
            () => lin.Client.AddMerchantKeyAsync(id, rsa.ExportSubjectPublicKeyInfoPem(), Ct),
            () => lin.Client.RevokeMerchantKeyAsync(id, "ABC", Ct),
            () => lin.Client.BindMerchantAppAsync(id, linsAccount.Admin!.AppId, Ct),
            () => lin.Client.UnbindMerchantAppAsync(id, linsAccount.Admin!.AppId, Ct),
            () => lin.Client.GetMerchantBalanceAsync(id, Ct),
            () => lin.Client.PayOutMerchantAsync(id, "p1", 1, Pin, Ct),
            () => mei.Client.GetMerchantAsync(Guid.NewGuid().ToString(), Ct),
            () => mei.Client.GetMerchantAsync("not-an-id", Ct),
        };
        foreach (var call in byLin)
        {
            var refused = await Assert.ThrowsAsync<HutongApiException>(call);
            Assert.Equal((404, ErrorCodes.MerchantNotFound), (refused.Status, refused.Code));
        }

        var byOperator = new Func<Task>[]
        {
            () => ops.SetMerchantApiV3KeyAsync(id, "Abcdefghijklmnopqrstuvwxyz012345", Ct),
            () => ops.AddMerchantKeyAsync(id, rsa.ExportSubjectPublicKeyInfoPem(), Ct),
            () => ops.PayOutMerchantAsync(id, "p1", 1, Pin, Ct),
        };
        foreach (var call in byOperator)
        {
            var refused = await Assert.ThrowsAsync<HutongApiException>(call);
            Assert.Equal((403, ErrorCodes.NotMerchantOwner), (refused.Status, refused.Code));
        }

        Assert.Empty((await lin.Client.GetMerchantsAsync(Ct)).Items);
        Assert.Equivalent(merchant, await ops.GetMerchantAsync(id, Ct), strict: true);
        Assert.Equivalent(merchant, await mei.Client.GetMerchantAsync(id, Ct), strict: true);
    }

    [Theory, ProviderData]
    public async Task APayout_MovesSettledMoneyToTheOwnersWallet_NeverMoreThanSettled(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var merchant = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        await ops.ApproveMerchantAsync(merchant.MerchantId, Ct);

        var empty = await mei.Client.GetMerchantBalanceAsync(merchant.MerchantId, Ct);
        var noPin = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p0", 100, Pin, Ct));
        await mei.Client.SetPinAsync(Pin, cancellationToken: Ct);
        var nothingSettled = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p0", 100, Pin, Ct));
        await SettleAsync(app, merchant, mei, 10_000);
        var settled = await mei.Client.GetMerchantBalanceAsync(merchant.MerchantId, Ct);
        var wrongPin = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p1", 100, "135792", Ct));
        var tooMuch = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p2", 10_001, Pin, Ct));
        var badAmount = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p3", 0, Pin, Ct));
        var paid = await mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p4", 4_000, Pin, Ct);
        var retried = await mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p4", 4_000, Pin, Ct);
        var conflict = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p4", 5_000, Pin, Ct));
        var rest = await mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p5", 6_000, Pin, Ct);
        var overdrawn = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayOutMerchantAsync(merchant.MerchantId, "p6", 1, Pin, Ct));

        Assert.Equal(new MerchantBalance(0, 0, "CNY"), empty);
        Assert.Equal((409, ErrorCodes.PinNotSet), (noPin.Status, noPin.Code));
        Assert.Equal((409, ErrorCodes.InsufficientFunds), (nothingSettled.Status, nothingSettled.Code));
        Assert.Equal(new MerchantBalance(10_000, 0, "CNY"), settled);
        Assert.Equal((403, ErrorCodes.WrongPin), (wrongPin.Status, wrongPin.Code));
        Assert.Equal((409, ErrorCodes.InsufficientFunds), (tooMuch.Status, tooMuch.Code));
        Assert.Equal((400, ErrorCodes.ValidationFailed), (badAmount.Status, badAmount.Code));
        Assert.Equal(("p4", 4_000L, 6_000L, 4_000L), (paid.TransferId, paid.Amount, paid.Settled, paid.Balance));
        Assert.Equal(paid, retried);
        Assert.Equal((409, ErrorCodes.IdempotencyConflict), (conflict.Status, conflict.Code));
        Assert.Equal((0L, 10_000L), (rest.Settled, rest.Balance));
        Assert.Equal((409, ErrorCodes.InsufficientFunds), (overdrawn.Status, overdrawn.Code));
        Assert.Equal(new MerchantBalance(0, 0, "CNY"), await mei.Client.GetMerchantBalanceAsync(merchant.MerchantId, Ct));
        Assert.Equal(10_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        var entries = (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries;
        Assert.Equal([$"{WalletEntryKinds.MerchantPayout} 6000 p5", $"{WalletEntryKinds.MerchantPayout} 4000 p4"],
            entries.Select(e => $"{e.Kind} {e.Amount} {e.Reference}"));
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task AnAccount_WhoseMerchantHoldsMoney_IsNotDeleted(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var ling = await TestUser.CreateAsync(app, "ling");
        var yun = await TestUser.CreateAsync(app, "yun");
        var holding = await ling.Client.CreateMerchantAsync(new CreateMerchantRequest("Ling's Noodles", "Noodles", "Food"), Ct);
        await yun.Client.CreateMerchantAsync(new CreateMerchantRequest("Yun's Tea", "Tea", "Food"), Ct);
        await ops.ApproveMerchantAsync(holding.MerchantId, Ct);
        await SettleAsync(app, holding, ling, 2_000);

        var refused = await Assert.ThrowsAsync<HutongApiException>(() => ling.Client.DeleteAccountAsync(ling.Password, Ct));
        await yun.Client.DeleteAccountAsync(yun.Password, Ct);

        Assert.Equal((409, ErrorCodes.WalletNotEmpty), (refused.Status, refused.Code));
        Assert.Contains("Noodles", refused.Problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(new MerchantBalance(2_000, 0, "CNY"), await ling.Client.GetMerchantBalanceAsync(holding.MerchantId, Ct));
    }

    [Theory, ProviderData]
    public async Task PayoutIds_AreScopedToTheirMerchant(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var teaShop = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Tea", "Tea", "Food"), Ct);
        var bookShop = await mei.Client.CreateMerchantAsync(new CreateMerchantRequest("Books", "Books", "Retail"), Ct);
        var noodles = await lin.Client.CreateMerchantAsync(new CreateMerchantRequest("Noodles", "Noodles", "Food"), Ct);
        await mei.Client.SetPinAsync(Pin, cancellationToken: Ct);
        await lin.Client.SetPinAsync(Pin, cancellationToken: Ct);
        await SettleAsync(app, teaShop, mei, 1_000);
        await SettleAsync(app, bookShop, mei, 1_000);
        await SettleAsync(app, noodles, lin, 1_000);

        var fromTea = await mei.Client.PayOutMerchantAsync(teaShop.MerchantId, "same", 100, Pin, Ct);
        var fromBooks = await mei.Client.PayOutMerchantAsync(bookShop.MerchantId, "same", 200, Pin, Ct);
        var fromNoodles = await lin.Client.PayOutMerchantAsync(noodles.MerchantId, "same", 300, Pin, Ct);

        Assert.Equal((900L, 100L), (fromTea.Settled, fromTea.Balance));
        Assert.Equal((800L, 300L), (fromBooks.Settled, fromBooks.Balance));
        Assert.Equal((700L, 300L), (fromNoodles.Settled, fromNoodles.Balance));
    }

    [Theory, ProviderData]
    public async Task RotatingThePlatformKey_ChangesTheSigningSerial_AndKeepsTheOldOneListed(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var keys = app.Services.GetRequiredService<PaymentKeys>();
        var before = (await keys.CurrentAsync(Ct)).SerialNo;

        var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RotatePlatformKeyAsync(Ct));
        var unchanged = (await keys.CurrentAsync(Ct)).SerialNo;
        var rotated = await ops.RotatePlatformKeyAsync(Ct);

        Assert.Equal((403, ErrorCodes.NotOperator), (refused.Status, refused.Code));
        Assert.Equal(before, unchanged);
        Assert.NotEqual(before, rotated.SerialNo);
        Assert.Equal(rotated.SerialNo, (await keys.CurrentAsync(Ct)).SerialNo);
        var listed = (await keys.ListedAsync(Ct)).Select(k => k.SerialNo).ToList();
        Assert.Equal(rotated.SerialNo, listed[0]);
        Assert.Contains(before, listed);
    }

    /// <summary>Money a merchant has been paid and settled, as the order settlement would leave it: from the rail here.</summary>
    private static async Task SettleAsync(HutongApp app, MerchantInfo merchant, TestUser owner, long amount)
    {
        var id = Guid.Parse(merchant.MerchantId);
        var outcome = await app.Services.GetRequiredService<LedgerWriter>().ApplyAsync(
            new TransferRequest($"test-settle:{Guid.NewGuid():N}", WalletAccounts.RailId, id, amount, TransferCode.MerchantSettlement),
            WalletAccounts.Rail("CNY"), WalletAccounts.Merchant(id, Guid.Parse(owner.UserId), "CNY"));
        Assert.Equal(TransferResult.Created, outcome.Result);
    }

    private static X509Certificate2 SelfSigned(RSA key, byte[] serial)
    {
        var request = new CertificateRequest("CN=merchant, O=Hutong tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), Since, Since.AddYears(5), serial);
    }
}
