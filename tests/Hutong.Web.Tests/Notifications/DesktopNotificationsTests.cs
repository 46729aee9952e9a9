using Bunit;
using Hutong.Contracts.Chat;
using Hutong.Web.Notifications;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Notifications;

/// <summary>What reaches the browser: notifications only when the person turned them on and the browser allows them, and a click opens the chat.</summary>
public sealed class DesktopNotificationsTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public DesktopNotificationsTests()
    {
        _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon), Sample.People(("u-lin", "Lin")));
        _context.JSInterop.Setup<bool>("hutong.visible").SetResult(false);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static readonly ConversationSummary Lin = new("c-lin", ConversationKinds.Direct, "Lin", 4, 4, 0, false, false, null, "u-lin", 2);

    private async Task<DesktopNotifications> StartAsync(string? stored, string permission)
    {
        _context.JSInterop.Setup<string?>("hutong.get", "hutong.notifications").SetResult(stored);
        _context.JSInterop.Setup<string?>("hutong.notificationPermission").SetResult(permission);
        var notifications = _context.Services.GetRequiredService<DesktopNotifications>();
        await notifications.InitializeAsync();
        return notifications;
    }

    private IReadOnlyList<object?[]> Shown() => [.. _context.JSInterop.Invocations["hutong.notify"].Select(i => i.Arguments.Take(3).ToArray())];

    [Fact]
    public async Task Message_TurnedOnAndAllowed_ShowsANotificationTaggedWithItsChat()
    {
        var notifications = await StartAsync(stored: "on", permission: "granted");

        await notifications.OnMessageAsync("c-lin", Sample.Text(5, "tea at four?"), Lin, "u-me");

        Assert.Equal(["Lin", "tea at four?", "c-lin"], Assert.Single(Shown()));
    }

    [Theory]
    [InlineData(null, "granted")]
    [InlineData("on", "denied")]
    [InlineData("on", "default")]
    [InlineData("on", null)]
    public async Task Message_NotTurnedOnOrNotAllowed_ShowsNothingAndAsksNothing(string? stored, string? permission)
    {
        var notifications = await StartAsync(stored, permission!);

        await notifications.OnMessageAsync("c-lin", Sample.Text(5), Lin, "u-me");

        Assert.Empty(Shown());
        Assert.Empty(_context.JSInterop.Invocations["hutong.requestNotificationPermission"]);
    }

    [Fact]
    public async Task Open_AClickedNotification_OpensItsChat()
    {
        var notifications = await StartAsync(stored: "on", permission: "granted");

        notifications.Open("c-lin");

        Assert.EndsWith("/chats/c-lin", _context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
