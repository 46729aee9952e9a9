using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hutong.Wallet.Merchants.Protocol;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants.Platform;

/// <summary>
/// The platform's payment keys: the newest signs every <c>/v3</c> response and notification; <c>/v3/certificates</c>
/// lists it and any retired within the grace period. The first is made by whichever node asks first.
/// </summary>
/// <remarks>
/// A singleton per node that keeps the keys it read for a minute. That is a cache of truth, and safe with several nodes
/// because every key it may hold stays valid: a node that has not yet seen a rotation signs with the retired key, which
/// is still listed and verifies for <see cref="WalletOptions.PaymentKeyGrace"/>, far longer than the minute.
/// </remarks>
public sealed class PaymentKeys(IPaymentKeyStore store, IOptions<WalletOptions> options, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Loaded? _loaded;

    /// <summary>The key that signs now.</summary>
    public async Task<SigningKey> CurrentAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Keys[0];

    /// <summary>The keys merchants may verify with: the current one first, then those retired within the grace period.</summary>
    public async Task<IReadOnlyList<SigningKey>> ListedAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Keys;

    /// <summary>Signs <paramref name="body"/> as a response: the headers' timestamp, nonce, signature and serial.</summary>
    public async Task<ResponseSignature> SignAsync(string body, CancellationToken cancellationToken)
    {
        var key = await CurrentAsync(cancellationToken);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return new ResponseSignature(timestamp, nonce, V3Signature.Sign(key.Rsa, V3Signature.ResponseMessage(timestamp, nonce, body)), key.SerialNo);
    }

    /// <summary>Makes a new key the one that signs; the old ones stay listed for the grace period.</summary>
    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken)
    {
        await store.AddAsync(Create(clock.GetUtcNow()), onlyIfNone: false, cancellationToken);
        _loaded = null;
        return await CurrentAsync(cancellationToken);
    }

    public void Dispose()
    {
        _loading.Dispose();
        foreach (var key in _loaded?.Keys ?? [])
        {
            key.Rsa.Dispose();
        }
    }

    private async Task<Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_loaded is { } loaded && now - loaded.At < Refresh && now >= loaded.At)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } again && now - again.At < Refresh && now >= again.At)
            {
                return again;
            }

            var grace = options.Value.PaymentKeyGrace;
            var keys = await store.ListAsync(now - grace, cancellationToken);
            if (keys.Count == 0)
            {
                await store.AddAsync(Create(now), onlyIfNone: true, cancellationToken);
                keys = await store.ListAsync(now - grace, cancellationToken);
            }

            // Keys already held keep their RSA objects: a response being signed on another thread may be using one.
            var held = _loaded?.Keys.ToDictionary(k => k.SerialNo, StringComparer.Ordinal) ?? [];
            var signing = keys.Select(k => held.GetValueOrDefault(k.SerialNo) ?? SigningKey.From(k, grace)).ToList();
            _loaded = new Loaded(signing, now);
            return _loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>A new RSA-2048 key and a self-signed certificate for it, valid five years; its serial is 20 random bytes.</summary>
    internal static PaymentKey Create(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Hutong Pay Platform, O=Hutong", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10); // positive, and no leading zero byte: its hex is 40 digits
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            now.AddMinutes(-5), now.AddYears(5), serial);
        return new PaymentKey(certificate.SerialNumber, rsa.ExportPkcs8PrivateKey(), certificate.RawData, now, null);
    }

    private sealed record Loaded(IReadOnlyList<SigningKey> Keys, DateTimeOffset At);
}

/// <summary>A platform key ready to sign, with its certificate and the times <c>/v3/certificates</c> shows.</summary>
public sealed record SigningKey(string SerialNo, RSA Rsa, byte[] Certificate, DateTimeOffset EffectiveTime, DateTimeOffset ExpireTime)
{
    public static SigningKey From(PaymentKey key, TimeSpan grace)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        using var certificate = X509CertificateLoader.LoadCertificate(key.Certificate);
        var expires = key.RetiredAt is { } retired ? retired + grace : (DateTimeOffset)certificate.NotAfter.ToUniversalTime();
        return new SigningKey(key.SerialNo, rsa, key.Certificate, key.CreatedAt, expires);
    }

    /// <summary>The certificate in PEM, as <c>/v3/certificates</c> gives it (encrypted) and merchants load it.</summary>
    public string CertificatePem() => PemEncoding.WriteString("CERTIFICATE", Certificate);
}

/// <summary>The four <c>Wechatpay-*</c> headers of a signed response or notification.</summary>
public sealed record ResponseSignature(string Timestamp, string Nonce, string Signature, string Serial);
