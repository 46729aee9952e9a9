namespace Hutong.Web.Localization;

/// <summary>The words of the story studio (Discover → Create) and of the story player.</summary>
public sealed class StoryStrings
{
    public required string Create { get; init; }
    public required string MyStories { get; init; }
    public required string NoStories { get; init; }
    public required string NewStory { get; init; }
    public required string Blank { get; init; }
    public required string MysteryTemplate { get; init; }
    public required string TeaTemplate { get; init; }
    public required string Published { get; init; }
    public required string Draft { get; init; }
    public required Func<DateTimeOffset, string> Edited { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Cover { get; init; }
    public required string NoCover { get; init; }
    public required string Language { get; init; }
    public required string Editor { get; init; }
    public required string EditorLabel { get; init; }
    public required string Preview { get; init; }
    public required string Problems { get; init; }
    public required string NoProblems { get; init; }
    public required string Map { get; init; }
    public required string Start { get; init; }
    public required string Line { get; init; }
    public required string Error { get; init; }
    public required string Warning { get; init; }
    public required string Note { get; init; }
    public required string Unreachable { get; init; }
    public required string Insert { get; init; }
    public required string InsertChoice { get; init; }
    public required string InsertKnot { get; init; }
    public required string InsertImage { get; init; }
    public required string NewChoice { get; init; }
    public required string NewKnotText { get; init; }
    public required string Saved { get; init; }
    public required string Saving { get; init; }
    public required string Unsaved { get; init; }
    public required string Conflict { get; init; }
    public required string LoadAgain { get; init; }
    public required string Publish { get; init; }
    public required string PublishTitle { get; init; }
    public required string PublishHint { get; init; }
    public required string FixErrorsFirst { get; init; }
    public required string Publishing { get; init; }
    public required string PublishedNow { get; init; }
    public required string SentForReview { get; init; }
    public required string OpenStory { get; init; }
    public required string ShareStory { get; init; }
    public required string Delete { get; init; }
    public required string DeleteQuestion { get; init; }

    // The player's words (handed to the runtime's story host).
    public required string Restart { get; init; }
    public required string Board { get; init; }
    public required string BoardEmpty { get; init; }
    public required string Ending { get; init; }
    public required string EndingsFound { get; init; }
    public required string ShareEnding { get; init; }
    public required string TheEnd { get; init; }
    public required string MissingImage { get; init; }
    public required string TooLong { get; init; }
    public required string LoadFailed { get; init; }
    public required string SharedEnding { get; init; }

    public static StoryStrings English { get; } = new()
    {
        Create = "Create",
        MyStories = "My stories",
        NoStories = "No stories yet. Start one from a template, or from a blank page.",
        NewStory = "New story",
        Blank = "Blank page",
        MysteryTemplate = "A mystery in three rooms",
        TeaTemplate = "Choose your tea",
        Published = "Published",
        Draft = "Draft",
        Edited = at => $"Edited {at.LocalDateTime:yyyy-MM-dd HH:mm}",
        Title = "Title",
        Description = "Description",
        Cover = "Cover",
        NoCover = "No cover",
        Language = "Language of the story",
        Editor = "Story",
        EditorLabel = "Story text, in Ink",
        Preview = "Preview",
        Problems = "Errors and warnings",
        NoProblems = "No errors.",
        Map = "Knot map",
        Start = "Start",
        Line = "Line {0}",
        Error = "Error",
        Warning = "Warning",
        Note = "Note",
        Unreachable = "Nothing leads to this knot: readers never reach “{0}”.",
        Insert = "Insert",
        InsertChoice = "Choice",
        InsertKnot = "Knot",
        InsertImage = "Image",
        NewChoice = "What the reader picks",
        NewKnotText = "What happens here.",
        Saved = "Saved",
        Saving = "Saving…",
        Unsaved = "Not saved yet",
        Conflict = "This story was changed in another tab or on another device. Load it again to go on from there (copy anything you want to keep first).",
        LoadAgain = "Load again",
        Publish = "Publish",
        PublishTitle = "Publish your story",
        PublishHint = "Your story becomes a mini-game anyone can open from a card, a code or search. Publishing again makes a new version.",
        FixErrorsFirst = "Fix the errors first: a story with errors cannot be published.",
        Publishing = "Publishing…",
        PublishedNow = "Your story is published.",
        SentForReview = "This story was taken down before, so this version waits for an operator's review. It is published once approved.",
        OpenStory = "Open it",
        ShareStory = "Share it",
        Delete = "Delete draft",
        DeleteQuestion = "Delete this draft? A published story stays published.",
        Restart = "Start again",
        Board = "Endings found",
        BoardEmpty = "None of your friends has found an ending yet.",
        Ending = "Ending",
        EndingsFound = "Endings found",
        ShareEnding = "Share this ending",
        TheEnd = "The end.",
        MissingImage = "No image named",
        TooLong = "The story did not stop: it printed too many lines at once.",
        LoadFailed = "The story could not be loaded.",
        SharedEnding = "Someone who shared this story reached the ending “{0}”. Can you?",
    };

    public static StoryStrings Chinese { get; } = new()
    {
        Create = "创作",
        MyStories = "我的故事",
        NoStories = "还没有故事。从模板开始，或者从一张白纸开始。",
        NewStory = "新故事",
        Blank = "白纸",
        MysteryTemplate = "三个房间的谜案",
        TeaTemplate = "选一壶茶",
        Published = "已发布",
        Draft = "草稿",
        Edited = at => $"编辑于 {at.LocalDateTime:yyyy-MM-dd HH:mm}",
        Title = "标题",
        Description = "简介",
        Cover = "封面",
        NoCover = "无封面",
        Language = "故事的语言",
        Editor = "故事",
        EditorLabel = "故事正文（Ink）",
        Preview = "预览",
        Problems = "错误和警告",
        NoProblems = "没有错误。",
        Map = "结构图",
        Start = "开头",
        Line = "第 {0} 行",
        Error = "错误",
        Warning = "警告",
        Note = "提示",
        Unreachable = "没有任何跳转通向这里：读者永远到不了“{0}”。",
        Insert = "插入",
        InsertChoice = "选项",
        InsertKnot = "段落结",
        InsertImage = "图片",
        NewChoice = "读者的选择",
        NewKnotText = "这里发生了什么。",
        Saved = "已保存",
        Saving = "正在保存…",
        Unsaved = "尚未保存",
        Conflict = "这个故事在另一个标签页或设备上被修改了。请重新载入后继续（如需保留当前内容，请先复制）。",
        LoadAgain = "重新载入",
        Publish = "发布",
        PublishTitle = "发布你的故事",
        PublishHint = "故事会成为一个小游戏，任何人都可以通过卡片、小程序码或搜索打开。再次发布会生成新版本。",
        FixErrorsFirst = "请先改正错误：有错误的故事无法发布。",
        Publishing = "正在发布…",
        PublishedNow = "故事已发布。",
        SentForReview = "这个故事之前被下架过，所以这一版需要运营人员审核，通过后即发布。",
        OpenStory = "打开",
        ShareStory = "分享",
        Delete = "删除草稿",
        DeleteQuestion = "删除这份草稿？已发布的故事不受影响。",
        Restart = "重新开始",
        Board = "已发现的结局",
        BoardEmpty = "你的朋友还没有发现任何结局。",
        Ending = "结局",
        EndingsFound = "已发现的结局",
        ShareEnding = "分享这个结局",
        TheEnd = "完。",
        MissingImage = "找不到图片",
        TooLong = "故事停不下来：一次输出的内容太多。",
        LoadFailed = "无法载入故事。",
        SharedEnding = "分享这个故事的人到达了结局“{0}”。你也能吗？",
    };
}
