namespace Hutong.Storage;

/// <summary>
/// SQLite has one writer at a time, so the node's group commits (messages, money) take turns at it, in the order they
/// ask, instead of racing for it: SQLite makes a writer that finds the lock taken sleep and try again (1, 2, 5, 10,
/// 15 ms and up), so a missed handoff cost more than the other writer's whole commit. PostgreSQL locks rows, not the
/// database: there each goes at once.
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
