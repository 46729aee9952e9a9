namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>Accounts' parameter QR codes. Implemented by Hutong.Storage.</summary>
public interface IQrCodeStore
{
    /// <summary>The code with this ticket, expired or not (the caller judges by its clock).</summary>
    Task<QrCode?> FindAsync(string ticket, CancellationToken cancellationToken);

    /// <summary>The account's permanent code for the scene, if it has one.</summary>
    Task<QrCode?> FindPermanentAsync(Guid accountId, long? sceneId, string? sceneStr, CancellationToken cancellationToken);

    Task<int> CountPermanentAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new code. A permanent one whose scene the account has already is not written: the one there stays.
    /// Temporary codes of the account that expired before <paramref name="now"/> go at the same time.
    /// </summary>
    Task AddAsync(QrCode code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The account's live codes, newest first, after the (created, ticket) position of the last page.</summary>
    Task<IReadOnlyList<QrCode>> ListAsync(Guid accountId, DateTimeOffset now, (DateTimeOffset At, string Ticket)? after, int take, CancellationToken cancellationToken);

    /// <summary>Counts a scan of the code reported, or (<paramref name="follow"/>) a follow it brought.</summary>
    Task CountAsync(string ticket, bool follow, CancellationToken cancellationToken);
}
