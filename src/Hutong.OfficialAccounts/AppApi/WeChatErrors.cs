namespace Hutong.OfficialAccounts.AppApi;

/// <summary>WeChat's error codes and messages for the app API, as its documentation and SDKs have them.</summary>
internal static class WeChatErrors
{
    public static readonly WeChatError Ok = new(0, "ok");
    public static readonly WeChatError InvalidCredential = new(40001, "invalid credential, access_token is invalid or not latest");
    public static readonly WeChatError InvalidGrantType = new(40002, "invalid grant_type");
    public static readonly WeChatError InvalidOpenId = new(40003, "invalid openid");
    public static readonly WeChatError InvalidMediaId = new(40007, "invalid media_id");
    public static readonly WeChatError InvalidMessageType = new(40008, "invalid message type");
    public static readonly WeChatError InvalidAppId = new(40013, "invalid appid");
    public static readonly WeChatError InvalidActionName = new(40052, "invalid action name");
    public static readonly WeChatError InvalidActionInfo = new(40053, "invalid action info, please check document");
    public static readonly WeChatError InvalidTagId = new(45159, "invalid tag id");
    public static readonly WeChatError InvalidAppSecret = new(40125, "invalid appsecret");
    public static readonly WeChatError MissingAccessToken = new(41001, "access_token missing");
    public static readonly WeChatError EmptyPostData = new(44002, "empty post data");
    public static readonly WeChatError TokenQuota = new(45009, "reach max api daily quota limit");
    public static readonly WeChatError OutOfWindow = new(45015, "response out of time limit or subscription is canceled");
    public static readonly WeChatError MassQuota = new(45028, "has no masssend quota");
    public static readonly WeChatError QrCodeLimit = new(45029, "qrcode count out of limit");
    public static readonly WeChatError DataFormat = new(47001, "data format error");
    public static readonly WeChatError Unauthorized = new(48001, "api unauthorized");
}

/// <summary>An app API answer's <c>errcode</c> and <c>errmsg</c>.</summary>
internal sealed record WeChatError(int Code, string Message);
