using Hutong.Contracts.Chat;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Hutong.Web.Notifications;

/// <summary>
/// Desktop notifications of new messages while the tab is hidden: only when the person turned them on on this device
/// (local storage, like the language) and the browser allows them. The browser is asked only from the person's click on
/// the switch in Me → Settings, never on load.
/// </summary>
public sealed class DesktopNotifications(Browser browser, Texts texts, People people, NavigationManager navigation) : IDisposable
{
    private const string EnabledKey = "hutong.notifications";
    private const string HidePreviewsKey = "hutong.notifications.hidePreviews";

    private DotNetObjectReference<DesktopNotifications>? _self;

    /// <summary>The person turned notifications on on this device.</summary>
    public bool Enabled { get; private set; }

    /// <summary>Notifications say only "New message", without sender or content.</summary>
    public bool HidePreviews { get; private set; }

    public NotificationAccess Access { get; private set; }

    /// <summary>Turned on here and allowed by the browser.</summary>
    public bool On => Enabled && Access == NotificationAccess.Granted;

    public async Task InitializeAsync()
    {
        Enabled = await browser.GetAsync(EnabledKey) == "on";
        HidePreviews = await browser.GetAsync(HidePreviewsKey) == "on";
        await RefreshAccessAsync();
    }

    /// <summary>Reads the browser's permission again: the person may have changed it in the site's settings meanwhile.</summary>
    public async Task RefreshAccessAsync() => Access = await browser.NotificationPermissionAsync();

    /// <summary>
    /// Asks the browser, then turns notifications on if it allows them. Call it only from the person's click: browsers
    /// ignore (or hold against the site) a request that no gesture made.
    /// </summary>
    public async Task TurnOnAsync()
    {
        Access = await browser.RequestNotificationPermissionAsync();
        await SetEnabledAsync(Access == NotificationAccess.Granted);
    }

    public Task TurnOffAsync() => SetEnabledAsync(false);

    public async Task SetHidePreviewsAsync(bool hide)
    {
        HidePreviews = hide;
        await browser.SetAsync(HidePreviewsKey, hide ? "on" : null);
    }

    /// <summary>
    /// A message arrived: shows a notification when <see cref="NotificationRule"/> says so. <paramref name="chat"/> is the
    /// chats list's row before the message, or null when the list does not hold the chat yet.
    /// </summary>
    public async Task OnMessageAsync(string conversationId, MessageInfo message, ConversationSummary? chat, string myUserId)
    {
        if (!On)
        {
            return;
        }

        var visible = await browser.IsVisibleAsync();
        if (NotificationRule.Decide(conversationId, message, chat, myUserId, visible, HidePreviews, people, texts.S) is { } notification)
        {
            _self ??= DotNetObjectReference.Create(this);
            await browser.NotifyAsync(notification.Title, notification.Body, notification.ConversationId, _self);
        }
    }

    /// <summary>
    /// Something other than a chat message arrived (an official account's message): <paramref name="decide"/> says,
    /// from whether the page is on screen and whether previews are hidden, what to show, if anything.
    /// </summary>
    public async Task OnOtherAsync(Func<bool, bool, DesktopNotification?> decide)
    {
        if (!On)
        {
            return;
        }

        if (decide(await browser.IsVisibleAsync(), HidePreviews) is { } notification)
        {
            _self ??= DotNetObjectReference.Create(this);
            await browser.NotifyAsync(notification.Title, notification.Body, notification.ConversationId, _self);
        }
    }

    /// <summary>
    /// The person clicked a notification (the page has already taken the focus): its chat opens, or the page it names
    /// (a tag that starts with '/').
    /// </summary>
    [JSInvokable]
    public void Open(string conversationId) =>
        navigation.NavigateTo(conversationId.StartsWith('/') ? conversationId[1..] : "chats/" + Uri.EscapeDataString(conversationId));

    public void Dispose() => _self?.Dispose();

    private async Task SetEnabledAsync(bool enabled)
    {
        Enabled = enabled;
        await browser.SetAsync(EnabledKey, enabled ? "on" : null);
    }
}
