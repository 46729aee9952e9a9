namespace Hutong.Storage;

/// <summary>
/// SQLite has one writer at a time, so the node's group commits (messages, money) take turns at it, in the order they
/// ask, instead of racing for it: a writer that finds the lock taken is retried by Microsoft.Data.Sqlite 150 ms later,
/// several times the other writer's whole commit (in one red packet run, six such sleeps took 0.9 s of 3.2 s). A turn
/// also spans what the ledger does after its commit (<see cref="Wallet.KnownAccounts"/>). PostgreSQL locks rows, not
/// the database: there each goes at once.
/// </summary>
internal sealed class WriterTurns : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this writer's turn; disposing the result ends it.</summary>
    public async ValueTask<Turn> TakeAsync(HutongDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            return default;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
