using Hutong.Web.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Hutong.Web.Session;

/// <summary>The browser calls the client makes (wwwroot/hutong.js), typed.</summary>
public sealed class Browser(IJSRuntime js)
{
    public ValueTask<string?> GetAsync(string key) => js.InvokeAsync<string?>("hutong.get", key);

    public ValueTask SetAsync(string key, string? value) => js.InvokeVoidAsync("hutong.set", key, value);

    public ValueTask<string[]> LanguagesAsync() => js.InvokeAsync<string[]>("hutong.languages");

    public ValueTask SetDocumentLanguageAsync(string language) => js.InvokeVoidAsync("hutong.setLanguage", language);

    public ValueTask<int> TimeZoneOffsetMinutesAsync() => js.InvokeAsync<int>("hutong.timeZoneOffset");

    public ValueTask<bool> IsVisibleAsync() => js.InvokeAsync<bool>("hutong.visible");

    public async ValueTask<string> ObjectUrlAsync(byte[] bytes, string? contentType)
    {
        using var stream = new DotNetStreamReference(new MemoryStream(bytes));
        return await js.InvokeAsync<string>("hutong.objectUrl", stream, contentType);
    }

    public ValueTask RevokeAsync(string url) => js.InvokeVoidAsync("hutong.revoke", url);

    public ValueTask DownloadAsync(string url, string? fileName) => js.InvokeVoidAsync("hutong.download", url, fileName);

    public ValueTask FocusAsync(string selector) => js.InvokeVoidAsync("hutong.focus", selector);

    /// <summary>Puts the text on the clipboard; false when the browser does not allow it.</summary>
    public ValueTask<bool> CopyAsync(string text) => js.InvokeAsync<bool>("hutong.copy", text);

    /// <summary>Selects all of a field's text, ready to copy by hand.</summary>
    public ValueTask SelectAsync(ElementReference input) => js.InvokeVoidAsync("hutong.select", input);

    public ValueTask WatchScrollAsync<T>(ElementReference list, DotNetObjectReference<T> owner) where T : class =>
        js.InvokeVoidAsync("hutong.watchScroll", list, owner);

    public ValueTask AfterRenderAsync(ElementReference list, bool prepended) => js.InvokeVoidAsync("hutong.afterRender", list, prepended);

    public ValueTask ToBottomAsync(ElementReference list) => js.InvokeVoidAsync("hutong.toBottom", list);

    public ValueTask OnVisibleAsync<T>(DotNetObjectReference<T> owner) where T : class => js.InvokeVoidAsync("hutong.onVisible", owner);

    /// <summary>Calls <c>OnFocus()</c> on the owner whenever the window comes back to the front.</summary>
    public ValueTask OnFocusAsync<T>(DotNetObjectReference<T> owner) where T : class => js.InvokeVoidAsync("hutong.onFocus", owner);

    public ValueTask<int> CaretAsync(ElementReference input) => js.InvokeAsync<int>("hutong.caret", input);

    public ValueTask SetCaretAsync(ElementReference input, int position) => js.InvokeVoidAsync("hutong.setCaret", input, position);

    public async ValueTask<NotificationAccess> NotificationPermissionAsync() =>
        Access(await js.InvokeAsync<string?>("hutong.notificationPermission"));

    /// <summary>Shows the browser's prompt if it has not been answered: only from a click, which browsers require.</summary>
    public async ValueTask<NotificationAccess> RequestNotificationPermissionAsync() =>
        Access(await js.InvokeAsync<string?>("hutong.requestNotificationPermission"));

    /// <summary>Shows a notification, one per tag; a click on it focuses the page and calls <c>Open(tag)</c> on the owner.</summary>
    public ValueTask NotifyAsync<T>(string title, string body, string tag, DotNetObjectReference<T> owner) where T : class =>
        js.InvokeVoidAsync("hutong.notify", title, body, tag, owner);

    private static NotificationAccess Access(string? permission) => permission switch
    {
        "granted" => NotificationAccess.Granted,
        "denied" => NotificationAccess.Denied,
        "default" => NotificationAccess.Default,
        _ => NotificationAccess.Unsupported,
    };
}
