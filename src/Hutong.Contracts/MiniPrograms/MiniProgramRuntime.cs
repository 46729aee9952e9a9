namespace Hutong.Contracts.MiniPrograms;

/// <summary>The answer to <c>wx.login</c>: a code for the developer's server to exchange at <c>/sns/jscode2session</c>.</summary>
public sealed record MiniProgramLoginCode(string Code);

/// <summary>
/// A person's storage at a mini-program (<c>wx.setStorage</c> and friends): each value as the runtime serialised it,
/// and the bytes used of the limit (keys and values in UTF-8).
/// </summary>
public sealed record MiniProgramStorage(IReadOnlyDictionary<string, string> Items, long Size, long Limit);

public sealed record SetStorageItemRequest(string Key, string Value);

public sealed record RemoveStorageItemRequest(string Key);

/// <summary>
/// A <c>wx.request</c> (also <c>uploadFile</c> and <c>downloadFile</c>) for the server to make: the body as text, or
/// as base64 when <see cref="DataIsBase64"/>; <see cref="Timeout"/> in milliseconds, at most 60,000.
/// </summary>
public sealed record ProxyRequest(
    string Url,
    string? Method = null,
    IReadOnlyDictionary<string, string>? Header = null,
    string? Data = null,
    bool DataIsBase64 = false,
    int? Timeout = null);

/// <summary>What the developer's server answered, whatever its status: the body as text when it is UTF-8, else base64.</summary>
public sealed record ProxyResponse(int StatusCode, IReadOnlyDictionary<string, string> Header, string Data, bool DataIsBase64);

/// <summary>A subscribe-message template of a mini-program, as the consent dialog shows it.</summary>
public sealed record SubscribeTemplateInfo(string TemplateId, string Title, IReadOnlyList<string> Fields);

public sealed record SubscribeTemplateList(IReadOnlyList<SubscribeTemplateInfo> Templates);

/// <summary>
/// The person's answer to <c>wx.requestSubscribeMessage</c>, from a tap: each accepted template lets the app send them
/// one message; a rejected one, none.
/// </summary>
public sealed record SubscribeMessagesRequest(IReadOnlyList<string> Accepted, IReadOnlyList<string> Rejected);

/// <summary>Per template id, WeChat's answer: <c>accept</c>, <c>reject</c>, or <c>ban</c> (not a template of this app).</summary>
public sealed record SubscribeMessagesResponse(IReadOnlyDictionary<string, string> Results);

/// <summary>
/// A message a mini-program sent the person with their consent (<c>message/subscribe/send</c>), in their service
/// notices: the template's title, its fields in order, and the page it opens (<c>pages/x/x?id=1</c>), if any.
/// </summary>
public sealed record ServiceNotice(
    string Id,
    string AppId,
    string AppName,
    string? IconUrl,
    string Title,
    IReadOnlyList<ServiceNoticeField> Fields,
    string? Page,
    DateTimeOffset At);

public sealed record ServiceNoticeField(string Name, string Value);

public sealed record ServiceNoticeList(IReadOnlyList<ServiceNotice> Notices);
