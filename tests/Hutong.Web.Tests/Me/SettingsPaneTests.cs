using Bunit;
using Hutong.Web.Localization;
using Hutong.Web.Me;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Me;

/// <summary>The notification settings: the browser is asked only from the switch's click, and a refusal says what to do.</summary>
public sealed class SettingsPaneTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();

    public SettingsPaneTests() => _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<SettingsPane> Render(string permission, string? answer = null)
    {
        _context.JSInterop.Setup<string?>("hutong.notificationPermission").SetResult(permission);
        _context.JSInterop.Setup<string?>("hutong.requestNotificationPermission").SetResult(answer ?? permission);
        return _context.Render<SettingsPane>();
    }

    private int Asked => _context.JSInterop.Invocations["hutong.requestNotificationPermission"].Count;

    /// <summary>The values stored under a local storage key, in order.</summary>
    private List<string?> Stored(string key) =>
        [.. _context.JSInterop.Invocations["hutong.set"].Where(i => (string)i.Arguments[0]! == key).Select(i => (string?)i.Arguments[1])];

    [Fact]
    public void Open_NeverAsksTheBrowser()
    {
        var pane = Render("default");

        Assert.Equal(0, Asked);
        Assert.False(pane.Find("#desktop-notifications").HasAttribute("checked"));
        Assert.Empty(pane.FindAll("#notifications-blocked"));
    }

    [Fact]
    public async Task TurnOn_Allowed_AsksFromTheClickAndRemembersTheChoice()
    {
        var pane = Render("default", answer: "granted");

        await pane.Find("#desktop-notifications").ChangeAsync(new() { Value = true });

        Assert.Equal(1, Asked);
        Assert.True(pane.Find("#desktop-notifications").HasAttribute("checked"));
        Assert.Equal(["on"], Stored("hutong.notifications"));
    }

    [Fact]
    public async Task TurnOn_Refused_StaysOffAndSaysWhatToDo()
    {
        var pane = Render("default", answer: "denied");

        await pane.Find("#desktop-notifications").ChangeAsync(new() { Value = true });

        Assert.False(pane.Find("#desktop-notifications").HasAttribute("checked"));
        Assert.Equal(S.NotificationsBlocked, pane.Find("#notifications-blocked").TextContent);
        Assert.Equal("notifications-hint notifications-blocked", pane.Find("#desktop-notifications").GetAttribute("aria-describedby"));
        Assert.Equal([null], Stored("hutong.notifications"));
    }

    [Fact]
    public void Open_AlreadyBlocked_SaysSoWithoutAsking()
    {
        var pane = Render("denied");

        Assert.Equal(S.NotificationsBlocked, pane.Find("#notifications-blocked").TextContent);
        Assert.Equal(0, Asked);
    }

    [Fact]
    public void Open_ABrowserWithoutNotifications_DisablesTheSwitchAndSaysWhy()
    {
        var pane = Render("unsupported");

        Assert.True(pane.Find("#desktop-notifications").HasAttribute("disabled"));
        Assert.Equal(S.NotificationsUnsupported, pane.Find("#notifications-blocked").TextContent);
    }

    [Fact]
    public async Task HidePreviews_IsRememberedOnThisDevice()
    {
        var pane = Render("granted");

        await pane.Find("#hide-previews").ChangeAsync(new() { Value = true });
        await pane.Find("#hide-previews").ChangeAsync(new() { Value = false });

        Assert.Equal(["on", null], Stored("hutong.notifications.hidePreviews"));
    }
}
