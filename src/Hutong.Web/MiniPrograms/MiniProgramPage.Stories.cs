using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Microsoft.JSInterop;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// What a story (a mini-game of kind story, on the runtime's story host) adds to the page: the player's words, the
/// person's endings found in their hosted data, and the friends' board of them, which the host draws itself.
/// </summary>
public sealed partial class MiniProgramPage
{
    /// <summary>The key of the endings found in a story's hosted data (story-host.js writes it).</summary>
    private const string StoryEndingsKey = "endings";

    [JSInvokable]
    public string StoryTexts()
    {
        var s = T.S.Stories;
        return new JsonObject
        {
            ["restart"] = s.Restart,
            ["board"] = s.Board,
            ["boardEmpty"] = s.BoardEmpty,
            ["close"] = M.CloseMiniProgram,
            ["ending"] = s.Ending,
            ["found"] = s.EndingsFound,
            ["shareEnding"] = s.ShareEnding,
            ["theEnd"] = s.TheEnd,
            ["missingImage"] = s.MissingImage,
            ["tooLong"] = s.TooLong,
            ["loadFailed"] = s.LoadFailed,
            ["sharedEnding"] = s.SharedEnding,
        }.ToJsonString();
    }

    /// <summary>Keeps the story's endings found (the host's JSON value) in the person's hosted data.</summary>
    [JSInvokable]
    public Task<string> SetStoryEndings(string value) => StoryAnswerAsync("setUserCloudStorage", async () =>
    {
        await Api.SetCloudStorageAsync(AppId, [new KVData(StoryEndingsKey, value)]);
        return null;
    });

    /// <summary>The person and their friends who play the story, with their endings found, for the host's board.</summary>
    [JSInvokable]
    public Task<string> GetStoryBoard() => StoryAnswerAsync("getFriendCloudStorage", async () =>
    {
        var list = await Api.GetFriendCloudStorageAsync(AppId, [StoryEndingsKey]);
        return new JsonObject
        {
            ["data"] = new JsonArray([.. list.Data.Select(p => new JsonObject
            {
                ["nickname"] = p.Nickname,
                ["avatarUrl"] = p.AvatarUrl ?? "",
                ["KVDataList"] = new JsonArray([.. p.KVDataList.Select(i => new JsonObject { ["key"] = i.Key, ["value"] = i.Value })]),
            })]),
        };
    });

    private static async Task<string> StoryAnswerAsync(string api, Func<Task<JsonObject?>> run)
    {
        try
        {
            return BridgeAnswers.Ok(await run());
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.Failed(api, e);
        }
    }
}
