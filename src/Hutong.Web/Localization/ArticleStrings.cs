using System.Globalization;

namespace Hutong.Web.Localization;

/// <summary>The words of official accounts' articles: writing them in the studio, reading, liking and sharing them.</summary>
public sealed class ArticleStrings
{
    // The studio's Articles tab and its editor.
    public required string Articles { get; init; }
    public required string ArticlesHint { get; init; }
    public required string NoArticlesYet { get; init; }
    public required string NewArticle { get; init; }
    public required string EditArticle { get; init; }
    public required string AllArticles { get; init; }
    public required string Draft { get; init; }
    public required string Edit { get; init; }
    public required string Read { get; init; }
    public required string More { get; init; }
    public required string Title { get; init; }
    public required string TitleHint { get; init; }
    public required string Author { get; init; }
    public required string Digest { get; init; }
    public required string DigestHint { get; init; }
    public required string Cover { get; init; }
    public required string CoverHint { get; init; }
    public required string ChooseCover { get; init; }
    public required string ChangeCover { get; init; }
    public required string RemoveCover { get; init; }
    public required string OriginalLink { get; init; }
    public required string OriginalLinkHint { get; init; }
    public required string Body { get; init; }
    public required string BodyHint { get; init; }
    public required string Formatting { get; init; }
    public required string Bold { get; init; }
    public required string Italic { get; init; }
    public required string Heading { get; init; }
    public required string Quote { get; init; }
    public required string BulletedList { get; init; }
    public required string NumberedList { get; init; }
    public required string Link { get; init; }
    public required string InsertImage { get; init; }
    public required string LinkAddress { get; init; }
    public required string ApplyLink { get; init; }
    public required string RemoveLink { get; init; }
    public required string LinkInvalid { get; init; }
    public required string SaveDraft { get; init; }
    public required string DraftSaved { get; init; }
    public required string Preview { get; init; }
    public required string PreviewHint { get; init; }
    public required string PreviewNote { get; init; }
    public required string PreviewShown { get; init; }
    public required string PublishedEditHint { get; init; }
    public required string DeleteDraft { get; init; }
    public required string DeleteDraftTitle { get; init; }
    public required string DeleteDraftHint { get; init; }
    public required string FixFields { get; init; }
    public required string LeaveTitle { get; init; }
    public required string LeaveHint { get; init; }
    public required string KeepEditing { get; init; }
    public required string Leave { get; init; }
    public required string PickArticles { get; init; }
    public required string PickArticlesHint { get; init; }

    // Reading and sharing.
    public required string Article { get; init; }
    public required string PublishedArticles { get; init; }
    public required string NoPublishedArticles { get; init; }
    public required string ReadOriginal { get; init; }
    public required string Like { get; init; }
    public required string ShareToChat { get; init; }
    public required string ShareToMoments { get; init; }
    public required string SharedToMoments { get; init; }
    public required string CopyLink { get; init; }
    public required string LinkCopied { get; init; }
    public required string FindChat { get; init; }
    public required string Chats { get; init; }
    public required string NoChatsToShare { get; init; }

    /// <summary>Read before a chat's name on its button when sharing.</summary>
    public required string SendTo { get; init; }

    public required Func<string, string> PublishedOn { get; init; }
    public required Func<long, string> Reads { get; init; }
    public required Func<long, string> Likes { get; init; }
    public required Func<string, string> EditNamed { get; init; }
    public required Func<string, string> ReadNamed { get; init; }
    public required Func<string, string> SharedTo { get; init; }

    public static ArticleStrings English { get; } = new()
    {
        Articles = "Articles",
        ArticlesHint = "Write articles here and keep them as drafts; a broadcast (the Broadcast tab) publishes them to your followers.",
        NoArticlesYet = "No articles yet.",
        NewArticle = "New article",
        EditArticle = "Edit article",
        AllArticles = "All articles",
        Draft = "Draft",
        Edit = "Edit",
        Read = "Read",
        More = "More",
        Title = "Title",
        TitleHint = "Up to 64 characters on one line.",
        Author = "Author",
        Digest = "Digest",
        DigestHint = "Shown under the title in news cards. Left as it is, it is the body's first words.",
        Cover = "Cover",
        CoverHint = "An image shown large at the top of the broadcast and the article.",
        ChooseCover = "Choose a cover",
        ChangeCover = "Change cover",
        RemoveCover = "Remove cover",
        OriginalLink = "Original link",
        OriginalLinkHint = "Optional: an http or https address, shown as “Read the original”.",
        Body = "Body",
        BodyHint = "Bold Ctrl+B, italic Ctrl+I, link Ctrl+K; Alt+F10 goes to the toolbar. Pasted text keeps only simple formatting.",
        Formatting = "Formatting",
        Bold = "Bold",
        Italic = "Italic",
        Heading = "Heading",
        Quote = "Quote",
        BulletedList = "Bulleted list",
        NumberedList = "Numbered list",
        Link = "Link",
        InsertImage = "Insert an image",
        LinkAddress = "Link address",
        ApplyLink = "Apply link",
        RemoveLink = "Remove link",
        LinkInvalid = "A link is an http, https or mailto address.",
        SaveDraft = "Save draft",
        DraftSaved = "Draft saved.",
        Preview = "Preview",
        PreviewHint = "Previewing saves the article. This is the body as Hutong keeps it, made safe: what readers will see.",
        PreviewNote = "A preview sent to you: not published yet, so only you can read it.",
        PreviewShown = "Saved. The preview is below.",
        PublishedEditHint = "Changes you save show to readers at once.",
        DeleteDraft = "Delete draft",
        DeleteDraftTitle = "Delete this draft?",
        DeleteDraftHint = "It is gone for good. Published articles cannot be deleted.",
        FixFields = "Some fields need a change: see below each.",
        LeaveTitle = "Leave without saving?",
        LeaveHint = "What you changed since the last save will be lost.",
        KeepEditing = "Keep editing",
        Leave = "Leave",
        PickArticles = "Articles to send",
        PickArticlesHint = "Pick 1 to 8: the first you pick shows large. Sending publishes them.",
        Article = "Article",
        PublishedArticles = "Articles",
        NoPublishedArticles = "Nothing published yet.",
        ReadOriginal = "Read the original",
        Like = "Like",
        ShareToChat = "Share to a chat",
        ShareToMoments = "Share to Moments",
        SharedToMoments = "Shared to Moments.",
        CopyLink = "Copy link",
        LinkCopied = "Link copied: anyone can open it, signed in or not.",
        FindChat = "Find a chat",
        Chats = "Chats",
        NoChatsToShare = "No chats to share to.",
        SendTo = "Send to",
        PublishedOn = when => $"Published {when}",
        Reads = n => string.Create(CultureInfo.InvariantCulture, $"Reads {n:N0}"),
        Likes = n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? "like" : "likes")}"),
        EditNamed = title => $"Edit {title}",
        ReadNamed = title => $"Read {title}",
        SharedTo = name => $"Shared to {name}.",
    };

    public static ArticleStrings Chinese { get; } = new()
    {
        Articles = "图文",
        ArticlesHint = "在这里写图文并存为草稿；群发（“群发”标签页）会把它们发表给关注者。",
        NoArticlesYet = "还没有图文。",
        NewArticle = "新建图文",
        EditArticle = "编辑图文",
        AllArticles = "全部图文",
        Draft = "草稿",
        Edit = "编辑",
        Read = "阅读",
        More = "更多",
        Title = "标题",
        TitleHint = "一行，最多 64 个字。",
        Author = "作者",
        Digest = "摘要",
        DigestHint = "在图文卡片的标题下显示。不修改时取正文开头的文字。",
        Cover = "封面",
        CoverHint = "在群发消息和文章顶部大图显示。",
        ChooseCover = "选择封面",
        ChangeCover = "更换封面",
        RemoveCover = "移除封面",
        OriginalLink = "原文链接",
        OriginalLinkHint = "可不填：http 或 https 地址，显示为“阅读原文”。",
        Body = "正文",
        BodyHint = "加粗 Ctrl+B，斜体 Ctrl+I，链接 Ctrl+K；Alt+F10 转到工具栏。粘贴的内容只保留简单格式。",
        Formatting = "格式",
        Bold = "加粗",
        Italic = "斜体",
        Heading = "标题格式",
        Quote = "引用",
        BulletedList = "无序列表",
        NumberedList = "有序列表",
        Link = "链接",
        InsertImage = "插入图片",
        LinkAddress = "链接地址",
        ApplyLink = "添加链接",
        RemoveLink = "移除链接",
        LinkInvalid = "链接须为 http、https 或 mailto 地址。",
        SaveDraft = "保存草稿",
        DraftSaved = "草稿已保存。",
        Preview = "预览",
        PreviewHint = "预览会保存图文。下面是胡同保存并做过安全处理的正文，读者看到的就是这样。",
        PreviewNote = "这是发给你的预览：尚未发表，只有你能看到。",
        PreviewShown = "已保存，预览见下方。",
        PublishedEditHint = "保存的修改会立即对读者生效。",
        DeleteDraft = "删除草稿",
        DeleteDraftTitle = "删除这篇草稿？",
        DeleteDraftHint = "删除后无法恢复。已发表的图文不能删除。",
        FixFields = "有些内容需要修改，请看各项下方的说明。",
        LeaveTitle = "不保存就离开？",
        LeaveHint = "上次保存之后的修改将会丢失。",
        KeepEditing = "继续编辑",
        Leave = "离开",
        PickArticles = "要发送的图文",
        PickArticlesHint = "选择 1 到 8 篇：先选的大图显示。发送即发表。",
        Article = "文章",
        PublishedArticles = "历史文章",
        NoPublishedArticles = "还没有发表过文章。",
        ReadOriginal = "阅读原文",
        Like = "赞",
        ShareToChat = "分享到聊天",
        ShareToMoments = "分享到朋友圈",
        SharedToMoments = "已分享到朋友圈。",
        CopyLink = "复制链接",
        LinkCopied = "链接已复制：无论是否登录，任何人都能打开。",
        FindChat = "查找聊天",
        Chats = "聊天",
        NoChatsToShare = "没有可以分享的聊天。",
        SendTo = "发送给",
        PublishedOn = when => $"发表于 {when}",
        Reads = n => string.Create(CultureInfo.InvariantCulture, $"阅读 {n:N0}"),
        Likes = n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} 个赞"),
        EditNamed = title => $"编辑《{title}》",
        ReadNamed = title => $"阅读《{title}》",
        SharedTo = name => $"已分享给{name}。",
    };
}
