namespace Hutong.OfficialAccounts.AppApi;

/// <summary>WeChat's error codes and messages for the app API, as its documentation and SDKs have them.</summary>
public static class WeChatErrors
{
    public static readonly WeChatError Ok = new(0, "ok");
    public static readonly WeChatError InvalidCredential = new(40001, "invalid credential, access_token is invalid or not latest");
    public static readonly WeChatError InvalidGrantType = new(40002, "invalid grant_type");
    public static readonly WeChatError InvalidOpenId = new(40003, "invalid openid");
    public static readonly WeChatError InvalidMediaType = new(40004, "invalid media type");
    public static readonly WeChatError InvalidFileType = new(40005, "invalid file type");
    public static readonly WeChatError InvalidMediaId = new(40007, "invalid media_id");
    public static readonly WeChatError InvalidMessageType = new(40008, "invalid message type");
    public static readonly WeChatError InvalidImageSize = new(40009, "invalid image size");
    public static readonly WeChatError InvalidThumbSize = new(40012, "invalid thumb size");
    public static readonly WeChatError InvalidAppId = new(40013, "invalid appid");
    public static readonly WeChatError InvalidButtonSize = new(40016, "invalid button size");
    public static readonly WeChatError InvalidButtonType = new(40017, "invalid button type");
    public static readonly WeChatError InvalidButtonNameSize = new(40018, "invalid button name size");
    public static readonly WeChatError InvalidButtonKeySize = new(40019, "invalid button key size");
    public static readonly WeChatError InvalidButtonUrlSize = new(40020, "invalid button url size");
    public static readonly WeChatError InvalidSubButtonSize = new(40023, "invalid sub button size");
    public static readonly WeChatError InvalidSubButtonType = new(40024, "invalid sub button type");
    public static readonly WeChatError InvalidSubButtonNameSize = new(40025, "invalid sub button name size");
    public static readonly WeChatError InvalidSubButtonKeySize = new(40026, "invalid sub button key size");
    public static readonly WeChatError InvalidSubButtonUrlSize = new(40027, "invalid sub button url size");
    public static readonly WeChatError InvalidOpenIdListSize = new(40032, "invalid openid list size");
    public static readonly WeChatError InvalidActionName = new(40052, "invalid action name");
    public static readonly WeChatError InvalidActionInfo = new(40053, "invalid action info, please check document");
    public static readonly WeChatError InvalidSubButtonUrlDomain = new(40054, "invalid sub button url domain");
    public static readonly WeChatError InvalidButtonUrlDomain = new(40055, "invalid button url domain");
    public static readonly WeChatError InvalidRemark = new(40092, "invalid remark name");
    public static readonly WeChatError InvalidAppSecret = new(40125, "invalid appsecret");
    public static readonly WeChatError MissingAccessToken = new(41001, "access_token missing");
    public static readonly WeChatError MediaDataMissing = new(41005, "media data missing");
    public static readonly WeChatError EmptyPostData = new(44002, "empty post data");
    public static readonly WeChatError ContentTooLong = new(45002, "content size out of limit");
    public static readonly WeChatError TitleTooLong = new(45003, "title size out of limit");
    public static readonly WeChatError DescriptionTooLong = new(45004, "description size out of limit");
    public static readonly WeChatError UrlTooLong = new(45005, "url size out of limit");
    public static readonly WeChatError TokenQuota = new(45009, "reach max api daily quota limit");
    public static readonly WeChatError OutOfWindow = new(45015, "response out of time limit or subscription is canceled");
    public static readonly WeChatError MassQuota = new(45028, "has no masssend quota");
    public static readonly WeChatError QrCodeLimit = new(45029, "qrcode count out of limit");
    public static readonly WeChatError TooManyTags = new(45056, "too many tags now, no need to add new");
    public static readonly WeChatError SystemTag = new(45058, "can't modify sys tag");
    public static readonly WeChatError FollowerTagsFull = new(45059, "user tag count exceeds limit");
    public static readonly WeChatError InvalidTagName = new(45157, "invalid tag name");
    public static readonly WeChatError TagNameTooLong = new(45158, "tag name too long");
    public static readonly WeChatError InvalidTagId = new(45159, "invalid tag id");
    public static readonly WeChatError MenuNoExist = new(46003, "menu no exist");
    public static readonly WeChatError DataFormat = new(47001, "data format error");
    public static readonly WeChatError Unauthorized = new(48001, "api unauthorized");
}

/// <summary>An app API answer's <c>errcode</c> and <c>errmsg</c>.</summary>
public sealed record WeChatError(int Code, string Message);
