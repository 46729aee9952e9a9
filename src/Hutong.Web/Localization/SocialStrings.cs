namespace Hutong.Web.Localization;

/// <summary>The words of Moments and Status.</summary>
public sealed class SocialStrings
{
    public required string Moments { get; init; }
    public required string Status { get; init; }
    public required string MomentsMessages { get; init; }
    public required string MyMoments { get; init; }
    public required string NewPost { get; init; }
    public required string PostText { get; init; }
    public required string AddImages { get; init; }
    public required string AddVideo { get; init; }
    public required string Location { get; init; }
    public required string LinkUrl { get; init; }
    public required string LinkTitle { get; init; }
    public required string LinkInvalid { get; init; }
    public required string WhoCanSee { get; init; }
    public required string AudiencePublic { get; init; }
    public required string AudiencePrivate { get; init; }
    public required string AudienceShareWith { get; init; }
    public required string AudienceDontShareWith { get; init; }
    public required string ByTag { get; init; }
    public required string ByFriend { get; init; }
    public required string NoTagsYet { get; init; }
    public required string ChooseAudience { get; init; }
    public required string Publish { get; init; }
    public required string Posting { get; init; }
    public required string NothingToPost { get; init; }
    public required string RemoveVideo { get; init; }
    public required string Video { get; init; }
    public required string Like { get; init; }
    public required string Unlike { get; init; }
    public required string Comment { get; init; }
    public required string WriteComment { get; init; }
    public required string LikedBy { get; init; }
    public required string RepliedTo { get; init; }
    public required string DeleteComment { get; init; }
    public required string DeletePost { get; init; }
    public required string ConfirmDeletePost { get; init; }
    public required string LoadMore { get; init; }
    public required string NoPostsYet { get; init; }
    public required string NoMorePosts { get; init; }
    public required string ChangeCover { get; init; }
    public required string PostGone { get; init; }
    public required string NoticeLiked { get; init; }
    public required string NoticeCommented { get; init; }
    public required string NoticeReplied { get; init; }
    public required string NoticeReminded { get; init; }
    public required string NoNotices { get; init; }
    public required string FriendsCanView { get; init; }
    public required string RangeAll { get; init; }
    public required string RangeSixMonths { get; init; }
    public required string RangeMonth { get; init; }
    public required string RangeThreeDays { get; init; }
    public required string MyStatus { get; init; }
    public required string NewStatus { get; init; }
    public required string FriendsStatuses { get; init; }
    public required string NoStatuses { get; init; }
    public required string NoStatusYet { get; init; }
    public required string NewStatusRing { get; init; }
    public required string Previous { get; init; }
    public required string Next { get; init; }
    public required string Reactions { get; init; }
    public required string NoReactions { get; init; }
    public required string DeleteStatus { get; init; }
    public required string Record { get; init; }
    public required string StartRecording { get; init; }
    public required string Stop { get; init; }
    public required string TakePhoto { get; init; }
    public required string RecordAgain { get; init; }
    public required string ChooseFile { get; init; }
    public required string Camera { get; init; }
    public required string RecordedClip { get; init; }
    public required string Photo { get; init; }
    public required string CameraDenied { get; init; }
    public required string NoCamera { get; init; }
    public required string CameraUnsupported { get; init; }
    public required string StatusText { get; init; }
    public required string Mood { get; init; }
    public required string Place { get; init; }
    public required string NothingInStatus { get; init; }

    /// <summary>A post's audience as its author sees it under the post (Public, Private, ...).</summary>
    public required Func<string, string> Audience { get; init; }
    public required Func<string, string> CoverOf { get; init; }
    public required Func<string, string> ReplyTo { get; init; }
    public required Func<string, string> UploadFailed { get; init; }
    public required Func<string, string> ReactWith { get; init; }
    public required Func<string, string> YouReacted { get; init; }
    public required Func<int, string> RemindCount { get; init; }
    public required Func<int, string> RemoveImage { get; init; }
    public required Func<int, string> NewNotices { get; init; }
    public required Func<int, string> StatusCount { get; init; }
    public required Func<int, string> SecondsLeft { get; init; }
    public required Func<int, int, string> ImageOf { get; init; }
    public required Func<int, int, string> StatusOf { get; init; }

    public static SocialStrings English { get; } = new()
    {
        Moments = "Moments",
        Status = "Status",
        MomentsMessages = "Moments messages",
        MyMoments = "My Moments",
        NewPost = "New post",
        PostText = "What's on your mind?",
        AddImages = "Add images",
        AddVideo = "Add a video",
        Location = "Location (optional)",
        LinkUrl = "Share a link (optional)",
        LinkTitle = "The link's title",
        LinkInvalid = "A link starts with https:// or http://.",
        WhoCanSee = "Who can see it",
        AudiencePublic = "Public (all friends)",
        AudiencePrivate = "Private (only me)",
        AudienceShareWith = "Share with…",
        AudienceDontShareWith = "Don't share with…",
        ByTag = "Tags",
        ByFriend = "Friends",
        NoTagsYet = "No tags yet: give friends tags on their contact page.",
        ChooseAudience = "Choose at least one tag or friend.",
        Publish = "Post",
        Posting = "Posting…",
        NothingToPost = "Write something, or add images or a video.",
        RemoveVideo = "Remove video",
        Video = "Video",
        Like = "Like",
        Unlike = "Unlike",
        Comment = "Comment",
        WriteComment = "Write a comment",
        LikedBy = "Liked by",
        RepliedTo = "replied to",
        DeleteComment = "Delete comment",
        DeletePost = "Delete post",
        ConfirmDeletePost = "Delete this post? Its likes and comments go with it.",
        LoadMore = "Load more",
        NoPostsYet = "No posts yet.",
        NoMorePosts = "That's all.",
        ChangeCover = "Change cover",
        PostGone = "This post is gone, or it is not shared with you.",
        NoticeLiked = "liked your post",
        NoticeCommented = "commented",
        NoticeReplied = "replied to you",
        NoticeReminded = "wants you to see a post",
        NoNotices = "No Moments messages yet.",
        FriendsCanView = "Friends can view my posts from",
        RangeAll = "All time",
        RangeSixMonths = "The last 6 months",
        RangeMonth = "The last month",
        RangeThreeDays = "The last 3 days",
        MyStatus = "My status",
        NewStatus = "New status",
        FriendsStatuses = "Friends' statuses",
        NoStatuses = "No statuses from friends in the last 24 hours.",
        NoStatusYet = "Nothing posted in the last 24 hours.",
        NewStatusRing = "new status",
        Previous = "Previous",
        Next = "Next",
        Reactions = "Reactions",
        NoReactions = "No reactions yet.",
        DeleteStatus = "Delete status",
        Record = "Record",
        StartRecording = "Start recording",
        Stop = "Stop",
        TakePhoto = "Take photo",
        RecordAgain = "Record again",
        ChooseFile = "Choose a file",
        Camera = "Camera",
        RecordedClip = "Recorded clip",
        Photo = "Photo",
        CameraDenied = "Hutong may not use the camera. Allow it in the browser's site settings, or choose a file.",
        NoCamera = "No camera was found. You can choose a file instead.",
        CameraUnsupported = "This browser cannot use a camera here. You can choose a file instead.",
        StatusText = "Text (optional)",
        Mood = "Mood (optional)",
        Place = "Place (optional)",
        NothingInStatus = "Add text, a photo or a video.",
        Audience = kind => kind switch
        {
            "private" => "Private",
            "shareWith" => "Shared with some",
            "dontShareWith" => "Hidden from some",
            _ => "Public",
        },
        CoverOf = name => $"{name}'s cover",
        ReplyTo = name => $"Reply to {name}",
        UploadFailed = name => $"{name} could not be uploaded.",
        ReactWith = emoji => $"React with {emoji}",
        YouReacted = emoji => $"You reacted {emoji}",
        RemindCount = count => $"Remind friends ({count}/10)",
        RemoveImage = number => $"Remove image {number}",
        NewNotices = count => count == 1 ? "1 new Moments message" : $"{count} new Moments messages",
        StatusCount = count => count == 1 ? "1 status" : $"{count} statuses",
        SecondsLeft = seconds => $"{seconds} s left",
        ImageOf = (number, count) => $"Image {number} of {count}",
        StatusOf = (number, count) => $"{number} of {count}",
    };

    public static SocialStrings Chinese { get; } = new()
    {
        Moments = "朋友圈",
        Status = "状态",
        MomentsMessages = "朋友圈消息",
        MyMoments = "我的朋友圈",
        NewPost = "发表动态",
        PostText = "这一刻的想法…",
        AddImages = "添加图片",
        AddVideo = "添加视频",
        Location = "所在位置（可选）",
        LinkUrl = "分享链接（可选）",
        LinkTitle = "链接标题",
        LinkInvalid = "链接须以 https:// 或 http:// 开头。",
        WhoCanSee = "谁可以看",
        AudiencePublic = "公开（所有朋友可见）",
        AudiencePrivate = "私密（仅自己可见）",
        AudienceShareWith = "部分可见…",
        AudienceDontShareWith = "不给谁看…",
        ByTag = "标签",
        ByFriend = "朋友",
        NoTagsYet = "还没有标签：可在朋友的资料页为其添加标签。",
        ChooseAudience = "请至少选择一个标签或朋友。",
        Publish = "发表",
        Posting = "正在发表…",
        NothingToPost = "写点什么，或添加图片、视频。",
        RemoveVideo = "移除视频",
        Video = "视频",
        Like = "赞",
        Unlike = "取消赞",
        Comment = "评论",
        WriteComment = "写评论",
        LikedBy = "点赞的人",
        RepliedTo = "回复",
        DeleteComment = "删除评论",
        DeletePost = "删除动态",
        ConfirmDeletePost = "删除这条动态？它的赞和评论也会一并删除。",
        LoadMore = "加载更多",
        NoPostsYet = "还没有动态。",
        NoMorePosts = "没有更多了。",
        ChangeCover = "更换封面",
        PostGone = "该动态已删除，或未对你公开。",
        NoticeLiked = "赞了你的动态",
        NoticeCommented = "评论了",
        NoticeReplied = "回复了你",
        NoticeReminded = "提醒你看一条动态",
        NoNotices = "还没有朋友圈消息。",
        FriendsCanView = "允许朋友查看朋友圈的范围",
        RangeAll = "全部",
        RangeSixMonths = "最近半年",
        RangeMonth = "最近一个月",
        RangeThreeDays = "最近三天",
        MyStatus = "我的状态",
        NewStatus = "发状态",
        FriendsStatuses = "朋友的状态",
        NoStatuses = "最近 24 小时内朋友没有发状态。",
        NoStatusYet = "最近 24 小时内没有发状态。",
        NewStatusRing = "有新状态",
        Previous = "上一条",
        Next = "下一条",
        Reactions = "回应",
        NoReactions = "还没有回应。",
        DeleteStatus = "删除状态",
        Record = "拍摄",
        StartRecording = "开始录制",
        Stop = "停止",
        TakePhoto = "拍照",
        RecordAgain = "重新拍摄",
        ChooseFile = "选择文件",
        Camera = "相机",
        RecordedClip = "录好的视频",
        Photo = "照片",
        CameraDenied = "胡同无权使用相机。请在浏览器的网站设置中允许，或选择文件。",
        NoCamera = "没有找到相机。可以改为选择文件。",
        CameraUnsupported = "此浏览器无法在这里使用相机。可以改为选择文件。",
        StatusText = "文字（可选）",
        Mood = "心情（可选）",
        Place = "地点（可选）",
        NothingInStatus = "请添加文字、照片或视频。",
        Audience = kind => kind switch
        {
            "private" => "私密",
            "shareWith" => "部分可见",
            "dontShareWith" => "不给部分人看",
            _ => "公开",
        },
        CoverOf = name => $"{name}的封面",
        ReplyTo = name => $"回复{name}",
        UploadFailed = name => $"{name} 上传失败。",
        ReactWith = emoji => $"用 {emoji} 回应",
        YouReacted = emoji => $"你回应了 {emoji}",
        RemindCount = count => $"提醒谁看（{count}/10）",
        RemoveImage = number => $"移除第 {number} 张图片",
        NewNotices = count => $"{count} 条新朋友圈消息",
        StatusCount = count => $"{count} 条状态",
        SecondsLeft = seconds => $"还剩 {seconds} 秒",
        ImageOf = (number, count) => $"第 {number} 张图片，共 {count} 张",
        StatusOf = (number, count) => $"第 {number} 条，共 {count} 条",
    };
}
