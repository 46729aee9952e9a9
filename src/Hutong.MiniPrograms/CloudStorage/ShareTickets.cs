using System.Buffers.Binary;
using System.Security.Cryptography;
using Hutong.Core.Identity;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// Share tickets (<c>shareTicket</c>): what a game opened from a card in a group gets, to read that group's
/// leaderboard. A ticket names the app and the group and when it ends, under a MAC with the platform key, so any node
/// checks it without storage; it grants nothing by itself: each use checks that the caller is in the group then.
/// </summary>
public sealed class ShareTickets(IPlatformKeys keys)
{
    public const string KeyName = "mp-share";

    private const int MacBytes = 16;
    private const int BodyBytes = 16 + 16 + 8;

    /// <summary>Base64url of the body and its MAC, without padding.</summary>
    private const int TicketLength = ((BodyBytes + MacBytes) * 4 + 2) / 3;

    private readonly PlatformKey _key = new(keys, KeyName);

    public async Task<string> IssueAsync(Guid appKey, Guid conversationId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var ticket = new byte[BodyBytes + MacBytes];
        appKey.TryWriteBytes(ticket, bigEndian: true, out _);
        conversationId.TryWriteBytes(ticket.AsSpan(16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(ticket.AsSpan(32), expires.ToUnixTimeSeconds());
        HMACSHA256.HashData(await _key.GetAsync(cancellationToken), ticket.AsSpan(0, BodyBytes))[..MacBytes].CopyTo(ticket.AsSpan(BodyBytes));
        return Convert.ToBase64String(ticket).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The app and group the ticket names, or null when it is not one of ours or has ended.</summary>
    public async Task<(Guid AppKey, Guid ConversationId)?> ReadAsync(string? ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bytes = new byte[BodyBytes + MacBytes];
        if (ticket is not { Length: TicketLength } || !AppIdentities.IsQuerySafe(ticket)
            || !Convert.TryFromBase64String(ticket.Replace('-', '+').Replace('_', '/') + "=", bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        var mac = HMACSHA256.HashData(await _key.GetAsync(cancellationToken), bytes.AsSpan(0, BodyBytes));
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, MacBytes), bytes.AsSpan(BodyBytes))
            || DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(32))) <= now)
        {
            return null;
        }

        return (new Guid(bytes.AsSpan(0, 16), bigEndian: true), new Guid(bytes.AsSpan(16, 16), bigEndian: true));
    }
}
