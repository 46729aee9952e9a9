using System.Text.Json.Nodes;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.OfficialAccounts.Menus;

/// <summary>
/// WeChat's custom-menu API: <c>menu/create</c> with <c>{"button": [...]}</c>, <c>menu/get</c> answering
/// <c>{"menu": {"button": [...]}}</c> (46003 when there is none), and <c>menu/delete</c>. It edits the same menu as the
/// studio; the types are click, view and miniprogram (WeChat's others are 40017).
/// </summary>
internal static class MenuAppApi
{
    public static RouteGroupBuilder MapMenuAppApi(this RouteGroupBuilder api)
    {
        api.MapPost("/menu/create", Create);
        api.MapGet("/menu/get", Get);
        api.MapGet("/menu/delete", Delete);
        return api;
    }

    private static async Task<IResult> Create(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, MenuService menus,
        IOptions<OfficialAccountsOptions> options, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var given = json!["button"] is JsonArray list ? list.Select(b => Button(b as JsonObject, sub: false)).ToList() : null;
        var (buttons, problems) = MenuRules.Check(given, options.Value.MaxMessageText);
        if (problems.Count > 0)
        {
            return Error(problems[0].WeChat);
        }

        await menus.KeepAsync(account!.Id, buttons, keepReplies: true, cancellationToken);
        return Ok();
    }

    private static async Task<IResult> Get(
        string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, MenuService menus, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (await menus.FindAsync(account!.Id, cancellationToken) is not { } menu)
        {
            return Error(WeChatErrors.MenuNoExist);
        }

        return Json(new JsonObject { ["menu"] = new JsonObject { ["button"] = new JsonArray([.. menu.Buttons.Select(Shown)]) } });
    }

    /// <summary>Deletes the menu; like WeChat's, it answers ok when there was none.</summary>
    private static async Task<IResult> Delete(
        string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, MenuService menus, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        await menus.RemoveAsync(account!.Id, cancellationToken);
        return Ok();
    }

    /// <summary>A button of WeChat's JSON; fields of the wrong JSON type count as missing, so the rules name them.</summary>
    private static MenuButton? Button(JsonObject? json, bool sub)
    {
        if (json is null)
        {
            return null;
        }

        // An item that is not an object stays in as a nameless one, so the rules refuse it by its place.
        var items = !sub && json["sub_button"] is JsonArray list ? list.Select(b => Button(b as JsonObject, sub: true)).ToList() : null;
        return new MenuButton(
            Text(json, "name") ?? "", Text(json, "type"), Text(json, "key"), Text(json, "url"), Text(json, "appid"), Text(json, "pagepath"),
            SubButtons: items is { Count: > 0 } ? [.. items.Select(i => i ?? new MenuButton(""))] : null);
    }

    /// <summary>A button as <c>menu/get</c> shows it: a leaf with its type's fields and an empty <c>sub_button</c>, or a parent.</summary>
    private static JsonNode Shown(MenuButton button)
    {
        if (button.SubButtons is { Count: > 0 } items)
        {
            return new JsonObject { ["name"] = button.Name, ["sub_button"] = new JsonArray([.. items.Select(Shown)]) };
        }

        var json = new JsonObject { ["type"] = button.Kind, ["name"] = button.Name };
        switch (button.Kind)
        {
            case MenuButtonKinds.Click:
                json["key"] = button.Key;
                break;
            case MenuButtonKinds.View:
                json["url"] = button.Url;
                break;
            default:
                json["url"] = button.Url;
                json["appid"] = button.AppId;
                json["pagepath"] = button.PagePath;
                break;
        }

        json["sub_button"] = new JsonArray();
        return json;
    }
}
