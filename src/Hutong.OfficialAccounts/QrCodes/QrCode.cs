namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>
/// A parameter QR code of an account: its ticket (what the image carries, unguessable), its integer or string scene,
/// and when it stops working (never, for a permanent code).
/// </summary>
public sealed record QrCode(
    Guid AccountId,
    string Ticket,
    long? SceneId,
    string? SceneStr,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    int Scans = 0,
    int Follows = 0)
{
    public bool Permanent => ExpiresAt is null;

    /// <summary>The scene as the developer's events carry it: the string, or the number in digits.</summary>
    public string Scene => SceneStr ?? SceneId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool LiveAt(DateTimeOffset now) => ExpiresAt is not { } expires || expires > now;
}
