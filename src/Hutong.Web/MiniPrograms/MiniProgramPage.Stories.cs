using System.Text.Json.Nodes;
using Microsoft.JSInterop;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// What a story (a mini-game of kind story, on the runtime's story host) adds to the page: the player's words. Its
/// endings found and the friends' board go through the hosted data services games use (MiniProgramPage.Games.cs).
/// </summary>
public sealed partial class MiniProgramPage
{
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
}
