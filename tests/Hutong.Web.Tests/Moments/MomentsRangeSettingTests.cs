using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Social;
using Hutong.Web.Moments;
using Hutong.Web.Session;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Moments;

/// <summary>Me → Settings: how far back friends may look at my posts.</summary>
public sealed class MomentsRangeSettingTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public MomentsRangeSettingTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _context.Services.GetRequiredService<AppSession>().Update(new MeResponse("u-me", "me", "Me", null));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Range_ShowsTheSavedOneAndSavesAChoiceAtOnce()
    {
        _server.Answer(HttpMethod.Get, "api/v1/moments/users/u-me", () => RecordingHandler.Json(new MomentsProfile("u-me", null, MomentsRanges.Month), HutongJsonContext.Default.MomentsProfile));
        _server.Answer(HttpMethod.Patch, "api/v1/moments/settings", () => RecordingHandler.Json(new MomentsProfile("u-me", null, MomentsRanges.ThreeDays), HutongJsonContext.Default.MomentsProfile));
        var setting = _context.Render<MomentsRangeSetting>();

        Assert.True(setting.Find("input[value=month]").HasAttribute("checked"));
        await setting.Find("input[value=threeDays]").ChangeAsync(new ChangeEventArgs { Value = MomentsRanges.ThreeDays });

        var sent = System.Text.Json.JsonDocument.Parse(_server.Bodies.Single(b => b.Request == "PATCH api/v1/moments/settings").Body).RootElement;
        Assert.Equal(MomentsRanges.ThreeDays, sent.GetProperty("range").GetString());
        Assert.True(setting.Find("input[value=threeDays]").HasAttribute("checked"));
        Assert.Equal("Saved.", setting.Find("[role=status]").TextContent);
    }
}
