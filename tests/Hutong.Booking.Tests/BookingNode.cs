using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Booking.Tests;

/// <summary>
/// One Hutong node for the booking tests, with an operator, and the sample released on it as its developer would:
/// the mini-program folder uploaded as a version, submitted, approved and released.
/// </summary>
public sealed class BookingNode : IAsyncDisposable
{
    private const string OperatorHandle = "booking_ops";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private HutongApp? _app;
    private HutongClient? _operator;

    public HutongApp App => _app ?? throw new InvalidOperationException("Call StartAsync first.");

    public async Task<HutongApp> StartAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                _app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
                {
                    ["Hutong:Operators:0"] = OperatorHandle,
                    ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
                    ["Hutong:MiniPrograms:AllowPlainHttpRequests"] = "true",
                }, cancellationToken: cancellationToken);
                _operator = _app.NewClient();
                await _operator.SignUpAsync(new SignUpRequest(OperatorHandle, TestUser.DefaultPassword, "Operator"), cancellationToken);
                await _operator.LoginAsync(new LoginRequest(OperatorHandle, TestUser.DefaultPassword, "desk"), cancellationToken);
            }

            return _app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The operator, signed in: reviews mini-program versions and merchants.</summary>
    public HutongClient Operator => _operator ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>A new app made from the sample and released; its id and secret, as the developer holds them, and the developer.</summary>
    public async Task<ReleasedSample> ReleaseSampleAsync(string? requestDomain = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await StartAsync();
        var dev = await TestUser.CreateAsync(app, "studio");
        await dev.Client.RegisterDeveloperAsync("Lotus Studio", cancellationToken);
        var created = await dev.Client.CreateMiniProgramAsync(
            new CreateMiniProgramRequest("Lotus Massage", "Book a massage", RequestDomains: requestDomain is null ? null : [requestDomain]), cancellationToken);
        var appId = created.App.AppId;
        using var zip = SampleFolder.Zip();
        var version = await dev.Client.UploadMiniProgramAsync(appId, zip, "1.0.0", "The booking sample", cancellationToken);
        await dev.Client.MoveMiniProgramVersionAsync(appId, version.Id, "submit", cancellationToken);
        await _operator!.ApproveMiniProgramVersionAsync(version.Id, cancellationToken);
        await dev.Client.MoveMiniProgramVersionAsync(appId, version.Id, "release", cancellationToken);
        return new ReleasedSample(appId, created.AppSecret, version, dev);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app.Storage.Dispose();
        }

        _gate.Dispose();
    }
}

/// <summary>The sample released on the node: the app's id and secret, its version, and the developer who made it.</summary>
public sealed record ReleasedSample(string AppId, string Secret, MiniProgramVersionInfo Version, TestUser Developer);
