using Hutong.Client;
using Hutong.Contracts.Accounts;

namespace Hutong.Testing;

/// <summary>A signed-up person with one signed-in device.</summary>
public sealed record TestUser(HutongClient Client, string UserId, string Handle, string Password, string DeviceId, string DisplayName)
{
    public const string DefaultPassword = "lantern-hutong-42";

    /// <summary>Signs up a person with a unique handle that starts with <paramref name="prefix"/>, and logs one device in.</summary>
    public static async Task<TestUser> CreateAsync(HutongApp app, string prefix = "user", string? displayName = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var handle = $"{prefix}_{Guid.NewGuid().ToString("N")[..10]}";
        var client = app.NewClient();
        var name = displayName ?? prefix;
        var account = await client.SignUpAsync(new SignUpRequest(handle, DefaultPassword, name), cancellationToken);
        var session = await client.LoginAsync(new LoginRequest(handle, DefaultPassword, "test device"), cancellationToken);
        return new TestUser(client, account.UserId, handle, DefaultPassword, session.DeviceId, name);
    }

    /// <summary>Another device of the same person.</summary>
    public async Task<HutongClient> NewDeviceAsync(HutongApp app, string deviceName = "second device")
    {
        var client = app.NewClient();
        await client.LoginAsync(new LoginRequest(Handle, Password, deviceName), TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>Makes this person and <paramref name="other"/> friends through a request and its acceptance.</summary>
    public async Task BefriendAsync(TestUser other)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sent = await Client.SendFriendRequestAsync(other.UserId, "hi", cancellationToken);
        await other.Client.AcceptFriendRequestAsync(sent.RequestId, cancellationToken);
    }
}
