namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// An account's custom menu: 1 to 3 buttons under its thread. WeChat's shape, so the studio and the app API edit the same
/// menu: a button is a leaf with a <see cref="MenuButton.Kind"/>, or a parent of 1 to 5 <see cref="MenuButton.SubButtons"/>.
/// </summary>
public sealed record AccountMenu(IReadOnlyList<MenuButton> Buttons);

/// <summary>
/// A menu button. A leaf has a kind and what the kind needs: <c>click</c> a <see cref="Key"/> (and, for accounts without
/// developer mode, an optional text <see cref="Reply"/>), <c>view</c> a <see cref="Url"/>, <c>miniprogram</c> an
/// <see cref="AppId"/>, a <see cref="PagePath"/> and a fallback <see cref="Url"/>. A parent has a name and
/// <see cref="SubButtons"/> only. Followers are never shown <see cref="Reply"/>.
/// </summary>
public sealed record MenuButton(
    string Name,
    string? Kind = null,
    string? Key = null,
    string? Url = null,
    string? AppId = null,
    string? PagePath = null,
    string? Reply = null,
    IReadOnlyList<MenuButton>? SubButtons = null);

/// <summary>A follower used the menu: a click item by its <see cref="Key"/>, or a view item by its <see cref="Url"/>.</summary>
public sealed record MenuClickRequest(string? Key = null, string? Url = null);

public static class MenuButtonKinds
{
    /// <summary>Tells the account (its developer server, or its configured reply) and opens the event window.</summary>
    public const string Click = "click";

    /// <summary>Opens a web page.</summary>
    public const string View = "view";

    /// <summary>Opens a mini-program at a page (<see cref="MenuButton.AppId"/>, <see cref="MenuButton.PagePath"/>) inside the client.</summary>
    public const string MiniProgram = "miniprogram";

    public static IReadOnlyList<string> All { get; } = [Click, View, MiniProgram];
}
