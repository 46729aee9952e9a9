extern alias EchoBotSample;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using EchoBotProgram = EchoBotSample::Program;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>The sample bot in process, with the given <c>Bot:*</c> settings and a clock the test drives.</summary>
internal sealed class EchoBotApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<EchoBotProgram>
{
    public const string Token = "EchoBotTest42";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "wx7d3c1e0f5a2b9c48";
    public const string AppSecret = "5f0c8a6d2e9b4f1a7c3d8e6b0a9f2c4d";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The bot with this test's token, app id and secret, plus <paramref name="more"/> (which wins).</summary>
    public static EchoBotApp Start(Uri? apiBase = null, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Bot:Token"] = Token,
            ["Bot:AppId"] = AppId,
            ["Bot:AppSecret"] = AppSecret,
            // Nothing reaches WeChat from a test: a call without a fake API fails at once.
            ["Bot:ApiBase"] = apiBase?.AbsoluteUri ?? "http://127.0.0.1:9/",
            // The bot's own refusals (warnings) stay visible in a failing test's output; the chatter does not.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new EchoBotApp(settings);
    }

    public Platform Platform(PlatformCrypto? crypto = null) =>
        new(CreateClient(), settings.TryGetValue("Bot:Token", out var token) ? token ?? "" : "", crypto);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
