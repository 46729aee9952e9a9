using System.Security.Cryptography;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Protocol;
using Hutong.OfficialAccounts.Threads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Menus;

/// <summary>
/// The account's custom menu: its admins edit it (here or through the app API: the same menu), its followers see it
/// under the thread and use it. A click opens the event window and goes to the developer's server as a CLICK push, or
/// without developer mode is answered with the item's reply; a link is told to the developer as a VIEW push.
/// </summary>
internal sealed class MenuService(
    IMenuStore store,
    OfficialAccountService accounts,
    IFollowerStore followers,
    IThreadStore threads,
    AccountReplies replies,
    IDeveloperSettingsStore developer,
    WebhookDispatcher webhooks,
    IOptions<OfficialAccountsOptions> options,
    ILogger<MenuService> logger,
    TimeProvider clock)
{
    public static readonly Error NoItem = Error.NotFound(ErrorCodes.MenuItemNotFound, "The account's menu has no such item.");

    private static readonly AccountMenu Empty = new([]);

    /// <summary>The menu for its admins (with click replies) and its followers (without); an empty menu when it has none.</summary>
    public async Task<Result<AccountMenu>> GetAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialAccountService.NotFound;
        }

        var admin = account.IsAdmin(me);
        if (!admin && await followers.FindAsync(accountId, me, cancellationToken) is not { Following: true })
        {
            return FollowService.NotFollowing;
        }

        if (await store.FindAsync(accountId, cancellationToken) is not { } menu)
        {
            return Empty;
        }

        return new AccountMenu(admin ? menu.Buttons : [.. menu.Buttons.Select(WithoutReplies)]);
    }

    public async Task<Result<AccountMenu>> SaveAsync(Guid me, Guid accountId, AccountMenu request, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var (buttons, problems) = MenuRules.Check(request.Buttons, options.Value.MaxMessageText);
        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(problem.Field, problem.Message);
            }

            return errors.ToError();
        }

        await KeepAsync(accountId, buttons, keepReplies: false, cancellationToken);
        return new AccountMenu(buttons);
    }

    public async Task<Result<Done>> DeleteAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        await store.RemoveAsync(accountId, cancellationToken);
        return Done.Value;
    }

    /// <summary>A follower used an item of the menu as it is now: a click by its key, a link by its URL.</summary>
    public async Task<Result<Done>> ClickAsync(Guid me, Guid accountId, MenuClickRequest request, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialAccountService.NotFound;
        }

        if (await followers.FindAsync(accountId, me, cancellationToken) is not { Following: true } follower)
        {
            return FollowService.NotFollowing;
        }

        var menu = await store.FindAsync(accountId, cancellationToken);
        if (menu?.Find(request) is not { } item)
        {
            return NoItem;
        }

        var click = item.Kind == MenuButtonKinds.Click;
        if (click)
        {
            await threads.OpenWindowAsync(accountId, me, WindowKinds.Event, clock.GetUtcNow() + options.Value.EventWindow, options.Value.EventWindowAllowance, cancellationToken);
        }

        if (await developer.FindAsync(accountId, cancellationToken) is { } server)
        {
            PushMessage push = click
                ? new ClickEvent(account.OriginalId, follower.OpenId, clock.GetUtcNow(), item.Key!)
                : new ViewEvent(account.OriginalId, follower.OpenId, clock.GetUtcNow(), item.Url!, menu.MenuId);
            _ = PushAsync(account, server, follower, push);
        }
        else if (click && item.Reply is { } reply)
        {
            await replies.ReplyAsync(account, me, new TextContent(reply), inWindow: false, cancellationToken);
        }

        return Done.Value;
    }

    /// <summary>The menu as the app API reads it.</summary>
    internal Task<SavedMenu?> FindAsync(Guid accountId, CancellationToken cancellationToken) => store.FindAsync(accountId, cancellationToken);

    /// <summary>
    /// Keeps a checked menu. WeChat's menus carry no replies, so a click item saved through the app API keeps the reply
    /// the studio gave the same key.
    /// </summary>
    internal async Task KeepAsync(Guid accountId, IReadOnlyList<MenuButton> buttons, bool keepReplies, CancellationToken cancellationToken)
    {
        if (keepReplies && await store.FindAsync(accountId, cancellationToken) is { } old)
        {
            var byKey = old.Items.Where(i => i is { Kind: MenuButtonKinds.Click, Reply: not null }).GroupBy(i => i.Key!).ToDictionary(g => g.Key, g => g.First().Reply);
            MenuButton Keep(MenuButton b) => b.Kind == MenuButtonKinds.Click && b.Reply is null && byKey.TryGetValue(b.Key!, out var reply) ? b with { Reply = reply } : b;
            buttons = [.. buttons.Select(b => b.SubButtons is { } items ? b with { SubButtons = [.. items.Select(Keep)] } : Keep(b))];
        }

        await store.SaveAsync(new SavedMenu(accountId, buttons, RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue), clock.GetUtcNow()), cancellationToken);
    }

    internal Task<bool> RemoveAsync(Guid accountId, CancellationToken cancellationToken) => store.RemoveAsync(accountId, cancellationToken);

    private static MenuButton WithoutReplies(MenuButton button) =>
        button with { Reply = null, SubButtons = button.SubButtons is { } items ? [.. items.Select(i => i with { Reply = null })] : null };

    private async Task PushAsync(OfficialAccount account, DeveloperSettings server, Follower follower, PushMessage push)
    {
        // Off the follower's request: the developer's server may take seconds, and its answer comes as an event.
        await Task.Yield();
        try
        {
            await webhooks.AnswerAsync(account, server, follower, push, CancellationToken.None);
        }
        catch (Exception e)
        {
            OfficialAccountsLog.MenuPushFailed(logger, account.Id, e);
        }
    }
}
