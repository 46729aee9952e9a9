using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Official accounts through the real server: making them, review, who manages them, and finding them.</summary>
public sealed class AccountsTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ASubscriptionAccount_OpensAtOnce_WithIdsOfWeChatsShapes_AndItsSecretShownOnce(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var reader = await TestUser.CreateAsync(app, "reader");
        var name = $"Tea Notes {Guid.NewGuid():N}"[..24];

        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(name, OfficialAccountKinds.Subscription, "Leaves and water"), Ct);

        var account = created.Account;
        Assert.Matches("^[0-9a-f]{32}$", created.AppSecret);
        Assert.Matches("^gh_[0-9a-f]{12}$", account.OriginalId);
        Assert.Equal((name, OfficialAccountKinds.Subscription, "Leaves and water", 0, false), (account.Name, account.Kind, account.Description, account.Followers, account.Following));
        Assert.Equal(OfficialAccountStates.Active, account.Admin!.State);
        Assert.Matches("^wx[0-9a-f]{16}$", account.Admin.AppId);

        var seen = await reader.Client.GetOfficialAccountAsync(account.Id, Ct);
        Assert.Null(seen.Admin);
        Assert.Equal(account.OriginalId, seen.OriginalId);
        Assert.Contains((await reader.Client.SearchOfficialAccountsAsync(name[4..12].ToUpperInvariant(), Ct)).Accounts, a => a.Id == account.Id);
        Assert.Equal(account.Id, Assert.Single((await owner.Client.GetMyOfficialAccountsAsync(Ct)).Accounts).Id);
        Assert.Empty((await reader.Client.GetMyOfficialAccountsAsync(Ct)).Accounts);

        // The secret is never shown again: a reset gives a new one.
        var reset = await owner.Client.ResetAppSecretAsync(account.Id, Ct);
        Assert.Matches("^[0-9a-f]{32}$", reset.AppSecret);
        Assert.NotEqual(created.AppSecret, reset.AppSecret);
        Assert.DoesNotContain(created.AppSecret, System.Text.Encoding.UTF8.GetString(await owner.Client.GetOfficialAccountQrAsync(account.Id, "svg", Ct)), StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task AServiceAccount_WaitsForAnOperator_AndIsHiddenUntilApproved(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var reader = await TestUser.CreateAsync(app, "reader");
        var name = $"Clinic {Guid.NewGuid():N}"[..20];

        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(name, OfficialAccountKinds.Service), Ct)).Account;

        Assert.Equal(OfficialAccountStates.Pending, account.Admin!.State);
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => reader.Client.GetOfficialAccountAsync(account.Id, Ct));
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => reader.Client.FollowAsync(account.Id, cancellationToken: Ct));
        await ExpectAsync(409, ErrorCodes.AccountNotActive, () => owner.Client.FollowAsync(account.Id, cancellationToken: Ct));
        Assert.DoesNotContain((await reader.Client.SearchOfficialAccountsAsync(name, Ct)).Accounts, a => a.Id == account.Id);
        await ExpectAsync(403, ErrorCodes.NotOperator, () => owner.Client.ApproveOfficialAccountAsync(account.Id, Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => reader.Client.GetAccountReviewQueueAsync(Ct));

        Assert.Contains((await ops.GetAccountReviewQueueAsync(Ct)).Accounts, a => a.Id == account.Id);
        Assert.Equal(name, (await ops.GetOfficialAccountAsync(account.Id, Ct)).Name);
        var approved = await ops.ApproveOfficialAccountAsync(account.Id, Ct);

        Assert.Equal(account.Id, approved.Id);
        Assert.DoesNotContain((await ops.GetAccountReviewQueueAsync(Ct)).Accounts, a => a.Id == account.Id);
        Assert.True((await reader.Client.FollowAsync(account.Id, cancellationToken: Ct)).Following);
        Assert.Equal(OfficialAccountStates.Active, (await owner.Client.GetOfficialAccountAsync(account.Id, Ct)).Admin!.State);
        await ExpectAsync(409, ErrorCodes.Conflict, () => ops.RejectOfficialAccountAsync(account.Id, "Too late", Ct));
    }

    [Theory, ProviderData]
    public async Task ARejectedServiceAccount_TellsItsOwnerWhy_AndARejectionNeedsAReason(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Lucky Draws", OfficialAccountKinds.Service), Ct)).Account;

        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => ops.RejectOfficialAccountAsync(account.Id, "  ", Ct));
        await ops.RejectOfficialAccountAsync(account.Id, "Lotteries are not allowed", Ct);

        var seen = await owner.Client.GetOfficialAccountAsync(account.Id, Ct);
        Assert.Equal((OfficialAccountStates.Rejected, "Lotteries are not allowed"), (seen.Admin!.State, seen.Admin.ReviewNote));
        await ExpectAsync(409, ErrorCodes.Conflict, () => ops.ApproveOfficialAccountAsync(account.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task OnlyTheAccountsAdmins_ManageIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var other = await TestUser.CreateAsync(app, "other");
        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Noodle Bar", OfficialAccountKinds.Subscription), Ct)).Account;
        await other.Client.FollowAsync(account.Id, cancellationToken: Ct);

        await ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.UpdateOfficialAccountAsync(account.Id, new UpdateOfficialAccountRequest("Mine now"), Ct));
        await ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.ResetAppSecretAsync(account.Id, Ct));
        await ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetFollowersAsync(account.Id, cancellationToken: Ct));
        await ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetFollowerTagsAsync(account.Id, Ct));
        await ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.CreateFollowerTagAsync(account.Id, "vip", Ct));
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => other.Client.GetFollowersAsync(Guid.NewGuid().ToString(), cancellationToken: Ct));
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => other.Client.GetOfficialAccountAsync("not-an-id", Ct));

        var png = Core.Qr.QrCodes.Png("noodles", 4);
        var picture = (await owner.Client.UploadMediaAsync(new MemoryStream(png), "logo.png", Ct)).MediaId;
        await ExpectAsync(404, ErrorCodes.MediaNotFound, () => other.Client.DownloadMediaAsync(picture, Ct));
        var renamed = await owner.Client.UpdateOfficialAccountAsync(account.Id, new UpdateOfficialAccountRequest("Noodle House", "Hand-pulled", picture), Ct);
        Assert.Equal(("Noodle House", "Hand-pulled"), (renamed.Name, renamed.Description));
        var seen = await other.Client.GetOfficialAccountAsync(account.Id, Ct);
        Assert.Equal(("Noodle House", $"/api/v1/media/{picture}"), (seen.Name, seen.AvatarUrl));
        Assert.Equal(png, (await other.Client.DownloadMediaAsync(picture, Ct)).Bytes);
    }

    [Theory, ProviderData]
    public async Task BadRequests_AreRefusedWithTheirFields_AndChangeNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");

        var bad = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("x", "newsletter", new string('d', 500)), Ct));
        Assert.Equal(["description", "kind", "name"], bad.Problem!.Errors!.Keys.Order());
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Two\nlines", OfficialAccountKinds.Subscription), Ct));
        Assert.Empty((await owner.Client.GetMyOfficialAccountsAsync(Ct)).Accounts);

        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Bakery", OfficialAccountKinds.Subscription), Ct)).Account;
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.UpdateOfficialAccountAsync(account.Id, new UpdateOfficialAccountRequest(AvatarId: Guid.NewGuid().ToString()), Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.FollowAsync(account.Id, new FollowRequest(Scene: "billboard"), Ct));
        Assert.False((await owner.Client.GetOfficialAccountAsync(account.Id, Ct)).Following);
    }

    [Theory, ProviderData]
    public async Task OnePerson_OwnsAtMostFiveAccounts(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        for (var i = 0; i < 5; i++)
        {
            await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest($"Shop {i}", OfficialAccountKinds.Subscription), Ct);
        }

        await ExpectAsync(409, ErrorCodes.TooManyAccounts, () => owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Shop 6", OfficialAccountKinds.Subscription), Ct));
        Assert.Equal(5, (await owner.Client.GetMyOfficialAccountsAsync(Ct)).Accounts.Count);
    }

    [Theory, ProviderData]
    public async Task AReport_NeedsAReasonOfOneTo500Characters_AndOnlyOperatorsReadOrDismissReports(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Cheap Watches");
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);

        var empty = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.ReportOfficialAccountAsync(account.Id, " \n ", Ct));
        var tooLong = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.ReportOfficialAccountAsync(account.Id, new string('x', 501), Ct));

        Assert.Equal(["reason"], empty.Problem!.Errors!.Keys);
        Assert.Equal(["reason"], tooLong.Problem!.Errors!.Keys);
        Assert.DoesNotContain((await ops.GetReportedAccountsAsync(Ct)).Accounts, r => r.Account.Id == account.Id);
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => mei.Client.ReportOfficialAccountAsync(Guid.NewGuid().ToString(), "Spam", Ct));

        await mei.Client.ReportOfficialAccountAsync(account.Id, new string('y', 500), Ct);
        await ExpectAsync(403, ErrorCodes.NotOperator, () => mei.Client.GetReportedAccountsAsync(Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => owner.Client.GetReportedAccountsAsync(Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => owner.Client.DismissAccountReportsAsync(account.Id, Ct));
        await ExpectAsync(404, ErrorCodes.AccountNotFound, () => ops.DismissAccountReportsAsync(Guid.NewGuid().ToString(), Ct));
        var kept = Assert.Single((await ops.GetReportedAccountsAsync(Ct)).Accounts, r => r.Account.Id == account.Id);
        Assert.Equal(new string('y', 500), Assert.Single(kept.Reports).Reason);
    }

    [Theory, ProviderData]
    public async Task Operators_SeeReportedAccounts_EachReporterCountedOnce_NeverNamed_UntilDismissed_AndANewReportBringsOneBack(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var draws = await owner.NewAccountAsync(name: "Lucky Draws");
        var loans = await owner.NewAccountAsync(name: "Quick Loans");
        await mei.Client.FollowAsync(loans.Id, cancellationToken: Ct);

        await lin.Client.ReportOfficialAccountAsync(draws.Id, "Spam or advertising", Ct);
        await mei.Client.ReportOfficialAccountAsync(loans.Id, "Fraud or a scam: asks for a deposit first", Ct);
        await lin.Client.ReportOfficialAccountAsync(loans.Id, "Fraud or a scam", Ct);
        await mei.Client.ReportOfficialAccountAsync(loans.Id, "Other: still at it", Ct);

        // The most recently reported first; Mei reported twice and counts once; what was said, newest first.
        var reported = (await ops.GetReportedAccountsAsync(Ct)).Accounts.Where(r => r.Account.Id == loans.Id || r.Account.Id == draws.Id).ToList();
        Assert.Equal([loans.Id, draws.Id], reported.Select(r => r.Account.Id));
        var loansReports = reported[0];
        Assert.Equal(("Quick Loans", OfficialAccountKinds.Subscription, 1), (loansReports.Account.Name, loansReports.Account.Kind, loansReports.Account.Followers));
        Assert.Equal(2, loansReports.Reporters);
        Assert.Equal(["Other: still at it", "Fraud or a scam", "Fraud or a scam: asks for a deposit first"], loansReports.Reports.Select(r => r.Reason));
        Assert.True(loansReports.Reports[0].At > loansReports.Reports[1].At && loansReports.Reports[1].At > loansReports.Reports[2].At);
        Assert.Equal(loansReports.Reports[0].At, loansReports.LastReportedAt);
        Assert.Equal((1, "Spam or advertising"), (reported[1].Reporters, Assert.Single(reported[1].Reports).Reason));

        // Nobody is named: neither reporter's id (nor handle) is anywhere in what operators read.
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", ops.Token);
        var json = await http.GetStringAsync("/api/v1/admin/official-accounts/reports", Ct);
        Assert.Contains(loans.Id, json, StringComparison.Ordinal);
        foreach (var reporter in new[] { mei, lin })
        {
            Assert.DoesNotContain(reporter.UserId, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reporter.Handle, json, StringComparison.OrdinalIgnoreCase);
        }

        // Dismissed (twice is fine), the account leaves the list and the other stays; the studio's count follows.
        var before = await ops.GetReviewSummaryAsync(Ct);
        await ops.DismissAccountReportsAsync(loans.Id, Ct);
        await ops.DismissAccountReportsAsync(loans.Id, Ct);
        var after = await ops.GetReviewSummaryAsync(Ct);
        Assert.Equal((true, before.Waiting, before.Reported - 1), (after.Operator, after.Waiting, after.Reported));
        Assert.Equal(new ReviewSummary(false, 0, 0), await mei.Client.GetReviewSummaryAsync(Ct));
        var left = (await ops.GetReportedAccountsAsync(Ct)).Accounts;
        Assert.DoesNotContain(left, r => r.Account.Id == loans.Id);
        Assert.Contains(left, r => r.Account.Id == draws.Id);

        // A new report brings it back, alone: the dismissed ones are kept, no longer open.
        await lin.Client.ReportOfficialAccountAsync(loans.Id, "Offensive content", Ct);
        var back = Assert.Single((await ops.GetReportedAccountsAsync(Ct)).Accounts, r => r.Account.Id == loans.Id);
        Assert.Equal((1, "Offensive content"), (back.Reporters, Assert.Single(back.Reports).Reason));
        Assert.Equal(loans.Id, (await ops.GetReportedAccountsAsync(Ct)).Accounts[0].Account.Id);
    }

    internal static async Task<HutongApiException> ExpectAsync(int status, string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HutongApiException>(call);
        Assert.Equal((status, code), (error.Status, error.Code));
        return error;
    }
}
