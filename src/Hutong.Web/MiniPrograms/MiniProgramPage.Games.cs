using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Microsoft.JSInterop;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// What a mini-game adds to the page: the share ticket of the group card it was opened from, and its hosted data. The
/// host (game-host.js) hands the friends' and group's data to the open data context alone; this page only fetches it
/// as the person, like any other call.
/// </summary>
public sealed partial class MiniProgramPage
{
    private string? _shareTicket;

    /// <summary>Where the app was opened from (for a game) and the host's own words, for <see cref="MountJson"/>.</summary>
    internal sealed record HostMount(bool FromCard, string? ShareTicket, JsonObject? Texts);

    internal static bool IsGame(MiniProgramLaunch launch) => launch.Kind == MiniProgramKinds.Game;

    /// <summary>The runtime hosts' own words (native-ui.js, and game-host.js's) in the person's language.</summary>
    private JsonObject HostTexts() => new()
    {
        ["back"] = T.S.Back,
        ["close"] = M.CloseMiniProgram,
        ["loading"] = T.S.Loading,
        ["refreshing"] = M.Refreshing,
        ["actions"] = M.Actions,
        ["cancel"] = T.S.Cancel,
        ["ok"] = M.Confirm,
        ["input"] = M.Input,
        ["imagePreview"] = M.ImagePreview,
        ["copied"] = M.Copied,
        ["stopped"] = M.GameStopped,
        ["stoppedDetail"] = M.GameStoppedDetail,
        ["restart"] = M.RestartGame,
        ["board"] = M.Leaderboard,
    };

    /// <summary>The ticket of the card the game was opened from; none outside a group, or when the node gives none.</summary>
    private async Task<string?> ShareTicketAsync()
    {
        if (Card is not { } card)
        {
            return null;
        }

        var dot = card.LastIndexOf('.');
        if (dot <= 0 || !long.TryParse(card.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
        {
            return null;
        }

        try
        {
            return (await Api.GetShareTicketAsync(AppId, card[..dot], seq)).ShareTicket;
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // The game opens anyway, as from anywhere else: without a group's board.
            return null;
        }
    }

    [JSInvokable]
    public Task<string> SetUserCloudStorage(string itemsJson) => CloudAsync("setUserCloudStorage", async () =>
    {
        var items = JsonNode.Parse(itemsJson) is JsonArray array
            ? array.OfType<JsonObject>().Select(i => new KVData(i["key"]?.GetValue<string>() ?? "", i["value"]?.GetValue<string>() ?? "")).ToList()
            : [];
        await Api.SetCloudStorageAsync(AppId, items);
        return null;
    });

    [JSInvokable]
    public Task<string> RemoveUserCloudStorage(string keysJson) => CloudAsync("removeUserCloudStorage", async () =>
    {
        await Api.RemoveCloudStorageAsync(AppId, Keys(keysJson));
        return null;
    });

    [JSInvokable]
    public Task<string> GetUserCloudStorage(string keysJson) => CloudAsync("getUserCloudStorage", async () =>
        new JsonObject { ["KVDataList"] = Items((await Api.GetCloudStorageAsync(AppId, Keys(keysJson))).KVDataList) });

    [JSInvokable]
    public Task<string> GetUserCloudStorageKeys() => CloudAsync("getUserCloudStorageKeys", async () =>
        new JsonObject { ["keys"] = new JsonArray([.. (await Api.GetCloudStorageKeysAsync(AppId)).Keys.Select(k => JsonValue.Create(k))]) });

    [JSInvokable]
    public Task<string> GetFriendCloudStorage(string keysJson) => CloudAsync("getFriendCloudStorage", async () =>
        Players(await Api.GetFriendCloudStorageAsync(AppId, Keys(keysJson))));

    [JSInvokable]
    public Task<string> GetGroupCloudStorage(string shareTicket, string keysJson) => CloudAsync("getGroupCloudStorage", async () =>
        Players(await Api.GetGroupCloudStorageAsync(AppId, shareTicket, Keys(keysJson))));

    [JSInvokable]
    public Task<string> GetShareInfo(string shareTicket) => CloudAsync("getShareInfo", async () =>
    {
        var info = await Api.GetShareInfoAsync(AppId, shareTicket);
        return new JsonObject { ["encryptedData"] = info.EncryptedData, ["iv"] = info.Iv };
    });

    private static async Task<string> CloudAsync(string api, Func<Task<JsonObject?>> run)
    {
        try
        {
            return BridgeAnswers.Ok(await run());
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.Failed(api, e);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return BridgeAnswers.Fail($"{api}:fail parameter error");
        }
    }

    private static List<string> Keys(string keysJson) =>
        JsonNode.Parse(keysJson) is JsonArray array ? [.. array.Select(k => k?.GetValue<string>() ?? "")] : [];

    private static JsonArray Items(IEnumerable<KVData> items) =>
        new([.. items.Select(i => new JsonObject { ["key"] = i.Key, ["value"] = i.Value })]);

    private static JsonObject Players(UserGameDataList list) => new()
    {
        ["data"] = new JsonArray([.. list.Data.Select(p => new JsonObject
        {
            ["openid"] = p.OpenId,
            ["nickname"] = p.Nickname,
            ["avatarUrl"] = p.AvatarUrl ?? "",
            ["KVDataList"] = Items(p.KVDataList),
        })]),
    };
}
