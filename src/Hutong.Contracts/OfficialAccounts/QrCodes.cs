namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// A new parameter QR code: temporary (for <see cref="ExpiresIn"/> seconds, 60 by default, at most 30 days) or
/// <see cref="Permanent"/> (scene ids 1 to 100,000; asking again for a permanent scene gives the same code). The scene
/// is an integer <see cref="SceneId"/> or a string <see cref="SceneStr"/> of 1 to 64 characters, never both.
/// </summary>
public sealed record CreateQrCodeRequest(bool Permanent = false, long? SceneId = null, string? SceneStr = null, int? ExpiresIn = null);

/// <summary>
/// A parameter code of an account. <see cref="Url"/> is what its image encodes (the account's page with the ticket);
/// <see cref="ImageUrl"/> serves the image to anyone who has the ticket, as WeChat's <c>showqrcode</c> does.
/// <see cref="Scans"/> counts the scans people reported (<c>POST .../scans</c>), followers or not; <see cref="Follows"/>
/// the follows it brought.
/// </summary>
public sealed record QrCodeInfo(
    string Ticket,
    bool Permanent,
    long? SceneId,
    string? SceneStr,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Url,
    string ImageUrl,
    int Scans,
    int Follows);

/// <summary>An account's live codes, newest first.</summary>
public sealed record QrCodeList(IReadOnlyList<QrCodeInfo> Codes, string? NextCursor);

/// <summary>A person scanned the account's parameter code with this ticket.</summary>
public sealed record ScanQrCodeRequest(string Ticket);
