using System.Text.Json.Serialization;

namespace Hutong.Contracts.MiniPrograms;

/// <summary>
/// One item of a person's hosted data at a game (WeChat's <c>KVData</c>): a key of 1 to 128 bytes and a value, together
/// at most 1,024 bytes in UTF-8.
/// </summary>
public sealed record KVData(string Key, string Value);

/// <summary><c>wx.setUserCloudStorage</c>: every item is written, or none.</summary>
public sealed record SetCloudStorageRequest([property: JsonPropertyName("KVDataList")] IReadOnlyList<KVData>? KVDataList);

/// <summary><c>wx.removeUserCloudStorage</c>.</summary>
public sealed record RemoveCloudStorageRequest(IReadOnlyList<string>? KeyList);

/// <summary><c>wx.getUserCloudStorage</c>'s answer: the caller's items under the keys asked for that they have.</summary>
public sealed record CloudStorageData([property: JsonPropertyName("KVDataList")] IReadOnlyList<KVData> KVDataList);

/// <summary><c>wx.getUserCloudStorageKeys</c>'s answer.</summary>
public sealed record CloudStorageKeys(IReadOnlyList<string> Keys);

/// <summary>
/// One player on a leaderboard (WeChat's <c>UserGameData</c>): their openid at this app, name and avatar, and their
/// items under the keys asked for (empty when they stored none of those).
/// </summary>
public sealed record UserGameData(
    [property: JsonPropertyName("openid")] string OpenId,
    string Nickname,
    string? AvatarUrl,
    [property: JsonPropertyName("KVDataList")] IReadOnlyList<KVData> KVDataList);

/// <summary><c>wx.getFriendCloudStorage</c>'s and <c>wx.getGroupCloudStorage</c>'s answer.</summary>
public sealed record UserGameDataList(IReadOnlyList<UserGameData> Data);

/// <summary><c>wx.getGroupCloudStorage</c>: the share ticket of a card opened from the group, and the keys.</summary>
public sealed record GroupCloudStorageRequest(string? ShareTicket, IReadOnlyList<string>? KeyList);

/// <summary>Asks for the share ticket of a mini-program card: the message by its conversation and seq.</summary>
public sealed record ShareTicketRequest(string? ConversationId, long Seq);

/// <summary>
/// The share ticket of a card, for the app's launch options; null (with no expiry) for a card outside a group, which
/// WeChat gives none either.
/// </summary>
public sealed record ShareTicketInfo(string? ShareTicket, DateTimeOffset? ExpiresAt);

/// <summary><c>wx.getShareInfo</c>: the share ticket of the card the game was opened from.</summary>
public sealed record ShareInfoRequest(string? ShareTicket);

/// <summary>
/// <c>wx.getShareInfo</c>'s answer, as WeChat's: <c>{openGId, watermark: {appid, timestamp}}</c> encrypted with
/// AES-128-CBC (PKCS#7) under the person's session key, for the game's server to decrypt; both base64.
/// </summary>
public sealed record ShareInfo(string EncryptedData, string Iv);
