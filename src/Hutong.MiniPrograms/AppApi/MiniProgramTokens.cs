using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;
using Hutong.OfficialAccounts.AppApi;

namespace Hutong.MiniPrograms.AppApi;

/// <summary>
/// Access tokens of mini-programs, from the same <c>/cgi-bin/token</c> as official accounts'. A token is the app's key,
/// the end of its two-hour window and a MAC under the platform key over both and the app's secret hash: any node checks
/// it without storage, a secret reset ends every token at once, and every call within a window gets the same token
/// (so two of the developer's processes never knock each other's out). It stays valid five minutes past its window,
/// so a token fetched just before the turn is not cut short.
/// </summary>
public sealed class MiniProgramTokens(IMiniProgramStore apps, IPlatformKeys keys, TimeProvider clock) : IAppTokenSource
{
    public const string KeyName = "mp-token";
    private const string Prefix = "mp";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(7200);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private readonly PlatformKey _key = new(keys, KeyName);

    public async Task<AppToken?> IssueAsync(string appId, string? secret, CancellationToken cancellationToken)
    {
        if (await apps.FindByAppIdAsync(appId, cancellationToken) is not { } app)
        {
            return null;
        }

        if (!MiniProgramService.SecretMatches(app, secret))
        {
            return new AppToken(null, 0, WrongSecret: true);
        }

        var now = clock.GetUtcNow();
        var end = DateTimeOffset.FromUnixTimeSeconds(((now.ToUnixTimeSeconds() / (long)Window.TotalSeconds) + 1) * (long)Window.TotalSeconds);
        var body = new byte[16 + 8];
        app.Id.TryWriteBytes(body, bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), end.ToUnixTimeSeconds());
        var token = Prefix + Base64Url([.. body, .. await MacAsync(body, app.SecretHash, cancellationToken)]);
        return new AppToken(token, (int)(end - now).TotalSeconds);
    }

    /// <summary>The mini-program the token is for, or null when it is not a valid, current token of one.</summary>
    public async Task<MiniProgram?> AppOfAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 2 and < 128 } || !token.StartsWith(Prefix, StringComparison.Ordinal) || !AppIdentities.IsQuerySafe(token))
        {
            return null;
        }

        var bytes = new byte[16 + 8 + 32];
        var text = token[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        if (!Convert.TryFromBase64String(text + new string('=', (4 - (text.Length % 4)) % 4), bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        var end = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16, 8)));
        if (end + Grace <= clock.GetUtcNow() || await apps.FindAsync(new Guid(bytes.AsSpan(0, 16), bigEndian: true), cancellationToken) is not { } app)
        {
            return null;
        }

        var mac = await MacAsync(bytes.AsSpan(0, 24).ToArray(), app.SecretHash, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(24)) ? app : null;
    }

    private async Task<byte[]> MacAsync(byte[] body, string secretHash, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await _key.GetAsync(cancellationToken), (byte[])[.. body, .. Encoding.ASCII.GetBytes(secretHash)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
