namespace Hutong.Web.Localization;

/// <summary>The words of official accounts: following them, their threads, Subscriptions, the studio and the review.</summary>
public sealed class OfficialAccountStrings
{
    // Following: the accounts, an account's page, reporting it.
    public required string OfficialAccounts { get; init; }
    public required string OfficialAccount { get; init; }
    public required string OfficialAccountsHint { get; init; }
    public required string SearchAccounts { get; init; }
    public required string NoAccountsFound { get; init; }
    public required string Following { get; init; }
    public required string NotFollowingAny { get; init; }
    public required string AccountProfile { get; init; }
    public required string SubscriptionAccount { get; init; }
    public required string ServiceAccount { get; init; }
    public required string Follow { get; init; }
    public required Func<string, string> FollowNamed { get; init; }
    public required string PastBroadcasts { get; init; }
    public required string NoPastBroadcasts { get; init; }
    public required string MorePastBroadcasts { get; init; }
    public required string Followed { get; init; }
    public required string Unfollow { get; init; }
    public required string Unfollowed { get; init; }
    public required string UnfollowHint { get; init; }
    public required string SendMessage { get; init; }
    public required string MuteAccount { get; init; }
    public required string MuteServiceHint { get; init; }
    public required string MuteSubscriptionHint { get; init; }
    public required string MutedStatus { get; init; }
    public required string UnmutedStatus { get; init; }
    public required string QrCode { get; init; }
    public required string QrHint { get; init; }
    public required string ManageInStudio { get; init; }
    public required string Report { get; init; }
    public required string ReportWhy { get; init; }
    public required string ReportDetails { get; init; }
    public required string ReportHint { get; init; }
    public required string ReportDetailsNeeded { get; init; }
    public required string SendReport { get; init; }
    public required string Reported { get; init; }

    /// <summary>Why a person reports an account; the last is "Other", which needs their own words.</summary>
    public required IReadOnlyList<string> ReportReasons { get; init; }

    // Threads and Subscriptions.
    public required string Subscriptions { get; init; }
    public required string NewInSubscriptions { get; init; }
    public required string NoSubscriptions { get; init; }
    public required string FindAccounts { get; init; }
    public required string NothingYet { get; init; }
    public required string StartOfThread { get; init; }
    public required string FollowToMessage { get; init; }
    public required string SendImage { get; init; }
    public required string NotAnImage { get; init; }
    public required string KindNews { get; init; }
    public required string OpensInNewTab { get; init; }
    public required string Follower { get; init; }

    // The studio.
    public required string MyOfficialAccounts { get; init; }
    public required string Studio { get; init; }
    public required string StudioHint { get; init; }
    public required string MyAccounts { get; init; }
    public required string NoAccountsYet { get; init; }
    public required string CreateAccount { get; init; }
    public required string Create { get; init; }
    public required string AccountName { get; init; }
    public required string AccountNameHint { get; init; }
    public required string AccountKind { get; init; }
    public required string SubscriptionHint { get; init; }
    public required string ServiceHint { get; init; }
    public required string Description { get; init; }
    public required string DescriptionHint { get; init; }
    public required string AppId { get; init; }
    public required string AppSecret { get; init; }
    public required string SecretOnce { get; init; }
    public required string Copy { get; init; }
    public required string Copied { get; init; }
    public required string CopyByHand { get; init; }
    public required string SecretKept { get; init; }
    public required string ViewAsFollower { get; init; }
    public required string AccountSections { get; init; }
    public required string Followers { get; init; }
    public required string Broadcast { get; init; }
    public required string Messages { get; init; }
    public required string StateActive { get; init; }
    public required string StatePending { get; init; }
    public required string StateRejected { get; init; }
    public required string PendingNote { get; init; }
    public required string RejectedNote { get; init; }
    public required string ReviewNote { get; init; }
    public required string OriginalId { get; init; }
    public required string Created { get; init; }
    public required string FollowersLabel { get; init; }
    public required string Picture { get; init; }
    public required string ChangePicture { get; init; }
    public required string PictureSaved { get; init; }
    public required string ResetSecret { get; init; }
    public required string ResetSecretTitle { get; init; }
    public required string ResetSecretHint { get; init; }
    public required string ResetSecretConfirm { get; init; }
    public required string NoFollowersYet { get; init; }
    public required string NoRemark { get; init; }
    public required string OpenId { get; init; }
    public required string Edit { get; init; }
    public required string NoTagsHint { get; init; }
    public required string Rename { get; init; }
    public required string Delete { get; init; }

    /// <summary>How a follower came, by the follow's scene (<c>search</c>, <c>profile</c>, <c>qr</c>, <c>article</c>, <c>card</c>).</summary>
    public required IReadOnlyDictionary<string, string> Scenes { get; init; }

    // Broadcasts.
    public required string NewBroadcast { get; init; }
    public required string BroadcastWhat { get; init; }
    public required string KindText { get; init; }
    public required string BroadcastText { get; init; }
    public required string ChooseImage { get; init; }
    public required string Audience { get; init; }
    public required string AllFollowers { get; init; }
    public required string FollowersTagged { get; init; }
    public required string SendBroadcast { get; init; }
    public required string PreviewTo { get; init; }
    public required string PreviewHint { get; init; }
    public required string SendPreview { get; init; }
    public required string PreviewSent { get; init; }
    public required string SentBroadcasts { get; init; }
    public required string NoBroadcastsYet { get; init; }
    public required string NotCounted { get; init; }
    public required string AudiencePreview { get; init; }
    public required string AudienceChosen { get; init; }

    // Customer service.
    public required string ServiceWindowHint { get; init; }
    public required string PickAFollower { get; init; }
    public required string Refresh { get; init; }
    public required string LoadEarlier { get; init; }
    public required string NoMessagesYet { get; init; }
    public required string WriteReply { get; init; }

    // Review.
    public required string Operators { get; init; }
    public required string Review { get; init; }
    public required string ReviewHint { get; init; }
    public required string NothingToReview { get; init; }
    public required string Approve { get; init; }
    public required string Reject { get; init; }
    public required string RejectReason { get; init; }
    public required string RejectReasonHint { get; init; }
    public required string PendingAccounts { get; init; }
    public required string ReportedAccounts { get; init; }
    public required string ReportsHint { get; init; }
    public required string NothingReported { get; init; }
    public required string Dismiss { get; init; }

    // Developer settings.
    public required string Developer { get; init; }
    public required string DeveloperIntro { get; init; }
    public required string ResetSecretLink { get; init; }
    public required string DeveloperState { get; init; }
    public required string DeveloperOff { get; init; }
    public required string ServerSettings { get; init; }
    public required string ServerUrl { get; init; }
    public required string ServerUrlHint { get; init; }
    public required string ServerToken { get; init; }
    public required string ServerTokenHint { get; init; }
    public required string EncodingAesKey { get; init; }
    public required string EncodingAesKeyHint { get; init; }
    public required string GenerateKey { get; init; }
    public required string MessageMode { get; init; }
    public required string ModePlaintext { get; init; }
    public required string ModePlaintextHint { get; init; }
    public required string ModeCompatible { get; init; }
    public required string ModeCompatibleHint { get; init; }
    public required string ModeSafe { get; init; }
    public required string ModeSafeHint { get; init; }
    public required string VerifyUrl { get; init; }
    public required string DeveloperSaved { get; init; }
    public required string DeveloperVerified { get; init; }
    public required string DisableDeveloper { get; init; }
    public required string DisableDeveloperTitle { get; init; }
    public required string DisableDeveloperHint { get; init; }
    public required string DeveloperDisabled { get; init; }
    public required Func<string, string> VerifiedAt { get; init; }

    // Web pages: web authorization domains and the JS bridge.
    public required string WebPages { get; init; }
    public required string WebPagesIntro { get; init; }
    public required string WebAuthDomains { get; init; }
    public required string WebAuthDomainsHint { get; init; }
    public required string SaveWebAuthDomains { get; init; }
    public required string WebAuthDomainsSaved { get; init; }
    public required string JsBridge { get; init; }
    public required string AuthorizeAddress { get; init; }

    // Auto-replies and the menu.
    public required string AutoReplies { get; init; }
    public required string AutoRepliesHint { get; init; }
    public required string DeveloperModeOnReplies { get; init; }
    public required string FollowReply { get; init; }
    public required string DefaultReply { get; init; }
    public required string DefaultReplyHint { get; init; }
    public required string KeywordRules { get; init; }
    public required string KeywordRulesHint { get; init; }
    public required string AddRule { get; init; }
    public required string NoRulesYet { get; init; }
    public required string RuleName { get; init; }
    public required string Keywords { get; init; }
    public required string AddKeyword { get; init; }
    public required string MatchExact { get; init; }
    public required string MatchContains { get; init; }
    public required string ReplyText { get; init; }
    public required string NotTextReply { get; init; }
    public required string Remove { get; init; }
    public required string MenuTab { get; init; }
    public required string MenuHint { get; init; }
    public required string NoMenuYet { get; init; }
    public required string AddButton { get; init; }
    public required string AddItem { get; init; }
    public required string MenuName { get; init; }
    public required string MenuAction { get; init; }
    public required string KindClick { get; init; }
    public required string KindView { get; init; }
    public required string KindMiniProgram { get; init; }
    public required string MenuKey { get; init; }
    public required string MenuKeyHint { get; init; }
    public required string MenuUrl { get; init; }
    public required string MenuReply { get; init; }
    public required string MiniProgramAppId { get; init; }
    public required string MiniProgramPage { get; init; }
    public required string MiniProgramFallback { get; init; }
    public required string DeleteMenu { get; init; }
    public required string DeleteMenuConfirm { get; init; }
    public required string MenuDeleted { get; init; }
    public required string MenuNeedsFixing { get; init; }
    public required string FieldRequired { get; init; }
    public required string MenuKeyInvalid { get; init; }
    public required string MenuUrlInvalid { get; init; }
    public required Func<int, string> RuleNumber { get; init; }
    public required Func<int, string> KeywordNumber { get; init; }
    public required Func<int, string> MatchOfKeyword { get; init; }
    public required Func<string, string> MoveUpNamed { get; init; }
    public required Func<string, string> MoveDownNamed { get; init; }
    public required Func<string, string> RemoveNamed { get; init; }
    public required Func<int, string> ButtonNumber { get; init; }
    public required Func<int, int, string> ItemNumber { get; init; }
    public required Func<int, string> MenuNameTooLong { get; init; }
    public required Func<string, string> MenuOf { get; init; }

    public required Func<int, string> FollowerCount { get; init; }
    public required Func<string, string> SearchResultsFor { get; init; }
    public required Func<string, string> QrOf { get; init; }

    // The studio's parameter QR codes.
    public required string QrCodes { get; init; }
    public required string NewQrCode { get; init; }
    public required string QrKind { get; init; }
    public required string TemporaryCode { get; init; }
    public required string PermanentCode { get; init; }
    public required string QrLifetime { get; init; }
    public required string OneHour { get; init; }
    public required string OneDay { get; init; }
    public required string SevenDays { get; init; }
    public required string ThirtyDays { get; init; }
    public required string QrScene { get; init; }
    public required string QrSceneHint { get; init; }
    public required string QrSceneRequired { get; init; }
    public required string MakeQrCode { get; init; }
    public required string NoQrCodesHint { get; init; }
    public required string DownloadQr { get; init; }
    public required Func<string, string> QrCodeMade { get; init; }
    public required Func<string, string> QrCodeForScene { get; init; }
    public required Func<string, string> QrExpires { get; init; }
    public required Func<int, int, string> QrCounts { get; init; }
    public required Func<string, string> UnfollowTitle { get; init; }
    public required Func<string, string> ReportTitle { get; init; }
    public required Func<string, string, string> FollowedOn { get; init; }
    public required Func<string, string> EditFollower { get; init; }
    public required Func<string, string> RenameTag { get; init; }
    public required Func<string, string> DeleteTagNamed { get; init; }
    public required Func<int, string> DeleteTagConfirm { get; init; }
    public required Func<string, string> TagCreated { get; init; }
    public required Func<string, string> TagDeleted { get; init; }

    /// <summary>What is left of the quota: remaining, the period's limit, and whether the period is a month (else a day).</summary>
    public required Func<int, int, bool, string> QuotaLeft { get; init; }
    public required Func<string, string> QuotaResets { get; init; }
    public required Func<string, string> ChosenImage { get; init; }
    public required Func<int, string> BroadcastSent { get; init; }
    public required Func<int, string> Reached { get; init; }
    public required Func<string, string> AudienceTag { get; init; }
    public required Func<string, string> ThreadWith { get; init; }
    public required Func<string, string> ReplyTo { get; init; }
    public required Func<string, string> ApproveNamed { get; init; }
    public required Func<string, string> RejectNamed { get; init; }
    public required Func<string, string> Approved { get; init; }
    public required Func<string, string> Rejected { get; init; }
    public required Func<int, string> ReportedBy { get; init; }
    public required Func<string, string> LastReported { get; init; }
    public required Func<string, string> DismissNamed { get; init; }
    public required Func<string, string> Dismissed { get; init; }

    public static OfficialAccountStrings English { get; } = new()
    {
        OfficialAccounts = "Official accounts",
        OfficialAccount = "Official account",
        OfficialAccountsHint = "Search for an account by its name, or pick one you follow.",
        SearchAccounts = "Search official accounts",
        NoAccountsFound = "No account has that name.",
        Following = "Following",
        NotFollowingAny = "You follow no official accounts yet.",
        AccountProfile = "Account profile",
        SubscriptionAccount = "Subscription account",
        ServiceAccount = "Service account",
        Follow = "Follow",
        FollowNamed = name => $"Follow {name}",
        PastBroadcasts = "Broadcasts",
        NoPastBroadcasts = "Nothing broadcast to all followers yet.",
        MorePastBroadcasts = "Earlier broadcasts",
        Followed = "Following. Its messages show in your chats.",
        Unfollow = "Unfollow",
        Unfollowed = "You no longer follow this account.",
        UnfollowHint = "Its messages stop, and your thread with it closes. You can follow it again at any time.",
        SendMessage = "Send message",
        MuteAccount = "Mute notifications",
        MuteServiceHint = "Its messages still come, without a notification or a number on Chats.",
        MuteSubscriptionHint = "Subscriptions never notify: their messages wait in Subscriptions.",
        MutedStatus = "Muted.",
        UnmutedStatus = "Notifications on.",
        QrCode = "QR code",
        QrHint = "Scan it with Hutong to open this account and follow it.",
        ManageInStudio = "Manage in the studio",
        Report = "Report",
        ReportWhy = "What is wrong with this account?",
        ReportDetails = "Details (optional)",
        ReportHint = "Operators read reports; the account is not told who reported it.",
        ReportDetailsNeeded = "Say what is wrong, in a few words.",
        SendReport = "Send report",
        Reported = "Reported. Thank you: an operator will look at it.",
        ReportReasons = ["Spam or advertising", "Fraud or a scam", "Offensive content", "Pretends to be someone else", "Other"],
        Subscriptions = "Subscriptions",
        NewInSubscriptions = "New in Subscriptions",
        NoSubscriptions = "You follow no subscription accounts.",
        FindAccounts = "Find accounts",
        NothingYet = "Nothing yet",
        StartOfThread = "This is the start of your thread with this account.",
        FollowToMessage = "Follow this account to message it.",
        SendImage = "Send an image",
        NotAnImage = "That file is not a picture. Choose a JPEG, PNG, WebP or GIF.",
        KindNews = "[News]",
        OpensInNewTab = "opens in a new tab",
        Follower = "Follower",
        MyOfficialAccounts = "My official accounts",
        Studio = "Account studio",
        StudioHint = "Pick one of your accounts, or create one.",
        MyAccounts = "My accounts",
        NoAccountsYet = "You have no official accounts yet.",
        CreateAccount = "Create an account",
        Create = "Create",
        AccountName = "Name",
        AccountNameHint = "2 to 30 characters, on one line.",
        AccountKind = "Kind",
        SubscriptionHint = "Opens at once. One broadcast a day, shown to followers in their Subscriptions, without notifications.",
        ServiceHint = "An operator reviews it first. Four broadcasts a month, each in its own chat with notifications.",
        Description = "Description",
        DescriptionHint = "What followers see on its page; up to 120 characters.",
        AppId = "App ID",
        AppSecret = "App secret",
        SecretOnce = "This is the only time Hutong shows this secret: it keeps only a hash. Copy it now to where your server keeps its settings. If it is lost, reset it for a new one.",
        Copy = "Copy",
        Copied = "Copied.",
        CopyByHand = "This browser did not allow copying: select the secret and copy it yourself.",
        SecretKept = "I have kept it",
        ViewAsFollower = "View as a follower",
        AccountSections = "Account sections",
        Followers = "Followers",
        Broadcast = "Broadcast",
        Messages = "Messages",
        StateActive = "Open",
        StatePending = "Waiting for review",
        StateRejected = "Rejected",
        PendingNote = "Waiting for an operator's review: people can follow the account once it is approved.",
        RejectedNote = "An operator rejected this account: nobody can follow it.",
        ReviewNote = "Why:",
        OriginalId = "Original ID",
        Created = "Created",
        FollowersLabel = "Followers",
        Picture = "Picture",
        ChangePicture = "Change picture",
        PictureSaved = "Picture saved.",
        ResetSecret = "Reset app secret",
        ResetSecretTitle = "Reset the app secret?",
        ResetSecretHint = "A new secret replaces the old one, which stops working at once. Do it if the secret was lost or seen by someone else.",
        ResetSecretConfirm = "The old secret stops working at once: your server needs the new one before it can call Hutong again.",
        NoFollowersYet = "No followers yet.",
        NoRemark = "No remark",
        OpenId = "OpenID",
        Edit = "Edit",
        NoTagsHint = "No tags yet. Make tags in the Tags tab, to broadcast to some followers only.",
        Rename = "Rename",
        Delete = "Delete",
        Scenes = new Dictionary<string, string>
        {
            ["search"] = "search",
            ["profile"] = "the account's page",
            ["qr"] = "a QR code",
            ["article"] = "an article",
            ["card"] = "a shared card",
        },
        NewBroadcast = "New broadcast",
        BroadcastWhat = "Message",
        KindText = "Text",
        BroadcastText = "Broadcast text",
        ChooseImage = "Choose an image",
        Audience = "To",
        AllFollowers = "All followers",
        FollowersTagged = "Followers with a tag",
        SendBroadcast = "Send broadcast",
        PreviewTo = "Preview to a follower (openid)",
        PreviewHint = "A preview goes to that follower alone and does not count against the quota.",
        SendPreview = "Send preview",
        PreviewSent = "Preview sent.",
        SentBroadcasts = "Sent",
        NoBroadcastsYet = "Nothing sent yet.",
        NotCounted = "not counted",
        AudiencePreview = "Preview",
        AudienceChosen = "Chosen followers",
        ServiceWindowHint = "You can message a follower for 48 hours after they message the account (5 messages), and for a minute after they follow it (3).",
        PickAFollower = "Pick a follower to read your thread with them.",
        Refresh = "Refresh",
        LoadEarlier = "Load earlier messages",
        NoMessagesYet = "No messages yet.",
        WriteReply = "Write a reply",
        Operators = "Operators",
        Review = "Review",
        ReviewHint = "Service accounts wait here until an operator approves them; a rejection tells the owner why.",
        NothingToReview = "Nothing waits for review.",
        Approve = "Approve",
        Reject = "Reject",
        RejectReason = "Reason",
        RejectReasonHint = "Say why, for the account's owner.",
        PendingAccounts = "Waiting for review",
        ReportedAccounts = "Reported accounts",
        ReportsHint = "What followers reported, never who. Dismiss an account's reports once you have dealt with them; a new report lists it again.",
        NothingReported = "No account has open reports.",
        Dismiss = "Dismiss",
        AutoReplies = "Auto-replies",
        AutoRepliesHint = "The account answers by itself: a greeting to new followers, answers to keywords, and a default reply to anything else. Auto-replies do not use the service window.",
        DeveloperModeOnReplies = "Developer mode is on: your server answers followers, and these auto-replies and menu replies do not run.",
        FollowReply = "Reply on follow",
        DefaultReply = "Default reply",
        DefaultReplyHint = "Sent when no keyword rule matches. Leave empty for none.",
        KeywordRules = "Keyword rules",
        KeywordRulesHint = "The first rule from the top with a matching keyword answers; case does not count.",
        AddRule = "Add rule",
        NoRulesYet = "No rules yet.",
        RuleName = "Rule name",
        Keywords = "Keywords",
        AddKeyword = "Add keyword",
        MatchExact = "Whole message",
        MatchContains = "Contains",
        ReplyText = "Reply",
        NotTextReply = "This reply sends an image or articles (set through the API); write text here to replace it.",
        Remove = "Remove",
        MenuTab = "Menu",
        MenuHint = "Up to 3 buttons under the account's thread. A button does one thing, or opens up to 5 items.",
        NoMenuYet = "No menu yet: followers see only the message box.",
        AddButton = "Add button",
        AddItem = "Add item",
        MenuName = "Name",
        MenuAction = "Does",
        KindClick = "Send a click",
        KindView = "Open a link",
        KindMiniProgram = "Open a mini-program",
        MenuKey = "Key",
        MenuKeyHint = "Sent to your server as EventKey.",
        MenuUrl = "Link",
        MenuReply = "Reply when clicked (without developer mode)",
        MiniProgramAppId = "Mini-program app ID",
        MiniProgramPage = "Page",
        MiniProgramFallback = "Link for clients without mini-programs",
        DeleteMenu = "Delete menu",
        DeleteMenuConfirm = "Followers stop seeing the menu at once.",
        MenuDeleted = "Menu deleted.",
        MenuNeedsFixing = "Some fields need fixing: see the notes beside them.",
        FieldRequired = "Required.",
        MenuKeyInvalid = "A key is 1 to 128 bytes.",
        MenuUrlInvalid = "A link is an http or https address, up to 1,024 bytes.",
        RuleNumber = n => $"Rule {n}",
        KeywordNumber = n => $"Keyword {n}",
        MatchOfKeyword = n => $"How keyword {n} matches",
        MoveUpNamed = name => $"Move {name} up",
        MoveDownNamed = name => $"Move {name} down",
        RemoveNamed = name => $"Remove {name}",
        ButtonNumber = n => $"Button {n}",
        ItemNumber = (button, n) => $"Item {n} of button {button}",
        MenuNameTooLong = max => $"A name is 1 to {max} bytes (a Chinese character takes 3).",
        MenuOf = name => $"Menu of {name}",
        FollowerCount = n => n == 1 ? "1 follower" : $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} followers",
        SearchResultsFor = query => $"Accounts named “{query}”",
        QrOf = name => $"QR code of {name}",
        QrCodes = "QR codes",
        NewQrCode = "New QR code",
        QrKind = "Kind",
        TemporaryCode = "Temporary",
        PermanentCode = "Permanent",
        QrLifetime = "Lasts",
        OneHour = "1 hour",
        OneDay = "1 day",
        SevenDays = "7 days",
        ThirtyDays = "30 days",
        QrScene = "Scene",
        QrSceneHint = "What the code tells you when someone follows or scans through it. Digits make a number (1 to 100,000 for a permanent code); anything else is text of up to 64 characters.",
        QrSceneRequired = "Give the code a scene.",
        MakeQrCode = "Make code",
        NoQrCodesHint = "No codes yet. Each code tells you which poster, table or flyer brought a follower.",
        DownloadQr = "Download",
        QrCodeMade = scene => $"Code for {scene} made.",
        QrCodeForScene = scene => $"QR code for {scene}",
        QrExpires = when => $"Temporary, until {when}",
        QrCounts = (scans, follows) => $"{(scans == 1 ? "1 scan" : $"{scans} scans")}, {(follows == 1 ? "1 follow" : $"{follows} follows")}",
        UnfollowTitle = name => $"Unfollow {name}?",
        ReportTitle = name => $"Report {name}",
        FollowedOn = (date, scene) => $"Followed {date}, from {scene}",
        EditFollower = name => $"Edit {name}",
        RenameTag = name => $"Rename {name}",
        DeleteTagNamed = name => $"Delete the tag {name}?",
        DeleteTagConfirm = count => count == 1 ? "1 follower carries it; they keep following, without the tag." : $"{count} followers carry it; they keep following, without the tag.",
        TagCreated = name => $"Tag {name} created.",
        TagDeleted = name => $"Tag {name} deleted.",
        QuotaLeft = (remaining, limit, month) => $"{remaining} of {limit} {(limit == 1 ? "broadcast" : "broadcasts")} left {(month ? "this month" : "today")}.",
        QuotaResets = when => $"More from {when}.",
        ChosenImage = name => $"The image chosen: {name}",
        BroadcastSent = count => count == 1 ? "Sent to 1 follower." : $"Sent to {count} followers.",
        Reached = count => count == 1 ? "reached 1" : $"reached {count}",
        AudienceTag = name => $"Tag {name}",
        ThreadWith = name => $"Thread with {name}",
        ReplyTo = name => $"Reply to {name}",
        ApproveNamed = name => $"Approve {name}",
        RejectNamed = name => $"Reject {name}",
        Approved = name => $"{name} is approved: people can follow it now.",
        Rejected = name => $"{name} is rejected; its owner sees why.",
        ReportedBy = n => n == 1 ? "reported by 1 person" : $"reported by {n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} people",
        LastReported = time => $"last {time}",
        DismissNamed = name => $"Dismiss the reports of {name}",
        Dismissed = name => $"The reports of {name} are dismissed.",
        Developer = "Developer",
        DeveloperIntro = "With developer mode on, followers' messages and events go to your server as WeChat pushes them, and your server answers them and calls the app API with the app id and secret. Auto-replies are off meanwhile.",
        ResetSecretLink = "Reset it on the Profile tab",
        DeveloperState = "Developer mode",
        DeveloperOff = "Off",
        ServerSettings = "Server settings",
        ServerUrl = "Server URL",
        ServerUrlHint = "The address your server takes pushes at. Saving calls it with a signed check that it must answer with the echostr it is sent.",
        ServerToken = "Token",
        ServerTokenHint = "3 to 32 letters and digits, the same as in your server's settings: it signs every call.",
        EncodingAesKey = "EncodingAESKey",
        EncodingAesKeyHint = "43 letters and digits that seal messages in compatible and safe mode. Generate one and give your server the same.",
        GenerateKey = "Generate",
        MessageMode = "Message mode",
        ModePlaintext = "Plaintext",
        ModePlaintextHint = "Messages go as they are, signed.",
        ModeCompatible = "Compatible",
        ModeCompatibleHint = "Each message goes both plain and sealed, while your server moves to safe mode.",
        ModeSafe = "Safe (recommended)",
        ModeSafeHint = "Messages go sealed with the EncodingAESKey only.",
        VerifyUrl = "Verify",
        DeveloperSaved = "Your server answered the check: the settings are saved and developer mode is on.",
        DeveloperVerified = "Your server answered the check.",
        DisableDeveloper = "Turn developer mode off",
        DisableDeveloperTitle = "Turn developer mode off?",
        DisableDeveloperHint = "Pushes stop going to your server and the auto-replies answer again. The settings are forgotten.",
        DeveloperDisabled = "Developer mode is off.",
        VerifiedAt = time => $"On, server verified {time}",
        WebPages = "Web pages",
        WebPagesIntro = "Links in your menu and messages open in Hutong's web view. A page there takes payments with WeChat's JSAPI code (WeixinJSBridge, from the script below) and learns who is reading it, by their openid at this account, through web authorization (snsapi_base).",
        WebAuthDomains = "Web authorization domains",
        WebAuthDomainsHint = "One host a line, such as shop.example.com (no https:// or path). A web authorization code goes only to a redirect_uri on one of them.",
        SaveWebAuthDomains = "Save domains",
        WebAuthDomainsSaved = "Web authorization domains saved.",
        JsBridge = "JS bridge",
        AuthorizeAddress = "Web authorization",
    };

    public static OfficialAccountStrings Chinese { get; } = new()
    {
        OfficialAccounts = "公众号",
        OfficialAccount = "公众号",
        OfficialAccountsHint = "按名称搜索公众号，或选择已关注的公众号。",
        SearchAccounts = "搜索公众号",
        NoAccountsFound = "没有叫这个名字的公众号。",
        Following = "已关注",
        NotFollowingAny = "你还没有关注任何公众号。",
        AccountProfile = "公众号资料",
        SubscriptionAccount = "订阅号",
        ServiceAccount = "服务号",
        Follow = "关注",
        FollowNamed = name => $"关注 {name}",
        PastBroadcasts = "历史消息",
        NoPastBroadcasts = "还没有群发过消息。",
        MorePastBroadcasts = "更早的消息",
        Followed = "已关注，它的消息会显示在聊天中。",
        Unfollow = "不再关注",
        Unfollowed = "你已不再关注这个公众号。",
        UnfollowHint = "你将不再收到它的消息，与它的对话也会关闭。之后可以随时重新关注。",
        SendMessage = "发消息",
        MuteAccount = "消息免打扰",
        MuteServiceHint = "仍会收到它的消息，但不提醒，也不计入“聊天”上的数字。",
        MuteSubscriptionHint = "订阅号从不提醒：它们的消息都在“订阅号消息”里。",
        MutedStatus = "已开启免打扰。",
        UnmutedStatus = "已开启提醒。",
        QrCode = "二维码",
        QrHint = "用胡同扫一扫，即可打开并关注这个公众号。",
        ManageInStudio = "在公众号后台管理",
        Report = "投诉",
        ReportWhy = "这个公众号有什么问题？",
        ReportDetails = "补充说明（选填）",
        ReportHint = "投诉由运营人员处理，公众号不会知道是谁投诉的。",
        ReportDetailsNeeded = "请简单说明问题所在。",
        SendReport = "提交投诉",
        Reported = "已投诉，谢谢。运营人员会尽快处理。",
        ReportReasons = ["垃圾信息或广告", "欺诈或诈骗", "内容令人反感", "冒充他人", "其他"],
        Subscriptions = "订阅号消息",
        NewInSubscriptions = "订阅号有新消息",
        NoSubscriptions = "你没有关注任何订阅号。",
        FindAccounts = "查找公众号",
        NothingYet = "暂无消息",
        StartOfThread = "以上是你与这个公众号的全部消息。",
        FollowToMessage = "关注这个公众号后才能给它发消息。",
        SendImage = "发送图片",
        NotAnImage = "这个文件不是图片。请选择 JPEG、PNG、WebP 或 GIF 图片。",
        KindNews = "[图文]",
        OpensInNewTab = "在新标签页中打开",
        Follower = "粉丝",
        MyOfficialAccounts = "我的公众号",
        Studio = "公众号后台",
        StudioHint = "选择你的一个公众号，或新建一个。",
        MyAccounts = "我的公众号",
        NoAccountsYet = "你还没有公众号。",
        CreateAccount = "新建公众号",
        Create = "创建",
        AccountName = "名称",
        AccountNameHint = "2 到 30 个字符，不能换行。",
        AccountKind = "类型",
        SubscriptionHint = "立即开通。每天可群发 1 次，粉丝在“订阅号消息”中查看，不会提醒。",
        ServiceHint = "需运营人员审核。每月可群发 4 次，每个服务号有自己的对话并会提醒。",
        Description = "简介",
        DescriptionHint = "粉丝在公众号资料页看到的介绍，最多 120 个字符。",
        AppId = "AppID",
        AppSecret = "AppSecret",
        SecretOnce = "这是胡同唯一一次显示这个密钥：胡同只保存它的哈希值。请立即复制到你的服务器配置中。如果遗失，请重置以获得新密钥。",
        Copy = "复制",
        Copied = "已复制。",
        CopyByHand = "浏览器不允许复制：请选中密钥后手动复制。",
        SecretKept = "我已保存",
        ViewAsFollower = "以粉丝身份查看",
        AccountSections = "公众号管理",
        Followers = "粉丝",
        Broadcast = "群发",
        Messages = "消息",
        StateActive = "已开通",
        StatePending = "审核中",
        StateRejected = "未通过审核",
        PendingNote = "正在等待运营人员审核：通过后才能被关注。",
        RejectedNote = "运营人员没有通过这个公众号的审核：它不能被关注。",
        ReviewNote = "原因：",
        OriginalId = "原始 ID",
        Created = "创建时间",
        FollowersLabel = "粉丝数",
        Picture = "头像",
        ChangePicture = "更换头像",
        PictureSaved = "头像已保存。",
        ResetSecret = "重置 AppSecret",
        ResetSecretTitle = "重置 AppSecret？",
        ResetSecretHint = "新密钥会替换旧密钥，旧密钥立即失效。密钥遗失或泄露时请重置。",
        ResetSecretConfirm = "旧密钥会立即失效：你的服务器需要换上新密钥才能继续调用胡同。",
        NoFollowersYet = "还没有粉丝。",
        NoRemark = "无备注",
        OpenId = "粉丝 OpenID",
        Edit = "编辑",
        NoTagsHint = "还没有标签。在“标签”页创建标签后，可以只向部分粉丝群发。",
        Rename = "重命名",
        Delete = "删除",
        Scenes = new Dictionary<string, string>
        {
            ["search"] = "搜索",
            ["profile"] = "公众号资料页",
            ["qr"] = "二维码",
            ["article"] = "文章",
            ["card"] = "名片分享",
        },
        NewBroadcast = "新建群发",
        BroadcastWhat = "消息",
        KindText = "文字",
        BroadcastText = "群发内容",
        ChooseImage = "选择图片",
        Audience = "发送给",
        AllFollowers = "全部粉丝",
        FollowersTagged = "按标签选择粉丝",
        SendBroadcast = "群发",
        PreviewTo = "预览给某个粉丝（OpenID）",
        PreviewHint = "预览只发给这一位粉丝，不占用群发次数。",
        SendPreview = "发送预览",
        PreviewSent = "预览已发送。",
        SentBroadcasts = "已群发",
        NoBroadcastsYet = "还没有群发过。",
        NotCounted = "不计次数",
        AudiencePreview = "预览",
        AudienceChosen = "指定粉丝",
        ServiceWindowHint = "粉丝给公众号发消息后 48 小时内，你可以回复 5 条消息；粉丝关注后 1 分钟内，可以发送 3 条。",
        PickAFollower = "选择一位粉丝，查看你们的对话。",
        Refresh = "刷新",
        LoadEarlier = "加载更早的消息",
        NoMessagesYet = "还没有消息。",
        WriteReply = "输入回复",
        Operators = "运营",
        Review = "审核",
        ReviewHint = "服务号在这里等待运营人员审核；不通过时，所有者会看到原因。",
        NothingToReview = "没有待审核的公众号。",
        Approve = "通过",
        Reject = "不通过",
        RejectReason = "原因",
        RejectReasonHint = "请写明原因，公众号所有者会看到。",
        PendingAccounts = "待审核",
        ReportedAccounts = "被投诉的公众号",
        ReportsHint = "这里只显示粉丝投诉的内容，不显示投诉人。处理完后把投诉标记为已处理；有新的投诉时，公众号会再次出现在这里。",
        NothingReported = "没有待处理的投诉。",
        Dismiss = "标记为已处理",
        AutoReplies = "自动回复",
        AutoRepliesHint = "公众号自动回答：向新粉丝致意、回答关键词，其余消息用默认回复。自动回复不占用客服消息窗口。",
        DeveloperModeOnReplies = "开发者模式已开启：由你的服务器回答粉丝，这里的自动回复和菜单回复不会发送。",
        FollowReply = "被关注回复",
        DefaultReply = "收到消息回复",
        DefaultReplyHint = "没有关键词规则匹配时发送。留空则不回复。",
        KeywordRules = "关键词回复",
        KeywordRulesHint = "从上往下第一条关键词匹配的规则回答；不区分大小写。",
        AddRule = "添加规则",
        NoRulesYet = "还没有规则。",
        RuleName = "规则名称",
        Keywords = "关键词",
        AddKeyword = "添加关键词",
        MatchExact = "全匹配",
        MatchContains = "半匹配",
        ReplyText = "回复内容",
        NotTextReply = "此回复发送图片或文章（通过接口设置）；在此填写文字即可替换。",
        Remove = "移除",
        MenuTab = "自定义菜单",
        MenuHint = "会话下方最多 3 个菜单。每个菜单执行一个动作，或展开最多 5 个子菜单。",
        NoMenuYet = "还没有菜单：粉丝只看到输入框。",
        AddButton = "添加菜单",
        AddItem = "添加子菜单",
        MenuName = "名称",
        MenuAction = "动作",
        KindClick = "发送点击",
        KindView = "打开网页",
        KindMiniProgram = "打开小程序",
        MenuKey = "菜单 KEY",
        MenuKeyHint = "作为 EventKey 推送给你的服务器。",
        MenuUrl = "网页链接",
        MenuReply = "点击后的回复（未开启开发者模式时）",
        MiniProgramAppId = "小程序 AppID",
        MiniProgramPage = "页面路径",
        MiniProgramFallback = "不支持小程序时打开的网页",
        DeleteMenu = "删除菜单",
        DeleteMenuConfirm = "粉丝将立即看不到菜单。",
        MenuDeleted = "菜单已删除。",
        MenuNeedsFixing = "部分内容需要修改：见旁边的提示。",
        FieldRequired = "必填。",
        MenuKeyInvalid = "KEY 为 1 到 128 字节。",
        MenuUrlInvalid = "链接须为 http 或 https 地址，不超过 1024 字节。",
        RuleNumber = n => $"规则 {n}",
        KeywordNumber = n => $"关键词 {n}",
        MatchOfKeyword = n => $"关键词 {n} 的匹配方式",
        MoveUpNamed = name => $"上移 {name}",
        MoveDownNamed = name => $"下移 {name}",
        RemoveNamed = name => $"移除 {name}",
        ButtonNumber = n => $"菜单 {n}",
        ItemNumber = (button, n) => $"菜单 {button} 的子菜单 {n}",
        MenuNameTooLong = max => $"名称为 1 到 {max} 字节（一个汉字占 3 字节）。",
        MenuOf = name => $"{name} 的菜单",
        FollowerCount = n => $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 位粉丝",
        SearchResultsFor = query => $"名为“{query}”的公众号",
        QrOf = name => $"{name} 的二维码",
        QrCodes = "二维码",
        NewQrCode = "新建二维码",
        QrKind = "类型",
        TemporaryCode = "临时",
        PermanentCode = "永久",
        QrLifetime = "有效期",
        OneHour = "1 小时",
        OneDay = "1 天",
        SevenDays = "7 天",
        ThirtyDays = "30 天",
        QrScene = "场景值",
        QrSceneHint = "有人通过这个二维码关注或扫码时，你会收到它。纯数字是整型场景值（永久二维码为 1 到 100,000），其他为不超过 64 个字符的字符串。",
        QrSceneRequired = "请填写场景值。",
        MakeQrCode = "生成二维码",
        NoQrCodesHint = "还没有二维码。每个二维码都能告诉你粉丝来自哪张海报、哪张桌子或哪份传单。",
        DownloadQr = "下载",
        QrCodeMade = scene => $"已生成场景值为 {scene} 的二维码。",
        QrCodeForScene = scene => $"场景值 {scene} 的二维码",
        QrExpires = when => $"临时，有效至 {when}",
        QrCounts = (scans, follows) => $"扫码 {scans} 次，关注 {follows} 人",
        UnfollowTitle = name => $"不再关注 {name}？",
        ReportTitle = name => $"投诉 {name}",
        FollowedOn = (date, scene) => $"{date} 通过{scene}关注",
        EditFollower = name => $"编辑 {name}",
        RenameTag = name => $"重命名 {name}",
        DeleteTagNamed = name => $"删除标签 {name}？",
        DeleteTagConfirm = count => $"{count} 位粉丝带有这个标签；删除后他们仍然关注，只是不再带这个标签。",
        TagCreated = name => $"已创建标签 {name}。",
        TagDeleted = name => $"已删除标签 {name}。",
        QuotaLeft = (remaining, limit, month) => $"{(month ? "本月" : "今天")}还可群发 {remaining} 次（共 {limit} 次）。",
        QuotaResets = when => $"{when} 起恢复。",
        ChosenImage = name => $"已选图片：{name}",
        BroadcastSent = count => $"已发送给 {count} 位粉丝。",
        Reached = count => $"送达 {count} 人",
        AudienceTag = name => $"标签 {name}",
        ThreadWith = name => $"与 {name} 的对话",
        ReplyTo = name => $"回复 {name}",
        ApproveNamed = name => $"通过 {name}",
        RejectNamed = name => $"不通过 {name}",
        Approved = name => $"{name} 已通过审核，现在可以被关注了。",
        Rejected = name => $"{name} 未通过审核，所有者会看到原因。",
        ReportedBy = n => $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 人投诉",
        LastReported = time => $"最近一次 {time}",
        DismissNamed = name => $"将对 {name} 的投诉标记为已处理",
        Dismissed = name => $"对 {name} 的投诉已标记为已处理。",
        Developer = "开发",
        DeveloperIntro = "开启开发者模式后，关注者的消息和事件会按微信的方式推送到你的服务器，由你的服务器回复，并用 AppID 和 AppSecret 调用接口。此时自动回复停用。",
        ResetSecretLink = "在“资料”页重置",
        DeveloperState = "开发者模式",
        DeveloperOff = "未开启",
        ServerSettings = "服务器配置",
        ServerUrl = "服务器地址（URL）",
        ServerUrlHint = "你的服务器接收推送的地址。保存时会发送带签名的验证请求，服务器须原样返回 echostr。",
        ServerToken = "令牌（Token）",
        ServerTokenHint = "3 到 32 个字母或数字，须与你服务器上的配置一致，用于为每次请求签名。",
        EncodingAesKey = "消息加解密密钥（EncodingAESKey）",
        EncodingAesKeyHint = "43 个字母或数字，在兼容模式和安全模式下用于加密消息。可随机生成，并在你的服务器上配置相同的值。",
        GenerateKey = "随机生成",
        MessageMode = "消息加解密方式",
        ModePlaintext = "明文模式",
        ModePlaintextHint = "消息不加密，只签名。",
        ModeCompatible = "兼容模式",
        ModeCompatibleHint = "每条消息同时带明文和密文，便于服务器过渡到安全模式。",
        ModeSafe = "安全模式（推荐）",
        ModeSafeHint = "消息只以 EncodingAESKey 加密后的密文发送。",
        VerifyUrl = "验证",
        DeveloperSaved = "你的服务器通过了验证：配置已保存，开发者模式已开启。",
        DeveloperVerified = "你的服务器通过了验证。",
        DisableDeveloper = "关闭开发者模式",
        DisableDeveloperTitle = "关闭开发者模式？",
        DisableDeveloperHint = "推送将不再发往你的服务器，自动回复重新生效。服务器配置会被清除。",
        DeveloperDisabled = "开发者模式已关闭。",
        VerifiedAt = time => $"已开启，服务器于 {time} 通过验证",
        WebPages = "网页",
        WebPagesIntro = "菜单和消息中的链接会在 Hutong 的网页视图中打开。网页可以用微信的 JSAPI 支付代码收款（WeixinJSBridge，引入下方脚本即可），并通过网页授权（snsapi_base）得知读者在本公众号下的 openid。",
        WebAuthDomains = "网页授权域名",
        WebAuthDomainsHint = "每行一个域名，例如 shop.example.com（不含 https:// 和路径）。网页授权的 code 只会发往这些域名下的 redirect_uri。",
        SaveWebAuthDomains = "保存域名",
        WebAuthDomainsSaved = "网页授权域名已保存。",
        JsBridge = "JS 桥接脚本",
        AuthorizeAddress = "网页授权地址",
    };
}
