using System.Security.Cryptography;
using Hutong.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Platform;

internal sealed class PlatformKeys(IDbContextFactory<HutongDbContext> contexts) : IPlatformKeys
{
    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await Read(db, name, cancellationToken) is { } key)
        {
            return key;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Two nodes asking at once both offer a key; the first one stored is the one everyone reads.
            await BulkInsert.InsertMissingAsync(db, [new PlatformKeyRow { Name = name, Value = RandomNumberGenerator.GetBytes(32) }], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await Read(db, name, cancellationToken) ?? throw new InvalidOperationException($"The platform key {name} was not kept.");
    }

    private static async Task<byte[]?> Read(HutongDbContext db, string name, CancellationToken cancellationToken) =>
        await db.PlatformKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Value).FirstOrDefaultAsync(cancellationToken);
}
