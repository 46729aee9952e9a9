using Hutong.Contracts.OfficialAccounts;

namespace Hutong.OfficialAccounts.Menus;

/// <summary>
/// An account's one custom menu, as checked (<see cref="MenuRules"/>). <see cref="MenuId"/> is new at each save: the
/// <c>MenuId</c> of a VIEW push, as WeChat numbers its menus.
/// </summary>
public sealed record SavedMenu(Guid AccountId, IReadOnlyList<MenuButton> Buttons, long MenuId, DateTimeOffset UpdatedAt)
{
    /// <summary>The items a follower can use: the buttons without sub-buttons and the sub-buttons.</summary>
    public IEnumerable<MenuButton> Items => Buttons.SelectMany(b => b.SubButtons is { Count: > 0 } items ? items : [b]);

    /// <summary>The click item with this key, or the view item with this URL (the first, if the menu repeats one).</summary>
    public MenuButton? Find(MenuClickRequest request) => request switch
    {
        { Key: { } key } => Items.FirstOrDefault(i => i.Kind == MenuButtonKinds.Click && i.Key == key),
        { Url: { } url } => Items.FirstOrDefault(i => i.Kind == MenuButtonKinds.View && i.Url == url),
        _ => null,
    };
}

/// <summary>Custom menus of accounts. Implemented by Hutong.Storage.</summary>
public interface IMenuStore
{
    Task<SavedMenu?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Writes the account's menu in place of the one it had.</summary>
    Task SaveAsync(SavedMenu menu, CancellationToken cancellationToken);

    /// <summary>Removes the account's menu; false when it had none.</summary>
    Task<bool> RemoveAsync(Guid accountId, CancellationToken cancellationToken);
}
