namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// An encrypted push: <see cref="Encrypt"/> is the ciphertext (compatible mode adds it to the plaintext XML),
/// <see cref="Envelope"/> the safe-mode body, and <see cref="MsgSignature"/> goes in the query string as
/// <c>msg_signature</c> next to <c>encrypt_type=aes</c>, <c>timestamp</c> and <c>nonce</c>.
/// </summary>
internal sealed record SealedPush(string Encrypt, string MsgSignature, string Envelope);
