using System.Text.Json;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Accounts.Tests;

/// <summary>What every messenger lets a person do with their own account: a new password, an avatar, their data, and leaving.</summary>
public sealed class AccountBasicsTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ChangePassword_NeedsTheCurrentOne_AndCanSignOutEveryOtherDevice(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var phone = await mei.NewDeviceAsync(app, "phone");
        var tablet = await mei.NewDeviceAsync(app, "tablet");

        var wrong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.ChangePasswordAsync("not-it-at-all", "new-lantern-77", false, Ct));
        var weak = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.ChangePasswordAsync(mei.Password, "short", false, Ct));
        await mei.Client.ChangePasswordAsync(mei.Password, "new-lantern-77", signOutOtherDevices: false, Ct);
        await phone.GetMeAsync(Ct);
        await mei.Client.ChangePasswordAsync("new-lantern-77", "newer-lantern-88", signOutOtherDevices: true, Ct);

        Assert.Equal((401, ErrorCodes.InvalidCredentials), (wrong.Status, wrong.Code));
        Assert.Equal((400, "newPassword"), (weak.Status, Assert.Single(weak.Problem!.Errors!.Keys)));
        Assert.Equal(401, (await Assert.ThrowsAsync<HutongApiException>(() => phone.GetMeAsync(Ct))).Status);
        Assert.Equal(401, (await Assert.ThrowsAsync<HutongApiException>(() => tablet.GetMeAsync(Ct))).Status);
        Assert.Equal(mei.UserId, (await mei.Client.GetMeAsync(Ct)).UserId);
        await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().LoginAsync(new LoginRequest(mei.Handle, mei.Password, null), Ct));
        await app.NewClient().LoginAsync(new LoginRequest(mei.Handle, "newer-lantern-88", null), Ct);
    }

    [Theory, ProviderData]
    public async Task AnAvatar_IsAnUploadOfTheNodes_SeenByAnyoneNotBlocked_AndFriendsHearOfIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var blocked = await TestUser.CreateAsync(app, "blocked");
        await mei.BefriendAsync(lin);
        await mei.Client.BlockAsync(blocked.UserId, Ct);
        var linCursor = await CursorAsync(lin);

        var outside = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateProfileAsync(new UpdateProfileRequest(null, "https://tracker.example/pixel.png"), Ct));
        var notAnImage = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadAvatarAsync(new MemoryStream("just text"u8.ToArray()), "me.png", Ct));
        var avatar = await mei.Client.UploadAvatarAsync(new MemoryStream(Png), "me.png", Ct);

        Assert.Equal((400, "avatarUrl"), (outside.Status, Assert.Single(outside.Problem!.Errors!.Keys)));
        Assert.Equal((400, "file"), (notAnImage.Status, Assert.Single(notAnImage.Problem!.Errors!.Keys)));
        Assert.StartsWith("/api/v1/media/", avatar.AvatarUrl, StringComparison.Ordinal);
        var mediaId = avatar.AvatarUrl!["/api/v1/media/".Length..];
        Assert.Equal(avatar.AvatarUrl, (await stranger.Client.GetUserAsync(mei.UserId, Ct)).AvatarUrl);
        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(mediaId, Ct)).Bytes);
        Assert.Equal("image/png", (await stranger.Client.DownloadMediaAsync(mediaId, Ct)).ContentType);
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => blocked.Client.DownloadMediaAsync(mediaId, Ct))).Status);
        var told = (await lin.Client.GetEventsAsync(linCursor, cancellationToken: Ct)).Events;
        Assert.Contains(told, e => e is ProfileEvent { UserId: var who } && who == mei.UserId);

        // Sending back the current one changes nothing; an empty one clears it, and the old image is no one else's.
        await mei.Client.UpdateProfileAsync(new UpdateProfileRequest("Mei", avatar.AvatarUrl), Ct);
        await mei.Client.UpdateProfileAsync(new UpdateProfileRequest(null, ""), Ct);
        Assert.Null((await lin.Client.GetUserAsync(mei.UserId, Ct)).AvatarUrl);
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.DownloadMediaAsync(mediaId, Ct))).Status);
    }

    [Theory, ProviderData]
    public async Task ARename_ReachesFriendsDevicesAsAnEvent(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var other = await TestUser.CreateAsync(app, "other");
        await mei.BefriendAsync(lin);
        var linCursor = await CursorAsync(lin);
        var otherCursor = await CursorAsync(other);

        await mei.Client.UpdateProfileAsync(new UpdateProfileRequest("Mei Lan", null), Ct);
        await other.Client.UpdateProfileAsync(new UpdateProfileRequest("Someone else", null), Ct);

        var told = Assert.IsType<ProfileEvent>(Assert.Single((await lin.Client.GetEventsAsync(linCursor, cancellationToken: Ct)).Events));
        Assert.Equal(mei.UserId, told.UserId);
        // A stranger's rename reaches only their own devices.
        Assert.Equal([other.UserId], (await other.Client.GetEventsAsync(otherCursor, cancellationToken: Ct)).Events.Select(e => Assert.IsType<ProfileEvent>(e).UserId));
        Assert.Equal("Mei Lan", (await lin.Client.GetUserAsync(mei.UserId, Ct)).DisplayName);
    }

    [Theory, ProviderData]
    public async Task Export_HoldsMyProfileContactsMessagesAndWallet_AndNothingOfOthers(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = (await mei.Client.OpenDirectAsync(lin.UserId, Ct)).ConversationId;
        await mei.Client.SendTextAsync(chat, "mine: tea at four", Ct);
        await lin.Client.SendTextAsync(chat, "theirs: yes please", Ct);
        await mei.Client.TopUpAsync("export-top-up", 1_234, Ct);

        using var export = JsonDocument.Parse(await mei.Client.ExportAsync(Ct));
        var root = export.RootElement;

        Assert.Equal(mei.Handle, root.GetProperty("profile").GetProperty("handle").GetString());
        Assert.Equal(lin.UserId, Assert.Single(root.GetProperty("friends").EnumerateArray()).GetProperty("userId").GetString());
        var sent = Assert.Single(root.GetProperty("conversations").EnumerateArray()).GetProperty("messagesSent").EnumerateArray().ToList();
        Assert.Equal([("text", "mine: tea at four")], sent.Select(m => m.GetProperty("content")).Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("text").GetString())));
        Assert.Equal(1_234, Assert.Single(root.GetProperty("walletEntries").EnumerateArray()).GetProperty("amount").GetInt64());
        Assert.DoesNotContain("lantern-hutong", root.GetRawText(), StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task DeletingAnAccount_NeedsThePasswordAndAnEmptyWallet_ThenLeavesOnlyItsMessages(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var zhou = await TestUser.CreateAsync(app, "zhou");
        await mei.BefriendAsync(lin);
        await mei.BefriendAsync(zhou);
        var phone = await mei.NewDeviceAsync(app);
        var chat = (await mei.Client.OpenDirectAsync(lin.UserId, Ct)).ConversationId;
        var group = (await mei.Client.CreateGroupAsync("tea", [lin.UserId, zhou.UserId], Ct)).ConversationId;
        await mei.Client.SendTextAsync(chat, "goodbye, and thanks for the tea", Ct);
        var photo = await mei.Client.UploadMediaAsync(new MemoryStream(Png), "tea.png", Ct);
        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("photo", new ImageContent(photo.MediaId)), Ct);
        await mei.Client.TopUpAsync("t", 500, Ct);
        await mei.Client.SetPinAsync("215809", cancellationToken: Ct);

        var wrong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.DeleteAccountAsync("not-my-password", Ct));
        var notEmpty = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.DeleteAccountAsync(mei.Password, Ct));
        await mei.Client.WithdrawAsync("w", 500, "215809", Ct);
        await mei.Client.DeleteAccountAsync(mei.Password, Ct);

        Assert.Equal((401, ErrorCodes.InvalidCredentials), (wrong.Status, wrong.Code));
        Assert.Equal((409, ErrorCodes.WalletNotEmpty), (notEmpty.Status, notEmpty.Code));
        Assert.Equal(401, (await Assert.ThrowsAsync<HutongApiException>(() => phone.GetMeAsync(Ct))).Status);
        await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().LoginAsync(new LoginRequest(mei.Handle, mei.Password, null), Ct));
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetUserByHandleAsync(mei.Handle, Ct))).Status);

        // Friends lose the friend, the group its member; the messages stay, from a deleted account, without the photo.
        Assert.Empty((await lin.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
        Assert.DoesNotContain((await zhou.Client.GetConversationAsync(group, Ct)).Members, m => m.UserId == mei.UserId);
        var kept = (await lin.Client.GetMessagesAsync(chat, cancellationToken: Ct)).Messages.Where(m => m.SenderId == mei.UserId).ToList();
        Assert.Equal(["goodbye, and thanks for the tea", null], kept.Select(m => m.Text()));
        var gone = await lin.Client.GetUserAsync(mei.UserId, Ct);
        Assert.Equal((true, "", (string?)null), (gone.Deleted, gone.Handle, gone.AvatarUrl));
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DownloadMediaAsync(photo.MediaId, Ct))).Status);

        // The handle is held for 30 days, then anyone may take it.
        var taken = await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().SignUpAsync(new SignUpRequest(mei.Handle, "another-person-1", "Someone"), Ct));
        Assert.Equal(ErrorCodes.HandleTaken, taken.Code);
        clock.Advance(TimeSpan.FromDays(30));
        var newcomer = await app.NewClient().SignUpAsync(new SignUpRequest(mei.Handle, "another-person-1", "Someone"), Ct);
        Assert.NotEqual(mei.UserId, newcomer.UserId);
        Assert.True((await lin.Client.GetUserAsync(mei.UserId, Ct)).Deleted);
    }

    private static async Task<long> CursorAsync(TestUser person) =>
        (await person.Client.GetEventsAsync(cancellationToken: Ct)).Events is { Count: > 0 } events ? events[^1].Seq : 0;
}
