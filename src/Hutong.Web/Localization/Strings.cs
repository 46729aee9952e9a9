using Hutong.Contracts;

namespace Hutong.Web.Localization;

/// <summary>
/// Every word the client shows, in each language it speaks. Each member is <c>required</c>, so a language that
/// misses one does not compile.
/// </summary>
public sealed class Strings
{
    /// <summary>The BCP 47 tag of the language.</summary>
    public required string LanguageTag { get; init; }
    public required string AppName { get; init; }
    public required string Accept { get; init; }
    public required string Add { get; init; }
    public required string AddFriend { get; init; }
    public required string AddMembers { get; init; }
    public required string Admin { get; init; }
    public required string AlreadyFriends { get; init; }
    public required string Announcement { get; init; }
    public required string Back { get; init; }
    public required string CancelReply { get; init; }
    public required string ChatInfo { get; init; }
    public required string ChatNotFound { get; init; }
    public required string ChatOnly { get; init; }
    public required string ChatSettings { get; init; }
    public required string Chats { get; init; }
    public required string ChooseMembers { get; init; }
    public required string Close { get; init; }
    public required string Connecting { get; init; }
    public required string Contacts { get; init; }
    public required string Conversation { get; init; }
    public required string CreateAccount { get; init; }
    public required string CreateGroup { get; init; }
    public required string CreatingAccount { get; init; }
    public required string Decline { get; init; }
    public required string DeleteForMe { get; init; }
    public required string Devices { get; init; }
    public required string Discard { get; init; }
    public required string Discover { get; init; }
    public required string DiscoverHint { get; init; }
    public required string DisplayName { get; init; }
    public required string Draft { get; init; }
    public required string Wallet { get; init; }
    public required string Balance { get; init; }
    public required string TopUp { get; init; }
    public required string Withdraw { get; init; }
    public required string ChangePin { get; init; }
    public required string SetPin { get; init; }
    public required string PaymentPin { get; init; }
    public required string Confirm { get; init; }
    public required string CurrentPin { get; init; }
    public required string NewPin { get; init; }
    public required string PinHint { get; init; }
    public required string ConfirmPin { get; init; }
    public required string PinDigits { get; init; }
    public required string PinTooEasy { get; init; }
    public required string PinsDiffer { get; init; }
    public required string EnterCurrentPin { get; init; }
    public required string History { get; init; }
    public required string NoMovementsYet { get; init; }
    public required string AmountInvalid { get; init; }

    /// <summary>An amount over the node's limit for one movement of its kind (a transfer, a top-up or withdrawal).</summary>
    public required Func<string, string> AmountAtMost { get; init; }
    public required Func<string, string> AmountOverAvailable { get; init; }
    public required string PinSaved { get; init; }
    public required Func<string, string> AvailableAmount { get; init; }
    public required Func<string, string> AmountIn { get; init; }
    public required Func<string, string> EntryKind { get; init; }
    public required Func<string, string> ToppedUp { get; init; }
    public required Func<string, string> Withdrew { get; init; }

    // Money in chats: transfers, red packets, the PIN dialog.
    public required string SendMoney { get; init; }
    public required string Transfer { get; init; }
    public required string RedPacket { get; init; }
    public required string KindTransfer { get; init; }
    public required string KindRedPacket { get; init; }
    public required string BestWishes { get; init; }
    public required string BestLuck { get; init; }
    public required string PacketOpen { get; init; }
    public required string PacketAllOpened { get; init; }
    public required string PacketExpired { get; init; }
    public required string PacketNotOpenedYet { get; init; }
    public required string PacketSaved { get; init; }
    public required string PacketNoOpensYet { get; init; }
    public required string PacketKind { get; init; }
    public required string PacketLucky { get; init; }
    public required string PacketEqual { get; init; }
    public required string PacketCount { get; init; }
    public required string PacketTotal { get; init; }
    public required string PacketEach { get; init; }
    public required string PacketGreeting { get; init; }
    public required string PacketCountAtLeastOne { get; init; }
    public required string Opening { get; init; }
    public required string ViewDetails { get; init; }
    public required string TransferNote { get; init; }
    public required string TransferAccepted { get; init; }
    public required string TransferDeclined { get; init; }
    public required string TransferReturned { get; init; }
    public required string TransferWaitingForYou { get; init; }
    public required string NoticeTransferExpired { get; init; }
    public required string Next { get; init; }
    public required string Cancel { get; init; }
    public required string EnterPin { get; init; }
    public required string SetPinInWallet { get; init; }
    public required Func<string, string> TransferTo { get; init; }
    public required Func<string, string> TransferWaitingFor { get; init; }
    public required Func<string, string> PacketOpenedAmount { get; init; }
    public required Func<string, string> PacketFrom { get; init; }
    public required Func<int, int, string> PacketProgress { get; init; }
    public required Func<string, string> PacketTotalIs { get; init; }
    public required Func<int, string> PacketCountAtMost { get; init; }
    public required Func<string, string> ShareAtLeast { get; init; }
    public required Func<string, string> ShareAtMost { get; init; }
    public required Func<string, string> Pay { get; init; }
    public required Func<int, string> PinAttemptsLeft { get; init; }

    /// <summary>Payments locked after wrong PINs, and the wait (<see cref="DurationHours"/> and the like) before they open.</summary>
    public required Func<string, string> PinLockedFor { get; init; }
    public required Func<string, string> NoticeTransferAccepted { get; init; }
    public required Func<string, string> NoticeTransferDeclined { get; init; }
    public required Func<string, string> NoticePacketOpened { get; init; }
    public required Func<string, int, string> NoticePacketOpenedWithOthers { get; init; }
    public required Func<string, string> NoticePacketReturned { get; init; }

    /// <summary>An amount as a screen reader should say it: the figure without its symbol, and the currency.</summary>
    public required Func<string, string, string> SpokenAmount { get; init; }
    public required string DisplayNameHint { get; init; }
    public required string DisplayNameLength { get; init; }
    public required string DisplayNameRequired { get; init; }
    public required string DissolveGroup { get; init; }
    public required string EnterHandleAndPassword { get; init; }
    public required string Everyone { get; init; }
    public required string FilterChats { get; init; }
    public required string Find { get; init; }
    public required string FollowBrowser { get; init; }
    public required string FriendRequests { get; init; }
    public required string Greeting { get; init; }
    public required string GroupName { get; init; }
    public required string GroupNameOptional { get; init; }
    public required string GroupQr { get; init; }
    public required string GroupQrUnavailable { get; init; }
    public required string GroupSettings { get; init; }
    public required string Groups { get; init; }
    public required string Handle { get; init; }
    public required string HandleCharacters { get; init; }
    public required string HandleHint { get; init; }
    public required string HandleLength { get; init; }
    public required string HandleTaken { get; init; }
    public required string HaveAccount { get; init; }
    public required string Image { get; init; }
    public required string InviteApproval { get; init; }
    public required string Join { get; init; }
    public required string JoinGroupByLink { get; init; }
    public required string JoinPending { get; init; }
    public required string KindCard { get; init; }
    public required string KindArticle { get; init; }

    /// <summary>A kind of message this version of the app cannot show yet.</summary>
    public required string KindUnknown { get; init; }
    public required string KindFile { get; init; }
    public required string KindImage { get; init; }
    public required string KindLocation { get; init; }
    public required string KindVideo { get; init; }
    public required string KindVoice { get; init; }
    public required string Language { get; init; }
    public required string LeaveGroup { get; init; }
    public required string ListSeparator { get; init; }
    public required string Loading { get; init; }
    public required string LoadingOlder { get; init; }
    public required string MakeAdmin { get; init; }
    public required string Me { get; init; }
    public required string Members { get; init; }
    public required string MentionSomeone { get; init; }
    public required string MentionedYou { get; init; }
    public required string Message { get; init; }
    public required string MessageActions { get; init; }
    public required string MessageRecalled { get; init; }
    public required string MuteNotifications { get; init; }
    public required string Muted { get; init; }
    public required string MyQrCode { get; init; }
    public required string MyQrHint { get; init; }
    public required string NameLabel { get; init; }
    public required string Navigation { get; init; }
    public required string NewFriends { get; init; }
    public required string NewGroup { get; init; }
    public required string NewHere { get; init; }
    public required string NoAnnouncement { get; init; }
    public required string NoChatsYet { get; init; }
    public required string NoConnection { get; init; }
    public required string NoFriendsYet { get; init; }
    public required string NoRequests { get; init; }
    public required string NotAFriend { get; init; }
    public required string NotAMemberAnymore { get; init; }
    public required string NotSent { get; init; }
    public required string Offline { get; init; }
    public required string OpenImage { get; init; }
    public required string Owner { get; init; }
    public required string Password { get; init; }
    public required string PasswordHint { get; init; }
    public required string PasswordLength { get; init; }
    public required string PickAChat { get; init; }
    public required string PickAContact { get; init; }
    public required string PinChat { get; init; }
    public required string Pinned { get; init; }
    public required string Post { get; init; }
    public required string PrivacyNote { get; init; }

    // Desktop notifications (Me → Settings) and what they say.
    public required string Notifications { get; init; }
    public required string DesktopNotifications { get; init; }
    public required string DesktopNotificationsHint { get; init; }
    public required string NotificationsBlocked { get; init; }
    public required string NotificationsUnsupported { get; init; }
    public required string HidePreviews { get; init; }
    public required string HidePreviewsHint { get; init; }

    /// <summary>All a notification says when previews are hidden: no sender, no content.</summary>
    public required string NewMessage { get; init; }
    public required string Profile { get; init; }
    public required string QuotedMessage { get; init; }
    public required string Recall { get; init; }
    public required string Remark { get; init; }
    public required string Remove { get; init; }
    public required string RemoveAdmin { get; init; }
    public required string Reply { get; init; }
    public required string ReplyingTo { get; init; }
    public required string RequestSent { get; init; }
    public required string Retry { get; init; }
    public required string Save { get; init; }
    public required string Saved { get; init; }
    public required string Search { get; init; }
    public required string SearchMessages { get; init; }
    public required string SearchResults { get; init; }
    public required string Send { get; init; }
    public required string SendFile { get; init; }
    public required string SendMessage { get; init; }
    public required string SendRequest { get; init; }
    public required string Sending { get; init; }
    public required string Settings { get; init; }
    public required string SignIn { get; init; }
    public required string SignOut { get; init; }
    public required string SigningIn { get; init; }
    public required string SkipToContent { get; init; }
    public required string SomethingWentWrong { get; init; }
    public required string StartOfChat { get; init; }
    public required string Tags { get; init; }
    public required string TagsHint { get; init; }

    // Friend tags (Contacts → Tags).
    public required string NewTag { get; init; }
    public required string TagName { get; init; }
    public required string TagMembers { get; init; }
    public required string NoTagsYet { get; init; }
    public required string DeleteTag { get; init; }
    public required string TagNameRequired { get; init; }
    public required string PickAFriend { get; init; }
    public required string FilterFriends { get; init; }
    public required string YourTags { get; init; }
    public required Func<int, string> FriendCount { get; init; }
    public required Func<string, string> DeleteTagConfirm { get; init; }
    public required string ThatIsYou { get; init; }
    public required string TheirHandle { get; init; }
    public required string ThisDevice { get; init; }
    public required string Today { get; init; }
    public required string TypeAMessage { get; init; }
    public required string Uploading { get; init; }
    public required string ViewProfile { get; init; }
    public required string Yesterday { get; init; }
    public required string You { get; init; }
    public required Func<string, string> AcceptFrom { get; init; }
    public required Func<string, string> DeclineFrom { get; init; }
    public required Func<string, string, string> ApproveInvitation { get; init; }
    public required Func<string, string> DefaultGreeting { get; init; }
    public required Func<string, string> DownloadFile { get; init; }
    public required Func<string, string> FileTooLarge { get; init; }

    /// <summary>A message over the node's limit, and how many characters (UTF-16 code units, as the node counts) must go.</summary>
    public required Func<int, string> TextTooLong { get; init; }
    public required Func<string, string> FileEmpty { get; init; }
    public required Func<string, string> GroupQrValidUntil { get; init; }
    public required Func<int, string> InvitationsPending { get; init; }
    public required Func<string, string> InvitedYou { get; init; }
    public required Func<string, string> LastActive { get; init; }
    public required Func<int, string> MemberCount { get; init; }
    public required Func<string, string> NoOneWithHandle { get; init; }
    public required Func<string, string, string> NoticeAnnouncement { get; init; }
    public required Func<string, string, string> NoticeCreated { get; init; }
    public required Func<string, string> NoticeDissolved { get; init; }
    public required Func<string, string, bool, string> NoticeJoined { get; init; }
    public required Func<string, string> NoticeLeft { get; init; }
    public required Func<string, string> NoticeOwnerChanged { get; init; }
    public required Func<string, string> NoticeRecalled { get; init; }
    public required Func<string, string, string> NoticeRemoved { get; init; }
    public required Func<string, string, string> NoticeRenamed { get; init; }
    public required Func<string, string, string> NoticeRoleChanged { get; init; }
    public required Func<string, string> RemoveMemberNamed { get; init; }
    public required Func<string, string> RequestState { get; init; }
    public required Func<string, string> SignOutDevice { get; init; }
    public required Func<int, string> UnreadCount { get; init; }
    public required Func<int, string> WaitingCount { get; init; }
    /// <summary>Too many attempts, and the wait (<see cref="DurationMinutes"/> and the like) before the next.</summary>
    public required Func<string, string> RateLimitedFor { get; init; }

    /// <summary>Follows an error's sentence when the server says how long to wait.</summary>
    public required Func<string, string> TryAgainIn { get; init; }
    public required Func<int, string> DurationSeconds { get; init; }
    public required Func<int, string> DurationMinutes { get; init; }
    public required Func<int, string> DurationHours { get; init; }
    /// <summary>Days of the week from Sunday.</summary>
    public required IReadOnlyList<string> Weekdays { get; init; }

    /// <summary>A date in the current year (month and day) or another (with the year).</summary>
    public required Func<DateTime, bool, string> ShortDate { get; init; }

    /// <summary>Sentences for the API's error codes.</summary>
    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public required AccountStrings Account { get; init; }

    public required SocialStrings Social { get; init; }

    public required ScanStrings Scan { get; init; }

    public required OfficialAccountStrings OfficialAccounts { get; init; }

    /// <summary>Official accounts' articles: the studio's editor, the reader, sharing.</summary>
    public required ArticleStrings Articles { get; init; }

    public required MiniProgramStrings MiniPrograms { get; init; }

    /// <summary>Discover → Games.</summary>
    public required GameStrings Games { get; init; }

    public required StoryStrings Stories { get; init; }

    /// <summary>Paying merchants: the cashier, scanned payment codes, payments in the wallet.</summary>
    public required PaymentStrings Payments { get; init; }

    /// <summary>Merchants: applying, the owner's screens, the operators' review.</summary>
    public required MerchantStrings Merchants { get; init; }

    /// <summary>Receive codes: my code, paying someone's, money arriving.</summary>
    public required ReceiveStrings Receive { get; init; }

    /// <summary>The web view: official accounts' links, opened inside the client.</summary>
    public required WebViewStrings WebView { get; init; }

    public string Weekday(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>The sentence for an error code, or null when the language has none for it.</summary>
    public string? Error(string code) => Errors.GetValueOrDefault(code);

    public static Strings English { get; } = new()
    {
        LanguageTag = "en",
        AppName = "Hutong",
        Account = AccountStrings.English,
        Social = SocialStrings.English,
        Scan = ScanStrings.English,
        OfficialAccounts = OfficialAccountStrings.English,
        Articles = ArticleStrings.English,
        MiniPrograms = MiniProgramStrings.English,
        Games = GameStrings.English,
        Stories = StoryStrings.English,
        Payments = PaymentStrings.English,
        Merchants = MerchantStrings.English,
        Receive = ReceiveStrings.English,
        WebView = WebViewStrings.English,
        Accept = "Accept",
        Add = "Add",
        AddFriend = "Add friend",
        AddMembers = "Add members",
        Admin = "Admin",
        AlreadyFriends = "You are already friends.",
        Announcement = "Announcement",
        Back = "Back",
        CancelReply = "Cancel reply",
        ChatInfo = "Chat info",
        ChatNotFound = "This chat does not exist, or you are not in it.",
        ChatOnly = "Chat only (they see none of my Moments or Status)",
        ChatSettings = "Chat settings",
        Chats = "Chats",
        ChooseMembers = "Choose members",
        Close = "Close",
        Connecting = "Connecting…",
        Contacts = "Contacts",
        Conversation = "Conversation",
        CreateAccount = "Create account",
        CreateGroup = "Create group",
        CreatingAccount = "Creating account…",
        Decline = "Decline",
        DeleteForMe = "Delete for me",
        Devices = "Devices",
        Discard = "Discard",
        Discover = "Discover",
        DiscoverHint = "Search your messages, or join a group by its link.",
        DisplayName = "Name",
        Draft = "[Draft]",
        Wallet = "Wallet",
        Balance = "Balance",
        TopUp = "Top up",
        Withdraw = "Withdraw",
        ChangePin = "Change payment PIN",
        SetPin = "Set payment PIN",
        PaymentPin = "Payment PIN",
        Confirm = "Confirm",
        CurrentPin = "Current PIN",
        NewPin = "New PIN",
        PinHint = "6 digits. Every payment asks for it; 5 wrong tries lock payments for 3 hours.",
        ConfirmPin = "Confirm the PIN",
        PinDigits = "A payment PIN is 6 digits.",
        PinTooEasy = "Too easy to guess: avoid one digit repeated (111111), runs (123456, 112233) and repeated patterns (121212).",
        PinsDiffer = "The two PINs are not the same.",
        EnterCurrentPin = "Enter your current PIN.",
        History = "History",
        NoMovementsYet = "No money has moved yet.",
        AmountInvalid = "Enter an amount such as 12.50.",
        AmountAtMost = amount => $"At most {amount} at a time.",
        AmountOverAvailable = amount => $"More than your wallet has: {amount} available.",
        PinSaved = "Payment PIN saved.",
        AvailableAmount = amount => $"{amount} available",
        AmountIn = currency => $"Amount ({currency})",
        EntryKind = kind => kind switch { "topUp" => "Top-up", "withdrawal" => "Withdrawal", "transfer" => "Transfer", "redPacket" => "Red packet", "payment" => "Payment", "refund" => "Refund",
            "merchantPayout" => "Merchant payout", "paidByCode" => "Paid by code", "receivedByCode" => "Received by code", _ => "Other" },
        ToppedUp = amount => $"Topped up {amount}.",
        Withdrew = amount => $"Withdrew {amount}.",
        SendMoney = "Send money",
        Transfer = "Transfer",
        RedPacket = "Red packet",
        KindTransfer = "[Transfer]",
        KindRedPacket = "[Red packet]",
        BestWishes = "Best wishes",
        BestLuck = "Best luck",
        PacketOpen = "Open",
        PacketAllOpened = "All opened",
        PacketExpired = "Expired",
        PacketNotOpenedYet = "Not opened yet",
        PacketSaved = "Added to your wallet.",
        PacketNoOpensYet = "No one has opened it yet.",
        PacketKind = "Kind",
        PacketLucky = "Lucky (random amounts)",
        PacketEqual = "Equal amounts",
        PacketCount = "Number of packets",
        PacketTotal = "Total amount",
        PacketEach = "Amount each",
        PacketGreeting = "Greeting (optional)",
        PacketCountAtLeastOne = "Enter a number of packets, at least 1.",
        Opening = "Opening…",
        ViewDetails = "View details",
        TransferNote = "Note (optional)",
        TransferAccepted = "Accepted",
        TransferDeclined = "Declined",
        TransferReturned = "Returned",
        TransferWaitingForYou = "Waiting for you to accept",
        NoticeTransferExpired = "The transfer was returned",
        Next = "Next",
        Cancel = "Cancel",
        EnterPin = "Enter payment PIN",
        SetPinInWallet = "Set a payment PIN in your wallet",
        TransferTo = name => $"Transfer to {name}",
        TransferWaitingFor = name => $"Waiting for {name} to accept",
        PacketOpenedAmount = amount => $"Opened {amount}",
        PacketFrom = name => $"{name}'s red packet",
        PacketProgress = (opened, count) => $"{opened}/{count} opened",
        PacketTotalIs = amount => $"{amount} in total",
        PacketCountAtMost = max => $"At most {max} packets here.",
        ShareAtLeast = amount => $"Each packet holds at least {amount}.",
        ShareAtMost = amount => $"Each packet holds at most {amount}.",
        Pay = amount => $"Pay {amount}",
        PinAttemptsLeft = left => left == 1 ? "1 attempt left before payments lock." : $"{left} attempts left before payments lock.",
        PinLockedFor = wait => $"Too many wrong PINs: payments are locked. Try again in {wait}.",
        NoticeTransferAccepted = who => $"{who} accepted the transfer",
        NoticeTransferDeclined = who => $"{who} declined the transfer",
        NoticePacketOpened = who => $"{who} opened your red packet",
        NoticePacketOpenedWithOthers = (who, others) => $"{who} and {others} {(others == 1 ? "other" : "others")} opened your red packet",
        NoticePacketReturned = amount => $"{amount} of your red packet was returned",
        SpokenAmount = (amount, currency) => $"{amount} {currency switch { "CNY" => "yuan", "USD" => "US dollars", "EUR" => "euros", _ => currency }}",
        DisplayNameHint = "How friends see you; any script, emoji welcome.",
        DisplayNameLength = "A name is at most 64 characters.",
        DisplayNameRequired = "Enter a name.",
        DissolveGroup = "Dissolve group",
        EnterHandleAndPassword = "Enter your handle and password.",
        Everyone = "Everyone",
        FilterChats = "Search chats",
        Find = "Find",
        FollowBrowser = "Follow the browser",
        FriendRequests = "Friend requests",
        Greeting = "Greeting",
        GroupName = "Group name",
        GroupNameOptional = "Optional: named after its members",
        GroupQr = "Group QR code",
        GroupQrUnavailable = "Groups over 200 members join by invitation only.",
        GroupSettings = "Group settings",
        Groups = "Groups",
        Handle = "Handle",
        HandleCharacters = "Use letters, digits, _ . and - only.",
        HandleHint = "3–32 letters, digits, _ . or -; friends find you by it.",
        HandleLength = "A handle is 3 to 32 characters.",
        HandleTaken = "That handle is taken; try another.",
        HaveAccount = "Already have an account?",
        Image = "Image",
        InviteApproval = "Members' invitations need an admin's approval",
        Join = "Join",
        JoinGroupByLink = "Join a group by link",
        JoinPending = "Asked to join: an admin will approve it.",
        KindCard = "[Contact card]",
        KindArticle = "[Article]",
        KindUnknown = "[A message this version cannot show: update the app]",
        KindFile = "[File]",
        KindImage = "[Image]",
        KindLocation = "[Location]",
        KindVideo = "[Video]",
        KindVoice = "[Voice]",
        Language = "Language",
        LeaveGroup = "Leave group",
        ListSeparator = ", ",
        Loading = "Loading…",
        LoadingOlder = "Loading earlier messages…",
        MakeAdmin = "Make admin",
        Me = "Me",
        Members = "Members",
        MentionSomeone = "Mention someone",
        MentionedYou = "[You were mentioned]",
        Message = "Message",
        MessageActions = "Message actions",
        MessageRecalled = "This message was recalled",
        MuteNotifications = "Mute",
        Muted = "Muted",
        MyQrCode = "My QR code",
        MyQrHint = "A friend who scans it can add you.",
        NameLabel = "Name",
        Navigation = "Main",
        NewFriends = "New friends",
        NewGroup = "New group",
        NewHere = "New to Hutong?",
        NoAnnouncement = "No announcement yet.",
        NoChatsYet = "No chats yet. Add a friend to start one.",
        NoConnection = "No connection to the server. Check your network and try again.",
        NoFriendsYet = "No friends yet.",
        NoRequests = "Nothing waiting for you.",
        NotAFriend = "Not in your contacts.",
        NotAMemberAnymore = "You are no longer in this group.",
        NotSent = "Not sent",
        Offline = "Offline: messages will be sent when the connection is back",
        OpenImage = "Open image",
        Owner = "Owner",
        Password = "Password",
        PasswordHint = "At least 8 characters.",
        PasswordLength = "A password has at least 8 characters.",
        PickAChat = "Pick a chat to start.",
        PickAContact = "Pick a contact.",
        PinChat = "Pin to top",
        Pinned = "Pinned",
        Post = "Post",
        PrivacyNote = "Hutong never tells anyone whether you have read their messages.",
        Notifications = "Notifications",
        DesktopNotifications = "Desktop notifications",
        DesktopNotificationsHint = "While Hutong is in a background tab, a new message from someone else shows a notification. Muted chats stay quiet, except when someone @mentions you in a group.",
        NotificationsBlocked = "Your browser blocks notifications from this site. Allow them in its site settings (the icon beside the address), then turn this on again.",
        NotificationsUnsupported = "This browser cannot show notifications.",
        HidePreviews = "Hide message previews",
        HidePreviewsHint = "Notifications then say only “New message”: not who wrote it or what it says.",
        NewMessage = "New message",
        Profile = "Profile",
        QuotedMessage = "A message",
        Recall = "Recall",
        Remark = "Remark",
        Remove = "Remove",
        RemoveAdmin = "Remove admin",
        Reply = "Reply",
        ReplyingTo = "Replying to",
        RequestSent = "Request sent. You will be friends once they accept.",
        Retry = "Retry",
        Save = "Save",
        Saved = "Saved.",
        Search = "Search",
        SearchMessages = "Search messages",
        SearchResults = "Results",
        Send = "Send",
        SendFile = "Send a file or image",
        SendMessage = "Message",
        SendRequest = "Send request",
        Sending = "Sending",
        Settings = "Settings",
        SignIn = "Sign in",
        SignOut = "Sign out",
        SigningIn = "Signing in…",
        SkipToContent = "Skip to content",
        SomethingWentWrong = "Something went wrong. Please try again.",
        StartOfChat = "This is the start of the chat.",
        Tags = "Tags",
        TagsHint = "Separate tags with commas.",
        NewTag = "New tag",
        TagName = "Tag name",
        TagMembers = "Friends with this tag",
        NoTagsYet = "No tags yet. A tag groups friends, such as Family or Work.",
        DeleteTag = "Delete tag",
        TagNameRequired = "Enter a tag name.",
        PickAFriend = "Pick at least one friend for the tag.",
        FilterFriends = "Search friends",
        YourTags = "Your tags",
        FriendCount = count => count == 1 ? "1 friend" : $"{count} friends",
        DeleteTagConfirm = name => $"Delete the tag “{name}”? The friends in it stay in your contacts.",
        ThatIsYou = "That is you.",
        TheirHandle = "Their handle",
        ThisDevice = "this device",
        Today = "Today",
        TypeAMessage = "Message",
        Uploading = "Uploading",
        ViewProfile = "View profile",
        Yesterday = "Yesterday",
        You = "You",
        AcceptFrom = name => $"Accept {name}",
        DeclineFrom = name => $"Decline {name}",
        ApproveInvitation = (inviter, invitee) => $"{inviter} invited {invitee}: approve?",
        DefaultGreeting = name => $"Hi, it's {name}",
        DownloadFile = name => $"Download {name}",
        FileTooLarge = name => $"{name} is larger than 100 MB.",
        TextTooLong = over => over == 1 ? "Too long to send: remove 1 character."
            : $"Too long to send: remove {over.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters.",
        FileEmpty = name => $"{name} is empty, so it was not sent.",
        GroupQrValidUntil = until => $"Valid until {until}.",
        InvitationsPending = count => count == 1 ? "1 invitation waits for approval or acceptance." : $"{count} invitations wait for approval or acceptance.",
        InvitedYou = inviter => $"{inviter} invited you to join",
        LastActive = at => $"Last active {at}",
        MemberCount = count => count == 1 ? "1 member" : $"{count} members",
        NoOneWithHandle = handle => $"No one has the handle {handle}.",
        NoticeAnnouncement = (actor, text) => $"{actor} posted an announcement: {text}",
        NoticeCreated = (actor, members) => $"{actor} created the group",
        NoticeDissolved = actor => $"{actor} dissolved the group",
        NoticeJoined = (actor, joined, invited) => invited ? $"{actor} invited {joined} to the group" : $"{joined} joined the group",
        NoticeLeft = who => $"{who} left the group",
        NoticeOwnerChanged = who => $"{who} is now the group owner",
        NoticeRecalled = who => $"{who} recalled a message",
        NoticeRemoved = (actor, who) => $"{actor} removed {who} from the group",
        NoticeRenamed = (actor, name) => $"{actor} renamed the group to \"{name}\"",
        NoticeRoleChanged = (who, role) => role == "admin" ? $"{who} is now an admin" : $"{who} is no longer an admin",
        RemoveMemberNamed = name => $"Remove {name}",
        RequestState = state => state switch { "accepted" => "Accepted", "declined" => "Declined", "expired" => "Expired", _ => state },
        SignOutDevice = name => $"Sign out {name}",
        UnreadCount = count => count == 1 ? "1 unread message" : $"{count} unread messages",
        WaitingCount = count => $"{count} waiting",
        RateLimitedFor = wait => $"Too many attempts. Try again in {wait}.",
        TryAgainIn = wait => $"Try again in {wait}.",
        DurationSeconds = n => n == 1 ? "1 second" : $"{n} seconds",
        DurationMinutes = n => n == 1 ? "1 minute" : $"{n} minutes",
        DurationHours = n => n == 1 ? "1 hour" : $"{n} hours",
        Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ShortDate = (date, sameYear) => date.ToString(sameYear ? "MMM d" : "MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture),
        Errors = new Dictionary<string, string>
        {
            [ErrorCodes.HandleTaken] = "That handle is taken; try another.",
            [ErrorCodes.InvalidCredentials] = "Wrong handle or password.",
            [ErrorCodes.UserNotFound] = "No such person.",
            [ErrorCodes.CannotBefriendSelf] = "You cannot add yourself.",
            [ErrorCodes.AlreadyFriends] = "You are already friends.",
            [ErrorCodes.NotFriends] = "You are not friends, so the message was not sent.",
            [ErrorCodes.RequestRefused] = "This person is not accepting your request.",
            [ErrorCodes.BlockedByYou] = "You have blocked this person; unblock them first.",
            [ErrorCodes.CannotBlockSelf] = "You cannot block yourself.",
            [ErrorCodes.FriendLimitReached] = "The friend limit has been reached.",
            [ErrorCodes.TagExists] = "You already have a tag with that name.",
            [ErrorCodes.TagNotFound] = "That tag no longer exists.",
            [ErrorCodes.ConversationNotFound] = "This chat does not exist, or you are not in it.",
            [ErrorCodes.NotAMember] = "You are not in this group.",
            [ErrorCodes.MessageRefused] = "The message was refused.",
            [ErrorCodes.NotAllowed] = "Only the group owner or an admin can do that.",
            [ErrorCodes.GroupFull] = "The group is full.",
            [ErrorCodes.AdminLimitReached] = "A group has at most 3 admins.",
            [ErrorCodes.RecallWindowPassed] = "Messages can be recalled only within 2 minutes.",
            [ErrorCodes.RateLimited] = "Too many attempts. Please wait a moment.",
            [ErrorCodes.PayloadTooLarge] = "That file is too large.",
            [ErrorCodes.WalletNotEmpty] = "Empty your wallet first: withdraw the balance and wait for pending transfers and red packets to finish.",
            [ErrorCodes.EmptyFile] = "The file is empty.",
            [ErrorCodes.UnsupportedMedia] = "That file cannot be played or shown. Send an MP4 or WebM video, or a JPEG, PNG, WebP or GIF picture.",
            [ErrorCodes.MediaProcessingUnavailable] = "Videos cannot be sent just now. Try again later.",
            [ErrorCodes.VideoTooLong] = "That video is too long. Trim it and try again.",
            [ErrorCodes.StorageUnavailable] = "That could not be saved just now. Try again.",
            [ErrorCodes.ClusterUnavailable] = "The service is busy for a moment. Try again.",
            [ErrorCodes.MediaNotFound] = "That file is no longer available.",
            [ErrorCodes.CodeInvalid] = "That link is not valid or has expired.",
            [ErrorCodes.QrUnavailable] = "This group's QR code is not available.",
            [ErrorCodes.AlreadyMember] = "You are already in this group.",
            [ErrorCodes.ValidationFailed] = "Please check what you entered.",
            [ErrorCodes.RequestNotFound] = "That request no longer exists.",
            [ErrorCodes.RequestNotPending] = "That request has already been answered.",
            [ErrorCodes.RequestExpired] = "That request has expired.",
            [ErrorCodes.DeviceNotFound] = "That device is already signed out.",
            [ErrorCodes.MessageNotFound] = "That message is gone.",
            [ErrorCodes.NotYourMessage] = "Only the sender can recall a message.",
            [ErrorCodes.AlreadyRecalled] = "That message was already recalled.",
            [ErrorCodes.InvitationNotFound] = "That invitation is no longer open.",
            [ErrorCodes.UnsupportedMediaType] = "That kind of file cannot be sent.",
            [ErrorCodes.Unauthorized] = "Please sign in again.",
            [ErrorCodes.Forbidden] = "You are not allowed to do that.",
            [ErrorCodes.BadRequest] = "That request could not be handled. Please try again.",
            [ErrorCodes.MalformedBody] = "The server could not read what the app sent. Please reload the page.",
            [ErrorCodes.NotFound] = "That could not be found.",
            [ErrorCodes.MethodNotAllowed] = "That action is not available here.",
            [ErrorCodes.Conflict] = "That changed in the meantime. Please refresh and try again.",
            [ErrorCodes.UriTooLong] = "That is too long to send. Please shorten it.",
            [ErrorCodes.HeadersTooLarge] = "That request carried too much. Please reload the page and try again.",
            [ErrorCodes.InternalError] = "Something went wrong on our side. Please try again.",
            [ErrorCodes.WebSocketRequired] = "Live updates could not connect. Please reload the page.",
            [ErrorCodes.HelloExpected] = "The live connection was reset. Please reload the page.",
            [ErrorCodes.UnsupportedProtocol] = "This page is older than the server. Please reload it.",
            [ErrorCodes.MalformedFrame] = "The server could not read a live update from the app. Please reload the page.",
            [ErrorCodes.TextFramesOnly] = "The app sent data the server does not accept. Please reload the page.",
            [ErrorCodes.AlreadyWelcomed] = "You are already connected.",
            [ErrorCodes.UnknownFrameType] = "The server does not understand this request. Please reload the page to update the app.",
            [ErrorCodes.FrameTooLarge] = "That message is too long to send.",
            [ErrorCodes.InsufficientFunds] = "Your wallet does not hold that much.",
            [ErrorCodes.PinNotSet] = "Set a payment PIN first.",
            [ErrorCodes.WrongPin] = "Wrong payment PIN.",
            [ErrorCodes.PinLocked] = "Too many wrong PINs: payments are locked for now.",
            [ErrorCodes.IdempotencyConflict] = "That was already sent differently; please try again.",
            ["offline"] = "No connection: not sent.",
            [ErrorCodes.TransferNotFound] = "That transfer is not to or from you.",
            [ErrorCodes.TransferNotPending] = "That transfer was already answered.",
            [ErrorCodes.PacketNotFound] = "That red packet is not in your chats.",
            [ErrorCodes.AlreadyOpened] = "You already opened this red packet.",
            [ErrorCodes.PacketEmpty] = "Too late: every packet has been opened.",
            [ErrorCodes.OrderNotFound] = "This payment code is not valid.",
            [ErrorCodes.OrderPaid] = "This order has been paid.",
            [ErrorCodes.OrderClosed] = "This order is closed or has expired.",
            [ErrorCodes.PaymentExpired] = "This payment request has expired. Ask the merchant for a new one.",
            [ErrorCodes.BadPaySign] = "This payment request could not be verified, so nothing was paid.",
            [ErrorCodes.NotYourOrder] = "This order was made for someone else.",
            [ErrorCodes.MerchantUnavailable] = "This merchant cannot take payments right now.",
            [ErrorCodes.ReceiveCodeNotFound] = "This receive code no longer works: it may have been reset.",
            [ErrorCodes.CannotPaySelf] = "This is your own receive code.",
            [ErrorCodes.PaymentRefused] = "This person is not taking payments from you.",
            [ErrorCodes.RefundRefused] = "This order cannot be refunded that way.",
            [ErrorCodes.PacketExpired] = "This red packet has expired.",
            [ErrorCodes.RailDeclined] = "The bank declined this top-up. Please try again later.",
            [ErrorCodes.PostNotFound] = "That post is gone, or not shared with you.",
            [ErrorCodes.CommentNotFound] = "That comment is gone, or not one you can see.",
            [ErrorCodes.StatusNotFound] = "That status is gone: a status lasts a day.",
            [ErrorCodes.AccountNotFound] = "No such official account.",
            [ErrorCodes.NotAccountAdmin] = "Only the account's admins can do that.",
            [ErrorCodes.NotOperator] = "Only an operator can do that.",
            [ErrorCodes.AccountNotActive] = "This account is not open yet: it is waiting for review, or was rejected.",
            [ErrorCodes.TooManyAccounts] = "You have as many official accounts as one person may.",
            [ErrorCodes.FollowerNotFound] = "That person does not follow the account.",
            [ErrorCodes.FollowerTagNotFound] = "That tag is gone.",
            [ErrorCodes.TooManyTags] = "No more tags can be added there.",
            [ErrorCodes.FollowerTagExists] = "The account has a tag of that name already.",
            [ErrorCodes.BroadcastQuotaExceeded] = "No broadcasts are left for now: a subscription account sends one a day, a service account four a month.",
            [ErrorCodes.OutsideServiceWindow] = "You can message this follower only for a while after they message you, click your menu, follow or scan your code.",
            [ErrorCodes.AccountMessageNotFound] = "That message is not in this conversation.",
            [ErrorCodes.DeveloperUrlNotVerified] = "The server URL did not pass verification: it must answer the check with the echostr it is sent.",
            [ErrorCodes.DeveloperModeOff] = "Developer mode is off for this account.",
            [ErrorCodes.ArticleNotFound] = "That article is gone, or not published yet.",
            [ErrorCodes.ArticlePublished] = "A published article cannot be deleted.",
            [ErrorCodes.MenuItemNotFound] = "The menu changed: that item is gone. Open the thread again to see the menu as it is now.",
            [ErrorCodes.QrCodeInvalid] = "This QR code has expired or is not valid. Ask for a new one.",
            [ErrorCodes.RedirectUriMismatch] = "This page cannot learn who you are: its address is not one of the official account's web authorization domains.",
            [ErrorCodes.ScopeNotSupported] = "This page asks for your name and profile photo (snsapi_userinfo), which Hutong does not give web pages yet.",
            [ErrorCodes.TooManyQrCodes] = "The account has as many permanent QR codes as it may.",
            [ErrorCodes.MiniProgramNotFound] = "No such mini-program.",
            [ErrorCodes.NotADeveloper] = "Register as a developer first.",
            [ErrorCodes.NotOnTheTeam] = "Only the mini-program's team can do that.",
            [ErrorCodes.TooManyMiniPrograms] = "You have as many mini-programs as one developer may.",
            [ErrorCodes.StoryNotFound] = "No such story.",
            [ErrorCodes.StoryRevisionConflict] = "The story was changed in another tab or on another device.",
            [ErrorCodes.TooManyStories] = "You have as many stories as one person may: delete one first.",
            [ErrorCodes.StoryInvalid] = "The story cannot be published as it is.",
            [ErrorCodes.VersionNotFound] = "No such version.",
            [ErrorCodes.VersionExists] = "That version number is taken: upload under a new one.",
            [ErrorCodes.VersionStateConflict] = "That version can't do that in its current state.",
            [ErrorCodes.ReviewPending] = "Another version is already in review.",
            [ErrorCodes.PackageInvalid] = "The package has an error.",
            [ErrorCodes.StorageFull] = "The mini-program's storage is full.",
            [ErrorCodes.DomainNotAllowed] = "That address is not on the mini-program's list.",
            [ErrorCodes.RequestFailed] = "The mini-program's server did not answer.",
            [ErrorCodes.CloudStorageFull] = "The game keeps at most 128 items for you.",
            [ErrorCodes.ShareTicketInvalid] = "That group's leaderboard is not open to you.",
            [ErrorCodes.SessionRequired] = "The mini-program has not signed you in yet.",
            [ErrorCodes.MerchantNotFound] = "No such merchant.",
            [ErrorCodes.NotMerchantOwner] = "Only the merchant's owner can do that.",
            [ErrorCodes.TooManyMerchants] = "You have as many merchants as one person may.",
            [ErrorCodes.MerchantNotPending] = "This merchant has already been reviewed.",
            [ErrorCodes.MerchantKeyExists] = "The merchant has this key already. A revoked key cannot be added again: make a new one.",
            [ErrorCodes.TooManyMerchantKeys] = "The merchant has as many keys as it may. Revoke one first.",
            [ErrorCodes.MerchantKeyNotFound] = "The merchant has no key in use with that serial number.",
            [ErrorCodes.AppNotAdministered] = "You do not run an official account or mini-program with that app ID.",
            [ErrorCodes.AppNotBound] = "That app is not bound to the merchant.",
        },
    };

    public static Strings Chinese { get; } = new()
    {
        LanguageTag = "zh-Hans",
        AppName = "胡同",
        Account = AccountStrings.Chinese,
        Social = SocialStrings.Chinese,
        Scan = ScanStrings.Chinese,
        OfficialAccounts = OfficialAccountStrings.Chinese,
        Articles = ArticleStrings.Chinese,
        MiniPrograms = MiniProgramStrings.Chinese,
        Games = GameStrings.Chinese,
        Stories = StoryStrings.Chinese,
        Payments = PaymentStrings.Chinese,
        Merchants = MerchantStrings.Chinese,
        Receive = ReceiveStrings.Chinese,
        WebView = WebViewStrings.Chinese,
        Accept = "接受",
        Add = "添加",
        AddFriend = "添加朋友",
        AddMembers = "添加成员",
        Admin = "管理员",
        AlreadyFriends = "你们已经是朋友了。",
        Announcement = "群公告",
        Back = "返回",
        CancelReply = "取消引用",
        ChatInfo = "聊天信息",
        ChatNotFound = "该聊天不存在，或你不在其中。",
        ChatOnly = "仅聊天（对方看不到我的朋友圈和状态）",
        ChatSettings = "聊天设置",
        Chats = "聊天",
        ChooseMembers = "选择成员",
        Close = "关闭",
        Connecting = "连接中…",
        Contacts = "通讯录",
        Conversation = "会话",
        CreateAccount = "注册账号",
        CreateGroup = "创建群聊",
        CreatingAccount = "正在注册…",
        Decline = "拒绝",
        DeleteForMe = "仅为我删除",
        Devices = "登录设备",
        Discard = "放弃",
        Discover = "发现",
        DiscoverHint = "搜索你的消息，或通过链接加入群聊。",
        DisplayName = "名字",
        Draft = "[草稿]",
        Wallet = "钱包",
        Balance = "余额",
        TopUp = "充值",
        Withdraw = "提现",
        ChangePin = "修改支付密码",
        SetPin = "设置支付密码",
        PaymentPin = "支付密码",
        Confirm = "确认",
        CurrentPin = "当前支付密码",
        NewPin = "新支付密码",
        PinHint = "6 位数字。每次付款都需要输入；连续输错 5 次将锁定付款 3 小时。",
        ConfirmPin = "再次输入支付密码",
        PinDigits = "支付密码为 6 位数字。",
        PinTooEasy = "太容易被猜到：请勿使用同一数字重复（111111）、连续数字（123456、112233）或重复组合（121212）。",
        PinsDiffer = "两次输入的支付密码不一致。",
        EnterCurrentPin = "请输入当前支付密码。",
        History = "账单",
        NoMovementsYet = "暂无收支记录。",
        AmountInvalid = "请输入金额，例如 12.50。",
        AmountAtMost = amount => $"单笔金额不能超过 {amount}。",
        AmountOverAvailable = amount => $"零钱不足，可用 {amount}。",
        PinSaved = "支付密码已保存。",
        AvailableAmount = amount => $"可用 {amount}",
        AmountIn = currency => $"金额（{currency}）",
        EntryKind = kind => kind switch { "topUp" => "充值", "withdrawal" => "提现", "transfer" => "转账", "redPacket" => "红包", "payment" => "付款", "refund" => "退款",
            "merchantPayout" => "商户结算", "paidByCode" => "扫码付款", "receivedByCode" => "扫码收款", _ => "其他" },
        ToppedUp = amount => $"已充值 {amount}。",
        Withdrew = amount => $"已提现 {amount}。",
        SendMoney = "红包和转账",
        Transfer = "转账",
        RedPacket = "红包",
        KindTransfer = "[转账]",
        KindRedPacket = "[红包]",
        BestWishes = "恭喜发财，大吉大利",
        BestLuck = "手气最佳",
        PacketOpen = "领取红包",
        PacketAllOpened = "已被领完",
        PacketExpired = "已过期",
        PacketNotOpenedYet = "未被领取",
        PacketSaved = "已存入钱包。",
        PacketNoOpensYet = "还没有人领取。",
        PacketKind = "红包类型",
        PacketLucky = "拼手气红包",
        PacketEqual = "普通红包",
        PacketCount = "红包个数",
        PacketTotal = "总金额",
        PacketEach = "单个金额",
        PacketGreeting = "祝福语（选填）",
        PacketCountAtLeastOne = "请填写红包个数，至少 1 个。",
        Opening = "正在打开…",
        ViewDetails = "查看领取详情",
        TransferNote = "转账说明（选填）",
        TransferAccepted = "已收款",
        TransferDeclined = "已拒收",
        TransferReturned = "已退还",
        TransferWaitingForYou = "待你收款",
        NoticeTransferExpired = "转账已过期退还",
        Next = "下一步",
        Cancel = "取消",
        EnterPin = "请输入支付密码",
        SetPinInWallet = "去钱包设置支付密码",
        TransferTo = name => $"转账给{name}",
        TransferWaitingFor = name => $"待{name}收款",
        PacketOpenedAmount = amount => $"已领取 {amount}",
        PacketFrom = name => $"{name}的红包",
        PacketProgress = (opened, count) => $"已领取 {opened}/{count} 个",
        PacketTotalIs = amount => $"共 {amount}",
        PacketCountAtMost = max => $"这里最多发 {max} 个红包。",
        ShareAtLeast = amount => $"单个红包金额不能低于 {amount}。",
        ShareAtMost = amount => $"单个红包金额不能超过 {amount}。",
        Pay = amount => $"支付 {amount}",
        PinAttemptsLeft = left => $"还可以再试 {left} 次，之后付款将被锁定。",
        PinLockedFor = wait => $"支付密码错误次数过多，付款已锁定，请 {wait}后再试。",
        NoticeTransferAccepted = who => $"{who}已收款",
        NoticeTransferDeclined = who => $"{who}已拒收转账",
        NoticePacketOpened = who => $"{who}领取了你的红包",
        NoticePacketOpenedWithOthers = (who, others) => $"{who}等{others + 1}人领取了你的红包",
        NoticePacketReturned = amount => $"你的红包未领完的 {amount} 已退回",
        SpokenAmount = (amount, currency) => currency switch { "CNY" => $"{amount}元", "USD" => $"{amount}美元", "EUR" => $"{amount}欧元", _ => $"{amount}{currency}" },
        DisplayNameHint = "朋友看到的名字，可用任何文字和表情。",
        DisplayNameLength = "名字最多 64 个字符。",
        DisplayNameRequired = "请输入名字。",
        DissolveGroup = "解散群聊",
        EnterHandleAndPassword = "请输入账号和密码。",
        Everyone = "所有人",
        FilterChats = "搜索聊天",
        Find = "查找",
        FollowBrowser = "跟随浏览器",
        FriendRequests = "好友申请",
        Greeting = "招呼语",
        GroupName = "群名称",
        GroupNameOptional = "可不填：以成员名字命名",
        GroupQr = "群二维码",
        GroupQrUnavailable = "超过 200 人的群只能通过邀请加入。",
        GroupSettings = "群设置",
        Groups = "群聊",
        Handle = "账号",
        HandleCharacters = "只能使用字母、数字、_ . 和 -。",
        HandleHint = "3–32 个字母、数字、_ . 或 -，朋友凭它找到你。",
        HandleLength = "账号长度为 3 到 32 个字符。",
        HandleTaken = "该账号已被占用，请换一个。",
        HaveAccount = "已有账号？",
        Image = "图片",
        InviteApproval = "邀请入群需群主或管理员确认",
        Join = "加入",
        JoinGroupByLink = "通过链接加入群聊",
        JoinPending = "已申请加入，等待管理员确认。",
        KindCard = "[名片]",
        KindArticle = "[文章]",
        KindUnknown = "[当前版本无法显示此消息，请更新]",
        KindFile = "[文件]",
        KindImage = "[图片]",
        KindLocation = "[位置]",
        KindVideo = "[视频]",
        KindVoice = "[语音]",
        Language = "语言",
        LeaveGroup = "退出群聊",
        ListSeparator = "、",
        Loading = "加载中…",
        LoadingOlder = "正在加载更早的消息…",
        MakeAdmin = "设为管理员",
        Me = "我",
        Members = "群成员",
        MentionSomeone = "提醒谁看",
        MentionedYou = "[有人@我]",
        Message = "消息",
        MessageActions = "消息操作",
        MessageRecalled = "此消息已撤回",
        MuteNotifications = "消息免打扰",
        Muted = "免打扰",
        MyQrCode = "我的二维码",
        MyQrHint = "朋友扫一扫即可加你为好友。",
        NameLabel = "昵称",
        Navigation = "主导航",
        NewFriends = "新的朋友",
        NewGroup = "发起群聊",
        NewHere = "第一次使用胡同？",
        NoAnnouncement = "暂无群公告。",
        NoChatsYet = "还没有聊天。添加朋友开始聊天吧。",
        NoConnection = "无法连接服务器，请检查网络后重试。",
        NoFriendsYet = "还没有朋友。",
        NoRequests = "暂无新的申请。",
        NotAFriend = "不在你的通讯录中。",
        NotAMemberAnymore = "你已不在此群聊中。",
        NotSent = "发送失败",
        Offline = "已离线：恢复连接后自动发送消息",
        OpenImage = "查看图片",
        Owner = "群主",
        Password = "密码",
        PasswordHint = "至少 8 个字符。",
        PasswordLength = "密码至少 8 个字符。",
        PickAChat = "选择一个聊天开始。",
        PickAContact = "选择一位联系人。",
        PinChat = "置顶聊天",
        Pinned = "已置顶",
        Post = "发布",
        PrivacyNote = "胡同从不告诉任何人你是否已读他们的消息。",
        Notifications = "通知",
        DesktopNotifications = "桌面通知",
        DesktopNotificationsHint = "胡同在后台标签页时，别人发来的新消息会弹出通知。免打扰的聊天不通知，除非有人在群里@你。",
        NotificationsBlocked = "浏览器已阻止此网站的通知。请在网站设置（地址栏旁的图标）中允许通知，再打开此开关。",
        NotificationsUnsupported = "此浏览器无法显示通知。",
        HidePreviews = "隐藏消息预览",
        HidePreviewsHint = "通知只显示“新消息”，不显示是谁发的、写了什么。",
        NewMessage = "新消息",
        Profile = "个人信息",
        QuotedMessage = "一条消息",
        Recall = "撤回",
        Remark = "备注",
        Remove = "移出",
        RemoveAdmin = "取消管理员",
        Reply = "引用",
        ReplyingTo = "引用",
        RequestSent = "申请已发送，对方通过后你们就是朋友了。",
        Retry = "重试",
        Save = "保存",
        Saved = "已保存。",
        Search = "搜索",
        SearchMessages = "搜索聊天记录",
        SearchResults = "搜索结果",
        Send = "发送",
        SendFile = "发送文件或图片",
        SendMessage = "发消息",
        SendRequest = "发送申请",
        Sending = "发送中",
        Settings = "设置",
        SignIn = "登录",
        SignOut = "退出登录",
        SigningIn = "正在登录…",
        SkipToContent = "跳到主要内容",
        SomethingWentWrong = "出了点问题，请重试。",
        StartOfChat = "以上是全部聊天记录。",
        Tags = "标签",
        TagsHint = "多个标签用逗号分隔。",
        NewTag = "新建标签",
        TagName = "标签名字",
        TagMembers = "标签成员",
        NoTagsYet = "还没有标签。用标签给朋友分组，例如“家人”“同事”。",
        DeleteTag = "删除标签",
        TagNameRequired = "请输入标签名字。",
        PickAFriend = "请为标签至少选择一位朋友。",
        FilterFriends = "搜索朋友",
        YourTags = "已有标签",
        FriendCount = count => $"{count} 位朋友",
        DeleteTagConfirm = name => $"删除标签“{name}”？标签中的朋友仍保留在通讯录中。",
        ThatIsYou = "这是你自己。",
        TheirHandle = "对方账号",
        ThisDevice = "本机",
        Today = "今天",
        TypeAMessage = "发消息",
        Uploading = "上传中",
        ViewProfile = "查看资料",
        Yesterday = "昨天",
        You = "你",
        AcceptFrom = name => $"接受{name}",
        DeclineFrom = name => $"拒绝{name}",
        ApproveInvitation = (inviter, invitee) => $"{inviter}邀请{invitee}入群，是否同意？",
        DefaultGreeting = name => $"你好，我是{name}",
        DownloadFile = name => $"下载{name}",
        FileTooLarge = name => $"{name}超过 100 MB。",
        TextTooLong = over => $"太长了，删掉 {over.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 个字才能发送。",
        FileEmpty = name => $"{name}是空文件，未发送。",
        GroupQrValidUntil = until => $"{until}前有效。",
        InvitationsPending = count => $"{count} 个邀请等待确认。",
        InvitedYou = inviter => $"{inviter}邀请你加入群聊",
        LastActive = at => $"最近活跃 {at}",
        MemberCount = count => $"{count} 人",
        NoOneWithHandle = handle => $"没有账号为 {handle} 的用户。",
        NoticeAnnouncement = (actor, text) => $"{actor}发布了群公告：{text}",
        NoticeCreated = (actor, members) => $"{actor}创建了群聊",
        NoticeDissolved = actor => $"{actor}解散了群聊",
        NoticeJoined = (actor, joined, invited) => invited ? $"{actor}邀请{joined}加入了群聊" : $"{joined}加入了群聊",
        NoticeLeft = who => $"{who}退出了群聊",
        NoticeOwnerChanged = who => $"{who}已成为新群主",
        NoticeRecalled = who => $"{who}撤回了一条消息",
        NoticeRemoved = (actor, who) => $"{actor}将{who}移出了群聊",
        NoticeRenamed = (actor, name) => $"{actor}修改群名为“{name}”",
        NoticeRoleChanged = (who, role) => role == "admin" ? $"{who}已成为管理员" : $"{who}不再是管理员",
        RemoveMemberNamed = name => $"移出{name}",
        RequestState = state => state switch { "accepted" => "已添加", "declined" => "已拒绝", "expired" => "已过期", _ => state },
        SignOutDevice = name => $"退出{name}",
        UnreadCount = count => $"{count} 条未读消息",
        WaitingCount = count => $"{count} 个待处理",
        RateLimitedFor = wait => $"操作太频繁，请 {wait}后再试。",
        TryAgainIn = wait => $"请 {wait}后再试。",
        DurationSeconds = n => $"{n} 秒",
        DurationMinutes = n => $"{n} 分钟",
        DurationHours = n => $"{n} 小时",
        Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        ShortDate = (date, sameYear) => sameYear ? $"{date.Month}月{date.Day}日" : $"{date.Year}年{date.Month}月{date.Day}日",
        Errors = new Dictionary<string, string>
        {
            [ErrorCodes.HandleTaken] = "该账号已被占用，请换一个。",
            [ErrorCodes.InvalidCredentials] = "账号或密码错误。",
            [ErrorCodes.UserNotFound] = "找不到该用户。",
            [ErrorCodes.CannotBefriendSelf] = "不能添加自己为好友。",
            [ErrorCodes.AlreadyFriends] = "你们已经是朋友了。",
            [ErrorCodes.NotFriends] = "你们还不是朋友，消息未发送。",
            [ErrorCodes.RequestRefused] = "对方不接受你的申请。",
            [ErrorCodes.BlockedByYou] = "你已将对方拉黑，请先解除。",
            [ErrorCodes.CannotBlockSelf] = "不能拉黑自己。",
            [ErrorCodes.FriendLimitReached] = "好友数量已达上限。",
            [ErrorCodes.TagExists] = "已有同名标签。",
            [ErrorCodes.TagNotFound] = "该标签已不存在。",
            [ErrorCodes.ConversationNotFound] = "该聊天不存在，或你不在其中。",
            [ErrorCodes.NotAMember] = "你不在此群聊中。",
            [ErrorCodes.MessageRefused] = "消息被拒收。",
            [ErrorCodes.NotAllowed] = "只有群主或管理员可以这样做。",
            [ErrorCodes.GroupFull] = "群聊人数已满。",
            [ErrorCodes.AdminLimitReached] = "一个群最多 3 位管理员。",
            [ErrorCodes.RecallWindowPassed] = "只能撤回 2 分钟内的消息。",
            [ErrorCodes.RateLimited] = "操作太频繁，请稍后再试。",
            [ErrorCodes.PayloadTooLarge] = "文件太大。",
            [ErrorCodes.WalletNotEmpty] = "请先清空钱包：提现余额，并等待待收转账和红包处理完毕。",
            [ErrorCodes.EmptyFile] = "文件是空的。",
            [ErrorCodes.UnsupportedMedia] = "无法播放或显示该文件。请发送 MP4 或 WebM 视频，或 JPEG、PNG、WebP、GIF 图片。",
            [ErrorCodes.MediaProcessingUnavailable] = "暂时无法发送视频，请稍后再试。",
            [ErrorCodes.VideoTooLong] = "视频太长，请剪短后再试。",
            [ErrorCodes.StorageUnavailable] = "暂时无法保存，请重试。",
            [ErrorCodes.ClusterUnavailable] = "服务暂时繁忙，请稍后重试。",
            [ErrorCodes.MediaNotFound] = "该文件已不可用。",
            [ErrorCodes.CodeInvalid] = "链接无效或已过期。",
            [ErrorCodes.QrUnavailable] = "该群二维码不可用。",
            [ErrorCodes.AlreadyMember] = "你已在此群聊中。",
            [ErrorCodes.ValidationFailed] = "请检查输入的内容。",
            [ErrorCodes.RequestNotFound] = "该申请已不存在。",
            [ErrorCodes.RequestNotPending] = "该申请已处理。",
            [ErrorCodes.RequestExpired] = "该申请已过期。",
            [ErrorCodes.DeviceNotFound] = "该设备已退出登录。",
            [ErrorCodes.MessageNotFound] = "该消息已不存在。",
            [ErrorCodes.NotYourMessage] = "只有发送者可以撤回消息。",
            [ErrorCodes.AlreadyRecalled] = "该消息已撤回。",
            [ErrorCodes.InvitationNotFound] = "该邀请已失效。",
            [ErrorCodes.UnsupportedMediaType] = "不支持发送这种文件。",
            [ErrorCodes.Unauthorized] = "请重新登录。",
            [ErrorCodes.Forbidden] = "你无权这样做。",
            [ErrorCodes.BadRequest] = "请求无法处理，请重试。",
            [ErrorCodes.MalformedBody] = "服务器读不懂应用发来的内容，请刷新页面。",
            [ErrorCodes.NotFound] = "找不到相关内容。",
            [ErrorCodes.MethodNotAllowed] = "这里不支持该操作。",
            [ErrorCodes.Conflict] = "内容刚刚有变动，请刷新后重试。",
            [ErrorCodes.UriTooLong] = "内容太长，请缩短后再试。",
            [ErrorCodes.HeadersTooLarge] = "请求信息过多，请刷新页面后重试。",
            [ErrorCodes.InternalError] = "服务器出了点问题，请稍后重试。",
            [ErrorCodes.WebSocketRequired] = "实时连接失败，请刷新页面。",
            [ErrorCodes.HelloExpected] = "实时连接已重置，请刷新页面。",
            [ErrorCodes.UnsupportedProtocol] = "此页面版本低于服务器，请刷新页面。",
            [ErrorCodes.MalformedFrame] = "服务器无法识别应用发来的实时数据，请刷新页面。",
            [ErrorCodes.TextFramesOnly] = "服务器不接受应用发来的数据，请刷新页面。",
            [ErrorCodes.AlreadyWelcomed] = "已经连上了，无需重复连接。",
            [ErrorCodes.UnknownFrameType] = "服务器无法识别此请求，请刷新页面以更新应用。",
            [ErrorCodes.FrameTooLarge] = "消息太长，无法发送。",
            [ErrorCodes.InsufficientFunds] = "余额不足。",
            [ErrorCodes.PinNotSet] = "请先设置支付密码。",
            [ErrorCodes.WrongPin] = "支付密码错误。",
            [ErrorCodes.PinLocked] = "支付密码错误次数过多，付款已暂时锁定。",
            [ErrorCodes.IdempotencyConflict] = "该请求已以不同内容提交过，请重试。",
            ["offline"] = "没有网络连接，未发送。",
            [ErrorCodes.TransferNotFound] = "该转账不存在。",
            [ErrorCodes.TransferNotPending] = "该转账已处理。",
            [ErrorCodes.PacketNotFound] = "该红包不存在。",
            [ErrorCodes.AlreadyOpened] = "你已领取过这个红包。",
            [ErrorCodes.PacketEmpty] = "手慢了，红包派完了。",
            [ErrorCodes.OrderNotFound] = "这个付款码无效。",
            [ErrorCodes.OrderPaid] = "订单已支付。",
            [ErrorCodes.OrderClosed] = "订单已关闭或已过期。",
            [ErrorCodes.PaymentExpired] = "支付请求已过期，请让商户重新发起。",
            [ErrorCodes.BadPaySign] = "支付请求校验失败，未付款。",
            [ErrorCodes.NotYourOrder] = "这是别人的订单。",
            [ErrorCodes.MerchantUnavailable] = "该商户暂时无法收款。",
            [ErrorCodes.ReceiveCodeNotFound] = "这个收款码已失效，可能已被重置。",
            [ErrorCodes.CannotPaySelf] = "这是你自己的收款码。",
            [ErrorCodes.PaymentRefused] = "对方暂不接受你的付款。",
            [ErrorCodes.RefundRefused] = "该订单无法按此退款。",
            [ErrorCodes.PacketExpired] = "该红包已过期。",
            [ErrorCodes.RailDeclined] = "银行未通过本次充值，请稍后再试。",
            [ErrorCodes.PostNotFound] = "该动态已删除，或未对你公开。",
            [ErrorCodes.CommentNotFound] = "该评论已删除，或你无法查看。",
            [ErrorCodes.StatusNotFound] = "该状态已消失：状态只保留一天。",
            [ErrorCodes.AccountNotFound] = "没有这个公众号。",
            [ErrorCodes.NotAccountAdmin] = "只有公众号的管理员可以这样做。",
            [ErrorCodes.NotOperator] = "只有平台运营人员可以这样做。",
            [ErrorCodes.AccountNotActive] = "该公众号尚未开放：正在审核，或未通过审核。",
            [ErrorCodes.TooManyAccounts] = "你拥有的公众号已达上限。",
            [ErrorCodes.FollowerNotFound] = "此人未关注该公众号。",
            [ErrorCodes.FollowerTagNotFound] = "该标签已删除。",
            [ErrorCodes.TooManyTags] = "标签已达上限。",
            [ErrorCodes.FollowerTagExists] = "已有同名标签。",
            [ErrorCodes.BroadcastQuotaExceeded] = "群发次数已用完：订阅号每天一次，服务号每月四次。",
            [ErrorCodes.OutsideServiceWindow] = "只有在粉丝发消息、点击菜单、关注或扫码后的一段时间内才能给其发消息。",
            [ErrorCodes.AccountMessageNotFound] = "该消息不在此会话中。",
            [ErrorCodes.DeveloperUrlNotVerified] = "服务器地址未通过验证：它须原样返回收到的 echostr。",
            [ErrorCodes.DeveloperModeOff] = "该公众号未启用开发者模式。",
            [ErrorCodes.ArticleNotFound] = "该文章不存在，或尚未发布。",
            [ErrorCodes.ArticlePublished] = "已发布的文章不能删除。",
            [ErrorCodes.MenuItemNotFound] = "菜单已更改，该项已不存在。请重新打开会话查看最新菜单。",
            [ErrorCodes.QrCodeInvalid] = "该二维码已过期或无效，请索取新的二维码。",
            [ErrorCodes.RedirectUriMismatch] = "此网页无法获取你的身份：它的地址不在该公众号的网页授权域名中。",
            [ErrorCodes.ScopeNotSupported] = "此网页请求获取你的昵称和头像（snsapi_userinfo），Hutong 暂不向网页提供。",
            [ErrorCodes.TooManyQrCodes] = "该公众号的永久二维码已达上限。",
            [ErrorCodes.MiniProgramNotFound] = "没有这个小程序。",
            [ErrorCodes.NotADeveloper] = "请先注册为开发者。",
            [ErrorCodes.NotOnTheTeam] = "只有小程序的开发团队可以这样做。",
            [ErrorCodes.TooManyMiniPrograms] = "你的小程序数量已达上限。",
            [ErrorCodes.StoryNotFound] = "没有这个故事。",
            [ErrorCodes.StoryRevisionConflict] = "这个故事在另一个标签页或设备上被修改了。",
            [ErrorCodes.TooManyStories] = "你的故事数量已达上限，请先删除一个。",
            [ErrorCodes.StoryInvalid] = "这个故事目前无法发布。",
            [ErrorCodes.VersionNotFound] = "没有这个版本。",
            [ErrorCodes.VersionExists] = "该版本号已被使用，请换一个版本号上传。",
            [ErrorCodes.VersionStateConflict] = "该版本当前状态不允许此操作。",
            [ErrorCodes.ReviewPending] = "已有另一个版本在审核中。",
            [ErrorCodes.PackageInvalid] = "代码包有错误。",
            [ErrorCodes.StorageFull] = "小程序的存储空间已满。",
            [ErrorCodes.DomainNotAllowed] = "该地址不在小程序的合法域名列表中。",
            [ErrorCodes.RequestFailed] = "小程序的服务器没有响应。",
            [ErrorCodes.CloudStorageFull] = "该游戏最多为你保存 128 项数据。",
            [ErrorCodes.ShareTicketInvalid] = "你无法查看该群的排行榜。",
            [ErrorCodes.SessionRequired] = "小程序尚未完成登录。",
            [ErrorCodes.MerchantNotFound] = "没有这个商户。",
            [ErrorCodes.NotMerchantOwner] = "只有商户的所有者可以这样做。",
            [ErrorCodes.TooManyMerchants] = "你的商户数量已达上限。",
            [ErrorCodes.MerchantNotPending] = "这个商户已经审核过了。",
            [ErrorCodes.MerchantKeyExists] = "商户已有这个密钥。已吊销的密钥不能再添加，请生成新的密钥。",
            [ErrorCodes.TooManyMerchantKeys] = "商户的密钥数量已达上限，请先吊销一个。",
            [ErrorCodes.MerchantKeyNotFound] = "商户没有使用中的这个序列号的密钥。",
            [ErrorCodes.AppNotAdministered] = "你没有管理这个 AppID 的公众号或小程序。",
            [ErrorCodes.AppNotBound] = "这个应用没有绑定到商户。",
        },
    };
}
