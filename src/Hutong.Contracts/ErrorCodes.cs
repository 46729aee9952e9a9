namespace Hutong.Contracts;

/// <summary>
/// Stable machine codes carried in the <c>code</c> member of every problem body. Clients branch on these,
/// never on titles or details, so a code is never renamed once published.
/// </summary>
public static class ErrorCodes
{
    // Transport and framework failures.
    public const string BadRequest = "bad_request";
    public const string MalformedBody = "malformed_body";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UriTooLong = "uri_too_long";
    public const string HeadersTooLarge = "headers_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string Conflict = "conflict";
    public const string InternalError = "internal_error";

    /// <summary>Storage could not take the change just now (a failed commit); sending again is safe.</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>A node of the cluster left or failed and what it held is moving to another; the same request again is safe.</summary>
    public const string ClusterUnavailable = "cluster_unavailable";

    /// <summary>No such upload, or not one the caller may see.</summary>
    public const string MediaNotFound = "media_not_found";

    // The gateway: /ws over HTTP, then its frames (docs/protocol.md).

    /// <summary>A plain HTTP request to <c>/ws</c>: the gateway speaks only WebSocket.</summary>
    public const string WebSocketRequired = "websocket_required";

    /// <summary>The first frame on a connection was not <c>hello</c>; the socket closes.</summary>
    public const string HelloExpected = "hello_expected";

    /// <summary>The hello names no protocol version, or one the node does not speak; the socket closes with 1002.</summary>
    public const string UnsupportedProtocol = "unsupported_protocol";

    /// <summary>A frame that is not one JSON object with a <c>type</c>.</summary>
    public const string MalformedFrame = "malformed_frame";

    /// <summary>A binary WebSocket message: frames are UTF-8 JSON text.</summary>
    public const string TextFramesOnly = "text_frames_only";

    /// <summary>A second <c>hello</c> on a connection that was already welcomed.</summary>
    public const string AlreadyWelcomed = "already_welcomed";

    /// <summary>A frame whose <c>type</c> the server does not know.</summary>
    public const string UnknownFrameType = "unknown_frame_type";

    /// <summary>A frame over the gateway's size limit; the socket closes.</summary>
    public const string FrameTooLarge = "frame_too_large";

    // Accounts.
    public const string HandleTaken = "handle_taken";
    public const string InvalidCredentials = "invalid_credentials";
    public const string UserNotFound = "user_not_found";
    public const string DeviceNotFound = "device_not_found";

    /// <summary>An account is deleted only once its wallet is empty: no balance, nothing held or on its way.</summary>
    public const string WalletNotEmpty = "wallet_not_empty";

    // Contacts.
    public const string CannotBefriendSelf = "cannot_befriend_self";
    public const string AlreadyFriends = "already_friends";
    public const string NotFriends = "not_friends";
    public const string RequestRefused = "request_refused";
    public const string BlockedByYou = "blocked_by_you";
    public const string RequestNotFound = "request_not_found";
    public const string RequestNotPending = "request_not_pending";
    public const string RequestExpired = "request_expired";
    public const string FriendLimitReached = "friend_limit_reached";
    public const string CannotBlockSelf = "cannot_block_self";

    /// <summary>A friend tag the caller already has, by the name a new or renamed tag would take.</summary>
    public const string TagExists = "tag_exists";

    /// <summary>None of the caller's friends carries a tag of that name.</summary>
    public const string TagNotFound = "tag_not_found";

    // Chat.
    public const string ConversationNotFound = "conversation_not_found";
    public const string MessageNotFound = "message_not_found";
    public const string NotAMember = "not_a_member";
    public const string MessageRefused = "message_refused";
    public const string NotAllowed = "not_allowed";
    public const string GroupFull = "group_full";
    public const string AdminLimitReached = "admin_limit_reached";
    public const string RecallWindowPassed = "recall_window_passed";
    public const string NotYourMessage = "not_your_message";
    public const string AlreadyRecalled = "already_recalled";
    public const string InvitationNotFound = "invitation_not_found";
    public const string QrUnavailable = "qr_unavailable";
    public const string CodeInvalid = "code_invalid";
    public const string AlreadyMember = "already_member";

    // Media.
    public const string EmptyFile = "empty_file";

    /// <summary>The bytes are not media the node can read as what they claim or were meant as (a video ffprobe cannot open, say).</summary>
    public const string UnsupportedMedia = "unsupported_media";

    /// <summary>A video longer than the <c>maxSeconds</c> its upload asked for; nothing was stored.</summary>
    public const string VideoTooLong = "video_too_long";

    /// <summary>The tools that read videos (ffprobe, ffmpeg) are missing on the node or took too long; nothing was stored.</summary>
    public const string MediaProcessingUnavailable = "media_processing_unavailable";

    // Wallet.
    public const string InsufficientFunds = "insufficient_funds";
    public const string PinNotSet = "pin_not_set";
    public const string WrongPin = "wrong_pin";
    public const string PinLocked = "pin_locked";

    /// <summary>An idempotency key reused for a different request.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    // Payments to merchants.
    public const string OrderNotFound = "order_not_found";
    public const string OrderPaid = "order_paid";
    public const string OrderClosed = "order_closed";

    /// <summary>An unpaid order's prepay id or native code is past its two hours; the merchant's repeat of the order gives a new one.</summary>
    public const string PaymentExpired = "payment_expired";

    /// <summary>A payment's <c>paySign</c> is not the merchant's signature over its parameters; nothing was shown or paid.</summary>
    public const string BadPaySign = "bad_pay_sign";

    /// <summary>An in-app order made for another person (its openid is not the caller's at that app).</summary>
    public const string NotYourOrder = "not_your_order";

    /// <summary>The order's merchant is not approved or cannot take payments now.</summary>
    public const string MerchantUnavailable = "merchant_unavailable";

    /// <summary>A refund the order cannot take: unpaid or closed, over what is left, past a year, or its fiftieth.</summary>
    public const string RefundRefused = "refund_refused";

    // Receive codes.

    /// <summary>No person has that receive code: it is unknown, or its owner reset it (or deleted their account).</summary>
    public const string ReceiveCodeNotFound = "receive_code_not_found";

    /// <summary>Paying one's own receive code.</summary>
    public const string CannotPaySelf = "cannot_pay_self";

    /// <summary>The code's owner does not take payments from the caller (worded so as not to reveal a block).</summary>
    public const string PaymentRefused = "payment_refused";

    public const string TransferNotFound = "transfer_not_found";
    public const string TransferNotPending = "transfer_not_pending";
    public const string PacketNotFound = "packet_not_found";
    public const string AlreadyOpened = "already_opened";
    public const string PacketEmpty = "packet_empty";
    public const string PacketExpired = "packet_expired";

    /// <summary>The payment rail (the bank side) refused to collect a top-up.</summary>
    public const string RailDeclined = "rail_declined";

    // Merchants.

    /// <summary>No such merchant, or not one the caller may see (its owner and the operators only).</summary>
    public const string MerchantNotFound = "merchant_not_found";

    /// <summary>Only the merchant's owner may do that (an operator sees a merchant, and changes nothing of it but its review).</summary>
    public const string NotMerchantOwner = "not_merchant_owner";

    /// <summary>The person has as many merchants (pending or approved) as one may.</summary>
    public const string TooManyMerchants = "too_many_merchants";

    /// <summary>The merchant was reviewed already: only a pending one is approved or rejected.</summary>
    public const string MerchantNotPending = "merchant_not_pending";

    /// <summary>The merchant has that key already (or had it, and revoked it): a key is added once.</summary>
    public const string MerchantKeyExists = "merchant_key_exists";

    /// <summary>The merchant has as many API keys in use as one may: revoke one first.</summary>
    public const string TooManyMerchantKeys = "too_many_merchant_keys";

    /// <summary>The merchant has no key in use with that serial number.</summary>
    public const string MerchantKeyNotFound = "merchant_key_not_found";

    /// <summary>No official account or mini-program with that app id that the caller administers (the same answer when there is none).</summary>
    public const string AppNotAdministered = "app_not_administered";

    /// <summary>The app is not bound to the merchant.</summary>
    public const string AppNotBound = "app_not_bound";

    // Moments and Status.

    /// <summary>No such post, or not one the caller may see.</summary>
    public const string PostNotFound = "post_not_found";

    /// <summary>No such comment, or not one the caller may see.</summary>
    public const string CommentNotFound = "comment_not_found";

    /// <summary>No such status, gone after its day, or not one the caller may see.</summary>
    public const string StatusNotFound = "status_not_found";

    // Official accounts.

    /// <summary>No such official account, or one the caller may not see yet (a service account under review).</summary>
    public const string AccountNotFound = "official_account_not_found";

    /// <summary>Only the account's admins may do that.</summary>
    public const string NotAccountAdmin = "not_account_admin";

    /// <summary>Only an operator (the setting Hutong:Operators) may do that.</summary>
    public const string NotOperator = "not_operator";

    /// <summary>The account is under review or was rejected: nobody can follow it and it sends nothing.</summary>
    public const string AccountNotActive = "official_account_not_active";

    /// <summary>The person already has as many official accounts as one person may.</summary>
    public const string TooManyAccounts = "too_many_official_accounts";

    /// <summary>No such follower of the account (the openid is unknown, or the person does not follow it).</summary>
    public const string FollowerNotFound = "follower_not_found";

    /// <summary>No such follower tag at the account.</summary>
    public const string FollowerTagNotFound = "follower_tag_not_found";

    /// <summary>The account has as many tags as it may, or the follower carries as many as one may.</summary>
    public const string TooManyTags = "too_many_follower_tags";

    /// <summary>The account used its broadcasts for the day (subscription) or month (service); Retry-After says when more come.</summary>
    public const string BroadcastQuotaExceeded = "broadcast_quota_exceeded";

    /// <summary>The follower's customer-service window is closed (or used up): the account cannot message them now.</summary>
    public const string OutsideServiceWindow = "outside_service_window";

    /// <summary>The developer URL did not echo the signed verification (the detail says what happened); nothing was saved.</summary>
    public const string DeveloperUrlNotVerified = "developer_url_not_verified";

    /// <summary>The account has no developer server settings.</summary>
    public const string DeveloperModeOff = "developer_mode_off";

    /// <summary>No such item in the thread.</summary>
    public const string AccountMessageNotFound = "account_message_not_found";

    /// <summary>The account has a tag of that name already.</summary>
    public const string FollowerTagExists = "follower_tag_exists";

    /// <summary>No such article at the account, or (to readers) one that is not published.</summary>
    public const string ArticleNotFound = "article_not_found";

    /// <summary>A published article cannot be deleted (it may still be edited).</summary>
    public const string ArticlePublished = "article_published";

    /// <summary>The account's menu has no such item (a click item by that key, a link item by that URL): it changed, or never had it.</summary>
    public const string MenuItemNotFound = "menu_item_not_found";

    /// <summary>The parameter code's ticket is unknown, expired, or another account's: nothing was done.</summary>
    public const string QrCodeInvalid = "qr_code_invalid";

    /// <summary>The account has as many permanent parameter codes as it may (100,000).</summary>
    public const string TooManyQrCodes = "too_many_qr_codes";

    /// <summary>A web page's <c>redirect_uri</c> is not on one of the account's web authorization domains (WeChat's 10003).</summary>
    public const string RedirectUriMismatch = "redirect_uri_mismatch";

    /// <summary>The account may not ask for that web authorization scope: only <c>snsapi_base</c> is offered (WeChat's 10005).</summary>
    public const string ScopeNotSupported = "scope_not_supported";

    /// <summary>No such mini-program, or (to anyone off its team) one that is not released.</summary>
    public const string MiniProgramNotFound = "mini_program_not_found";

    /// <summary>Register as a developer first: only developers create mini-programs.</summary>
    public const string NotADeveloper = "not_a_developer";

    /// <summary>Only the mini-program's developer (and, for versions, its collaborators) may do that.</summary>
    public const string NotOnTheTeam = "not_on_the_team";

    /// <summary>The developer has as many mini-programs as one may.</summary>
    public const string TooManyMiniPrograms = "too_many_mini_programs";

    /// <summary>The mini-program has no such version.</summary>
    public const string VersionNotFound = "version_not_found";

    /// <summary>A version of that number exists and is past development: upload under a new number.</summary>
    public const string VersionExists = "version_exists";

    /// <summary>The version is not in a state that allows that (the detail says which it is in).</summary>
    public const string VersionStateConflict = "version_state_conflict";

    /// <summary>Another version of the mini-program is in review: one at a time.</summary>
    public const string ReviewPending = "review_pending";

    /// <summary>The package was refused: the problem's file, line and column say where.</summary>
    public const string PackageInvalid = "package_invalid";

    /// <summary>The mini-program's storage for this person is full (10 MB), or one value is over 1 MB.</summary>
    public const string StorageFull = "storage_full";

    /// <summary>The address is not on the mini-program's request domains (https only, unless the operator allows http).</summary>
    public const string DomainNotAllowed = "domain_not_allowed";

    /// <summary>The developer's server could not be reached or did not answer in time (the detail says which).</summary>
    public const string RequestFailed = "request_failed";

    /// <summary>The person's hosted data at the game would pass 128 keys; nothing was written.</summary>
    public const string CloudStorageFull = "cloud_storage_full";

    /// <summary>
    /// The share ticket is not the node's, is past its time, is another app's, or names a group the caller is not in
    /// now (the same answer for each).
    /// </summary>
    public const string ShareTicketInvalid = "share_ticket_invalid";

    /// <summary>The person has no session at the app yet: its server exchanges a <c>wx.login</c> code first.</summary>
    public const string SessionRequired = "session_required";

    /// <summary>No such story draft, or another person's (the same answer).</summary>
    public const string StoryNotFound = "story_not_found";

    /// <summary>The draft was saved meanwhile (in another tab or device): load it again before saving.</summary>
    public const string StoryRevisionConflict = "story_revision_conflict";

    /// <summary>The person has as many story drafts as one may.</summary>
    public const string TooManyStories = "too_many_stories";

    /// <summary>The compiled story was refused by the automatic checks (the detail says why).</summary>
    public const string StoryInvalid = "story_invalid";
}
