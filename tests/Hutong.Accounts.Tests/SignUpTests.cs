using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

public sealed class SignUpTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task SignUp_ValidAccount_CreatesItWithLowerCaseHandle(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var handle = "Mei." + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var created = await app.NewClient().SignUpAsync(new SignUpRequest(handle, "bamboo-forest-7", "  梅 🌸 Mei  "), Ct);

        Assert.Equal(handle.ToLowerInvariant(), created.Handle);
        Assert.Equal("梅 🌸 Mei", created.DisplayName);
        var profile = await (await TestUser.CreateAsync(app)).Client.GetUserByHandleAsync(handle, Ct);
        Assert.Equal(created.UserId, profile.UserId);
    }

    [Theory, ProviderData]
    public async Task SignUp_HandleTakenInAnyCase_Is409HandleTaken(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var first = await TestUser.CreateAsync(app, "taken");

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest(first.Handle.ToUpperInvariant(), "another-pass-1", "Someone else"), Ct));

        Assert.Equal(409, error.Status);
        Assert.Equal(ErrorCodes.HandleTaken, error.Code);
    }

    [Theory, ProviderData]
    public async Task SignUp_ConcurrentSameHandle_ExactlyOneWins(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var handle = "race_" + Guid.NewGuid().ToString("N")[..8];

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await app.NewClient().SignUpAsync(new SignUpRequest(handle, "racing-pass-" + i, "Racer"), Ct);
                return "created";
            }
            catch (HutongApiException e)
            {
                return e.Code;
            }
        }));

        Assert.Single(attempts, a => a == "created");
        Assert.All(attempts.Where(a => a != "created"), a => Assert.Equal(ErrorCodes.HandleTaken, a));
    }

    [Theory, ProviderData]
    public async Task SignUp_WeakPasswordAndBadHandle_Is400WithEveryFieldNamed(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest("no spaces!", "short", ""), Ct));

        Assert.Equal(400, error.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(["displayName", "handle", "password"], error.Problem!.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("this_handle_is_far_too_long_for_us")]
    [InlineData("émile")]
    [InlineData("with space")]
    public async Task SignUp_HandleOutsideRules_Is400OnHandle(string handle)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest(handle, "good-password-9", "Name"), Ct));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(["handle"], error.Problem!.Errors!.Keys);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("1234567")]
    public async Task SignUp_GuessablePassword_Is400OnPassword(string password)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest("pw_" + Guid.NewGuid().ToString("N")[..8], password, "Name"), Ct));

        Assert.Equal(["password"], error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task SignUp_PasswordSameAsHandle_IsRefused()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var handle = "same_" + Guid.NewGuid().ToString("N")[..8];

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest(handle, handle.ToUpperInvariant(), "Name"), Ct));

        Assert.Equal(["password"], error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task SignUp_DisplayNameCountsWhatPeopleSee_SixtyFourEmojiAreAllowed()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var name = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 64));

        var created = await app.NewClient().SignUpAsync(new SignUpRequest("emoji_" + Guid.NewGuid().ToString("N")[..8], "good-password-9", name), Ct);

        Assert.Equal(name, created.DisplayName);
        await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest("emoji_" + Guid.NewGuid().ToString("N")[..8], "good-password-9", name + "👩‍👩‍👧"), Ct));
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\u3164")]
    [InlineData("\u202E\u202C")]
    [InlineData("nul\0name")]
    public async Task SignUp_ANameThatShowsNothingOrHasControls_Is400OnDisplayName(string name)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().SignUpAsync(new SignUpRequest("blank_" + Guid.NewGuid().ToString("N")[..8], "good-password-9", name), Ct));

        Assert.Equal(400, error.Status);
        Assert.Equal(["displayName"], error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task SignUp_ANameWithABidiOverride_IsStoredAsItShows_AndSoAreGreetingsRemarksAndGroupNames()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var zoe = await TestUser.CreateAsync(app, "zoe", "Zoë 🐉 \u202Eevil\u202C");
        var lin = await TestUser.CreateAsync(app, "lin");

        var request = await zoe.Client.SendFriendRequestAsync(lin.UserId, "hi \u202Egnp.exe\u202C", Ct);
        await lin.Client.AcceptFriendRequestAsync(request.RequestId, Ct);
        var remarked = await lin.Client.UpdateFriendAsync(zoe.UserId, new Contracts.Contacts.UpdateFriendRequest("\u2066Zoe\u2069 from work", ["\u200Bwork"], null, null), Ct);
        var group = await zoe.Client.CreateGroupAsync("tea\u202E club", [lin.UserId], Ct);

        Assert.Equal("Zoë 🐉 evil", (await lin.Client.GetUserByHandleAsync(zoe.Handle, Ct)).DisplayName);
        Assert.Equal("hi gnp.exe", Assert.Single((await lin.Client.GetFriendRequestsAsync("incoming", cancellationToken: Ct)).Requests).Greeting);
        Assert.Equal(("Zoe from work", "work"), (remarked.Remark, Assert.Single(remarked.Tags)));
        Assert.Equal("tea club", (await zoe.Client.GetConversationAsync(group.ConversationId, Ct)).Name);
    }
}
