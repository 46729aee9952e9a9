using System.Buffers.Binary;
using System.Security.Cryptography;
using Hutong.Core.Identity;

namespace Hutong.MiniPrograms.Launch;

/// <summary>
/// Short-lived addresses of a version's compiled code. The sandboxed frames that run a mini-program have an opaque
/// origin and no sign-in, so the node that checked who may open the version hands out a ticket: the version's id and
/// an expiry, signed under the platform key. Any node checks it without storage (the key is the same everywhere).
/// </summary>
public sealed class CodeTickets(IPlatformKeys keys)
{
    public const string KeyName = "mp-code";

    private const int MacBytes = 16;

    private readonly PlatformKey _key = new(keys, KeyName);

    public async Task<string> IssueAsync(Guid versionId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var ticket = new byte[16 + 8 + MacBytes];
        versionId.TryWriteBytes(ticket, bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(ticket.AsSpan(16), expires.ToUnixTimeSeconds());
        HMACSHA256.HashData(await KeyAsync(cancellationToken), ticket.AsSpan(0, 24))[..MacBytes].CopyTo(ticket.AsSpan(24));
        return Convert.ToBase64String(ticket).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The version the ticket opens, or null when it is not one of ours or has expired.</summary>
    public async Task<Guid?> ReadAsync(string? ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bytes = new byte[16 + 8 + MacBytes];
        if (ticket is not { Length: 54 } || !AppIdentities.IsQuerySafe(ticket)
            || !Convert.TryFromBase64String(ticket.Replace('-', '+').Replace('_', '/') + "==", bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        var mac = HMACSHA256.HashData(await KeyAsync(cancellationToken), bytes.AsSpan(0, 24));
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, MacBytes), bytes.AsSpan(24))
            || DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16))) <= now)
        {
            return null;
        }

        return new Guid(bytes.AsSpan(0, 16), bigEndian: true);
    }

    private Task<byte[]> KeyAsync(CancellationToken cancellationToken) => _key.GetAsync(cancellationToken);
}
