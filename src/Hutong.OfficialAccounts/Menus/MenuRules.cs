using System.Text;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core.Text;
using Hutong.OfficialAccounts.AppApi;

namespace Hutong.OfficialAccounts.Menus;

/// <summary>
/// WeChat's rules for a custom menu, one check for the studio and the app API: 1 to 3 buttons, each a leaf or a parent
/// of 1 to 5 items; names up to 16 bytes (a button) and 60 bytes (an item) of UTF-8, keys up to 128 bytes, URLs http
/// or https up to 1,024 bytes. Each broken rule names its field for the studio and its errcode for the app API.
/// </summary>
internal static class MenuRules
{
    public const int MaxButtons = 3;
    public const int MaxSubButtons = 5;
    public const int MaxButtonName = 16;
    public const int MaxSubButtonName = 60;
    public const int MaxKey = 128;
    public const int MaxUrl = 1024;

    /// <summary>The menu as it is kept (names cleaned, only the fields each kind uses), or what is wrong with it.</summary>
    public static (IReadOnlyList<MenuButton> Buttons, IReadOnlyList<MenuProblem> Problems) Check(IReadOnlyList<MenuButton?>? buttons, int maxReply)
    {
        var problems = new List<MenuProblem>();
        if (buttons is not { Count: >= 1 and <= MaxButtons })
        {
            problems.Add(new("buttons", $"A menu has 1 to {MaxButtons} buttons.", WeChatErrors.InvalidButtonSize));
            return ([], problems);
        }

        var kept = new List<MenuButton>(buttons.Count);
        for (var i = 0; i < buttons.Count; i++)
        {
            var field = $"buttons[{i}]";
            if (buttons[i] is not { } button)
            {
                problems.Add(new(field, "A button has a name.", WeChatErrors.InvalidButtonNameSize));
                continue;
            }

            if (button.SubButtons is not { Count: > 0 } items)
            {
                kept.Add(Leaf(button, field, sub: false, maxReply, problems));
                continue;
            }

            var name = Name(button.Name, field, MaxButtonName, WeChatErrors.InvalidButtonNameSize, problems);
            if (items.Count > MaxSubButtons)
            {
                problems.Add(new($"{field}.subButtons", $"A button has 1 to {MaxSubButtons} items.", WeChatErrors.InvalidSubButtonSize));
                continue;
            }

            var leaves = new List<MenuButton>(items.Count);
            for (var j = 0; j < items.Count; j++)
            {
                var itemField = $"{field}.subButtons[{j}]";
                if (items[j] is { } item)
                {
                    leaves.Add(Leaf(item, itemField, sub: true, maxReply, problems));
                }
                else
                {
                    problems.Add(new(itemField, "An item has a name.", WeChatErrors.InvalidSubButtonNameSize));
                }
            }

            kept.Add(new MenuButton(name, SubButtons: leaves));
        }

        return (kept, problems);
    }

    private static MenuButton Leaf(MenuButton button, string field, bool sub, int maxReply, List<MenuProblem> problems)
    {
        var name = sub
            ? Name(button.Name, field, MaxSubButtonName, WeChatErrors.InvalidSubButtonNameSize, problems)
            : Name(button.Name, field, MaxButtonName, WeChatErrors.InvalidButtonNameSize, problems);
        switch (button.Kind)
        {
            case MenuButtonKinds.Click:
                if (button.Key is not { Length: > 0 } key || Encoding.UTF8.GetByteCount(key) > MaxKey)
                {
                    problems.Add(new($"{field}.key", $"A click item has a key of 1 to {MaxKey} bytes.", sub ? WeChatErrors.InvalidSubButtonKeySize : WeChatErrors.InvalidButtonKeySize));
                }

                var reply = string.IsNullOrWhiteSpace(button.Reply) ? null : button.Reply.Trim();
                if (reply is not null && (reply.Length > maxReply || NameText.HasControlInMessage(reply)))
                {
                    problems.Add(new($"{field}.reply", $"A reply is up to {maxReply} characters.", WeChatErrors.DataFormat));
                }

                return new MenuButton(name, MenuButtonKinds.Click, Key: button.Key, Reply: reply);
            case MenuButtonKinds.View:
                Url(button.Url, field, sub, problems);
                return new MenuButton(name, MenuButtonKinds.View, Url: button.Url);
            case MenuButtonKinds.MiniProgram:
                Url(button.Url, field, sub, problems);
                if (string.IsNullOrWhiteSpace(button.AppId) || button.AppId.Length > 64)
                {
                    problems.Add(new($"{field}.appId", "A mini-program item names the mini-program's app id.", WeChatErrors.DataFormat));
                }

                if (string.IsNullOrWhiteSpace(button.PagePath) || Encoding.UTF8.GetByteCount(button.PagePath) > MaxUrl)
                {
                    problems.Add(new($"{field}.pagePath", "A mini-program item names a page of it.", WeChatErrors.DataFormat));
                }

                return new MenuButton(name, MenuButtonKinds.MiniProgram, Url: button.Url, AppId: button.AppId, PagePath: button.PagePath);
            default:
                problems.Add(new($"{field}.kind", "An item is click, view or miniprogram.", sub ? WeChatErrors.InvalidSubButtonType : WeChatErrors.InvalidButtonType));
                return button;
        }
    }

    private static string Name(string? given, string field, int maxBytes, WeChatError error, List<MenuProblem> problems)
    {
        var name = NameText.Clean(given);
        if (name.Length == 0 || NameText.IsBlank(name) || Encoding.UTF8.GetByteCount(name) > maxBytes)
        {
            problems.Add(new($"{field}.name", $"A name is 1 to {maxBytes} bytes (a Chinese character takes 3).", error));
        }

        return name;
    }

    private static void Url(string? url, string field, bool sub, List<MenuProblem> problems)
    {
        if (url is not { Length: > 0 } || Encoding.UTF8.GetByteCount(url) > MaxUrl)
        {
            problems.Add(new($"{field}.url", $"A link is 1 to {MaxUrl} bytes.", sub ? WeChatErrors.InvalidSubButtonUrlSize : WeChatErrors.InvalidButtonUrlSize));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
        {
            problems.Add(new($"{field}.url", "A link is an http or https address.", sub ? WeChatErrors.InvalidSubButtonUrlDomain : WeChatErrors.InvalidButtonUrlDomain));
        }
    }
}

/// <summary>A broken menu rule: the field (for the studio's problem) and WeChat's errcode (for the app API).</summary>
internal sealed record MenuProblem(string Field, string Message, WeChatError WeChat);
