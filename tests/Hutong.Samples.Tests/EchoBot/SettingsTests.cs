extern alias EchoBotSample;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>Settings that could never work stop the bot at start-up, naming the setting.</summary>
/// <remarks>
/// The bot is composed here with its own <c>AddEchoBot</c>: a failing start inside <c>WebApplicationFactory</c>
/// races the factory, which then reports a disposed service provider instead of the failure.
/// </remarks>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bot:Token", "", "Bot:Token")]
    [InlineData("Bot:EncodingAESKey", "too-short", "Bot:EncodingAESKey")]
    [InlineData("Bot:AppId", "", "Bot:AppId")]
    [InlineData("Bot:ApiBase", "ftp://127.0.0.1/", "Bot:ApiBase")]
    public async Task Start_WithABadSetting_FailsNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Token"] = EchoBotApp.Token,
            ["Bot:EncodingAESKey"] = EchoBotApp.EncodingAesKey,
            ["Bot:AppId"] = EchoBotApp.AppId,
            [key] = value,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        EchoBotSample::EchoBot.EchoBotExtensions.AddEchoBot(builder);
        await using var bot = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => bot.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
