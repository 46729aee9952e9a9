namespace Hutong.Web.Localization;

/// <summary>The words of Discover → Games: games and stories found by name, played lately, and shared in chats.</summary>
public sealed class GameStrings
{
    public required string Games { get; init; }
    public required string SearchLabel { get; init; }
    public required string Search { get; init; }
    public required string SearchResults { get; init; }
    public required string NoResults { get; init; }
    public required string RecentlyPlayed { get; init; }
    public required string NoneRecently { get; init; }
    public required string SharedInChats { get; init; }
    public required string NoneShared { get; init; }
    public required string Story { get; init; }
    public required string Hint { get; init; }

    public static GameStrings English { get; } = new()
    {
        Games = "Games",
        SearchLabel = "Search games and stories",
        Search = "Search",
        SearchResults = "Results",
        NoResults = "No game or story by that name.",
        RecentlyPlayed = "Played lately",
        NoneRecently = "Games and stories you play show here.",
        SharedInChats = "Shared in your chats",
        NoneShared = "Games and stories friends share with you show here.",
        Story = "Story",
        Hint = "Small games and interactive stories that open at once, with boards among friends who play them.",
    };

    public static GameStrings Chinese { get; } = new()
    {
        Games = "游戏",
        SearchLabel = "搜索小游戏和故事",
        Search = "搜索",
        SearchResults = "搜索结果",
        NoResults = "没有这个名字的小游戏或故事。",
        RecentlyPlayed = "最近玩过",
        NoneRecently = "你玩过的小游戏和故事会显示在这里。",
        SharedInChats = "聊天中分享的",
        NoneShared = "朋友分享给你的小游戏和故事会显示在这里。",
        Story = "故事",
        Hint = "即点即玩的小游戏和互动故事，还有一起玩的朋友之间的排行榜。",
    };
}
