using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>
/// One node per provider for the mini-program server tests, with an operator signed in to review versions, and leave
/// for request domains on loopback over plain http.
/// </summary>
public sealed class MiniProgramServers() : OperatorServers(OperatorHandle, new Dictionary<string, string?>
{
    ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
    ["Hutong:MiniPrograms:AllowPlainHttpRequests"] = "true",
})
{
    public const string OperatorHandle = "mp_ops";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new developer's new app (named uniquely unless named): the developer, its app id and secret.</summary>
    public static async Task<(TestUser Dev, string AppId, string Secret)> NewAppAsync(HutongApp app, string? name = null, IReadOnlyList<string>? domains = null)
    {
        var dev = await TestUser.CreateAsync(app, "dev");
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var created = await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest(name ?? $"App {Guid.NewGuid():N}"[..16], RequestDomains: domains), Ct);
        return (dev, created.App.AppId, created.AppSecret);
    }

    /// <summary>Uploads the package (the counter when none) under the number, and has it reviewed and released; its version id.</summary>
    public static async Task<string> ReleaseAsync(TestUser dev, HutongClient ops, string appId, string number = "1.0.0", MemoryStream? package = null)
    {
        var version = await dev.Client.UploadMiniProgramAsync(appId, package ?? Packages.Zip(Packages.Counter), number, cancellationToken: Ct);
        await dev.Client.MoveMiniProgramVersionAsync(appId, version.Id, "submit", Ct);
        await ops.ApproveMiniProgramVersionAsync(version.Id, Ct);
        await dev.Client.MoveMiniProgramVersionAsync(appId, version.Id, "release", Ct);
        return version.Id;
    }
}
