namespace Hutong.Web.Localization;

/// <summary>The words of mini-programs: opening one, its capsule and consent dialogs, cards, Discover and review.</summary>
public sealed class MiniProgramStrings
{
    public required string MiniPrograms { get; init; }
    public required string MiniProgram { get; init; }
    public required string KindMiniProgram { get; init; }
    public required string Opening { get; init; }
    public required string CannotOpen { get; init; }
    public required string CodeExpired { get; init; }
    public required string More { get; init; }
    public required string CloseMiniProgram { get; init; }
    public required string GameStopped { get; init; }
    public required string GameStoppedDetail { get; init; }
    public required string RestartGame { get; init; }
    public required string Leaderboard { get; init; }
    public required string Refreshing { get; init; }
    public required string Actions { get; init; }
    public required string Confirm { get; init; }
    public required string Input { get; init; }
    public required string ImagePreview { get; init; }
    public required string Share { get; init; }
    public required string CopyLink { get; init; }
    public required string LinkCopied { get; init; }
    public required string Copied { get; init; }
    public required string About { get; init; }
    public required string Develop { get; init; }
    public required string Trial { get; init; }
    public required Func<string, string> SharedTo { get; init; }
    public required string ShareToChat { get; init; }
    public required string ShareToMoments { get; init; }
    public required string Report { get; init; }
    public required string ReportReason { get; init; }
    public required string Reported { get; init; }
    public required string Allow { get; init; }
    public required string Deny { get; init; }
    public required string Ok { get; init; }
    public required string ProfileTitle { get; init; }
    public required string LocationTitle { get; init; }
    public required string LocationText { get; init; }
    public required string SubscribeTitle { get; init; }
    public required string SubscribeText { get; init; }
    public required string NoTemplates { get; init; }
    public required string ScanTitle { get; init; }
    public required string Search { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchResults { get; init; }
    public required string NoResults { get; init; }
    public required string RecentlyUsed { get; init; }
    public required string NoneRecently { get; init; }
    public required string ServiceNotices { get; init; }
    public required string NoNotices { get; init; }
    public required string DiscoverHint { get; init; }
    public required string ReviewVersions { get; init; }
    public required string ReviewVersionsHint { get; init; }
    public required string NoVersionsToReview { get; init; }
    public required string Open { get; init; }
    public required string RejectVersionReasonHint { get; init; }
    public required Func<string, string> WouldLikeProfile { get; init; }
    public required Func<string, string> WouldLikeLocation { get; init; }
    public required Func<string, string> WouldLikeToNotify { get; init; }
    public required Func<string, string, string> VersionTag { get; init; }
    public required Func<string, string> SubmittedAt { get; init; }
    public required Func<string, string, string> OpenNamed { get; init; }
    public required Func<string, string, string> ApproveNamed { get; init; }
    public required Func<string, string, string> RejectNamed { get; init; }
    public required Func<string, string, string> Approved { get; init; }
    public required Func<string, string, string> Rejected { get; init; }

    public static MiniProgramStrings English { get; } = new()
    {
        MiniPrograms = "Mini Programs",
        MiniProgram = "Mini Program",
        KindMiniProgram = "[Mini Program]",
        Opening = "Opening the mini-program…",
        CannotOpen = "This mini-program cannot be opened",
        CodeExpired = "This mini-program was open too long: close it and open it again.",
        More = "More",
        CloseMiniProgram = "Close mini-program",
        GameStopped = "The game stopped responding",
        GameStoppedDetail = "It was stopped so that the rest of Hutong keeps working.",
        RestartGame = "Restart",
        Leaderboard = "Leaderboard",
        Refreshing = "Refreshing…",
        Actions = "Actions",
        Confirm = "OK",
        Input = "Input",
        ImagePreview = "Image preview",
        Share = "Share to a chat",
        CopyLink = "Copy link",
        LinkCopied = "Link copied.",
        Copied = "Copied.",
        About = "About",
        Develop = "Develop",
        Trial = "Trial",
        SharedTo = chat => $"Shared to {chat}.",
        ShareToChat = "Share to a chat",
        ShareToMoments = "Share to Moments",
        Report = "Report",
        ReportReason = "Something wrong with it? Tell the operators what",
        Reported = "Reported. Thank you: the operators will look at it.",
        Allow = "Allow",
        Deny = "Deny",
        Ok = "OK",
        ProfileTitle = "Your name and photo",
        LocationTitle = "Your location",
        LocationText = "Your browser may ask too. The mini-program learns where you are now, not where you go later.",
        SubscribeTitle = "Messages from the mini-program",
        SubscribeText = "Each one you allow lets it send you one message of that kind.",
        NoTemplates = "This mini-program has no such messages.",
        ScanTitle = "Scan for the mini-program",
        Search = "Search",
        SearchLabel = "Search mini-programs",
        SearchResults = "Search results",
        NoResults = "No mini-program by that name.",
        RecentlyUsed = "Recently used",
        NoneRecently = "Mini-programs you open show here.",
        ServiceNotices = "Service notices",
        NoNotices = "Messages you allow a mini-program to send you show here.",
        DiscoverHint = "Find a mini-program by name, or open one from a card, a code or a link.",
        ReviewVersions = "Mini-program versions",
        ReviewVersionsHint = "Open a version to try it, then approve it (its team may release it) or send it back with a reason.",
        NoVersionsToReview = "No mini-program version is waiting.",
        Open = "Open",
        RejectVersionReasonHint = "The team reads this: say what to change.",
        WouldLikeProfile = app => $"{app} would like your name and avatar",
        WouldLikeLocation = app => $"{app} would like your location",
        WouldLikeToNotify = app => $"{app} would like to send you messages",
        VersionTag = (env, version) => $"{env} {version}",
        SubmittedAt = when => $"submitted {when}",
        OpenNamed = (app, version) => $"Open {app} {version}",
        ApproveNamed = (app, version) => $"Approve {app} {version}",
        RejectNamed = (app, version) => $"Reject {app} {version}",
        Approved = (app, version) => $"{app} {version} was approved.",
        Rejected = (app, version) => $"{app} {version} was sent back.",
    };

    public static MiniProgramStrings Chinese { get; } = new()
    {
        MiniPrograms = "小程序",
        MiniProgram = "小程序",
        KindMiniProgram = "[小程序]",
        Opening = "正在打开小程序…",
        CannotOpen = "无法打开这个小程序",
        CodeExpired = "小程序打开太久了：请关闭后重新打开。",
        More = "更多",
        CloseMiniProgram = "关闭小程序",
        GameStopped = "游戏无响应",
        GameStoppedDetail = "已停止这个游戏，以免影响 Hutong 的其他功能。",
        RestartGame = "重新开始",
        Leaderboard = "排行榜",
        Refreshing = "正在刷新…",
        Actions = "操作",
        Confirm = "确定",
        Input = "输入",
        ImagePreview = "图片预览",
        Share = "转发给朋友",
        CopyLink = "复制链接",
        LinkCopied = "链接已复制。",
        Copied = "已复制。",
        About = "关于",
        Develop = "开发版",
        Trial = "体验版",
        SharedTo = chat => $"已转发给 {chat}。",
        ShareToChat = "转发到聊天",
        ShareToMoments = "分享到朋友圈",
        Report = "举报",
        ReportReason = "有问题？告诉运营者是什么问题",
        Reported = "已举报，谢谢：运营者会处理。",
        Allow = "允许",
        Deny = "拒绝",
        Ok = "知道了",
        ProfileTitle = "你的名字和头像",
        LocationTitle = "你的位置",
        LocationText = "浏览器可能也会询问。小程序只会知道你现在的位置，不会跟踪你之后去哪里。",
        SubscribeTitle = "小程序的消息",
        SubscribeText = "每允许一项，它可以给你发送一条该类消息。",
        NoTemplates = "这个小程序没有这些消息。",
        ScanTitle = "为小程序扫码",
        Search = "搜索",
        SearchLabel = "搜索小程序",
        SearchResults = "搜索结果",
        NoResults = "没有这个名字的小程序。",
        RecentlyUsed = "最近使用",
        NoneRecently = "打开过的小程序会显示在这里。",
        ServiceNotices = "服务通知",
        NoNotices = "你允许小程序发给你的消息会显示在这里。",
        DiscoverHint = "按名字搜索小程序，或从卡片、二维码、链接打开。",
        ReviewVersions = "小程序版本",
        ReviewVersionsHint = "打开版本试用，然后通过（团队可以发布），或写明原因退回。",
        NoVersionsToReview = "没有等待审核的小程序版本。",
        Open = "打开",
        RejectVersionReasonHint = "团队会看到：请说明需要修改什么。",
        WouldLikeProfile = app => $"{app}申请获取你的昵称和头像",
        WouldLikeLocation = app => $"{app}申请获取你的位置",
        WouldLikeToNotify = app => $"{app}申请向你发送消息",
        VersionTag = (env, version) => $"{env} {version}",
        SubmittedAt = when => $"提交于 {when}",
        OpenNamed = (app, version) => $"打开 {app} {version}",
        ApproveNamed = (app, version) => $"通过 {app} {version}",
        RejectNamed = (app, version) => $"退回 {app} {version}",
        Approved = (app, version) => $"{app} {version} 已通过。",
        Rejected = (app, version) => $"{app} {version} 已退回。",
    };
}
