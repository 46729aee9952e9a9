using System.Data.Common;
using Hutong.MiniPrograms.Versions;
using Microsoft.EntityFrameworkCore;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.Storage.MiniPrograms;

internal sealed class VersionStore(IDbContextFactory<HutongDbContext> contexts) : IVersionStore
{
    public async Task<AppVersion?> AddOrReplaceAsync(AppVersion version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = MiniProgramVersionRow.From(version);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var existing = await db.MiniProgramVersions.AsNoTracking()
                .Where(v => v.AppKey == version.AppKey && v.Version == version.Version).Select(v => new { v.Id, v.State }).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                if (existing.State != States.Develop)
                {
                    return null;
                }

                var replaced = await db.MiniProgramVersions.Where(v => v.Id == existing.Id && v.State == States.Develop).ExecuteUpdateAsync(
                    set => set
                        .SetProperty(v => v.Note, row.Note)
                        .SetProperty(v => v.UploadedBy, row.UploadedBy)
                        .SetProperty(v => v.UploadedAt, row.UploadedAt)
                        .SetProperty(v => v.Size, row.Size)
                        .SetProperty(v => v.Pages, row.Pages)
                        .SetProperty(v => v.Config, row.Config)
                        .SetProperty(v => v.PackageSha, row.PackageSha)
                        .SetProperty(v => v.ViewSha, row.ViewSha)
                        .SetProperty(v => v.LogicSha, row.LogicSha)
                        .SetProperty(v => v.WxsSha, row.WxsSha)
                        .SetProperty(v => v.OpenDataSha, row.OpenDataSha)
                        .SetProperty(v => v.Assets, row.Assets),
                    cancellationToken);
                return replaced == 0 ? null : await FindAsync(existing.Id, cancellationToken);
            }

            db.MiniProgramVersions.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return version;
            }
            catch (DbUpdateException)
            {
                // The same number arrived from another upload at the same moment: look again, as a replacement.
                db.ChangeTracker.Clear();
            }
        }

        return null;
    }

    public async Task<AppVersion?> FindAsync(Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniProgramVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<AppVersion>> ListAsync(Guid appKey, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramVersions.AsNoTracking().Where(v => v.AppKey == appKey)
            .OrderByDescending(v => v.UploadedAt).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<AppVersion?> InStateAsync(Guid appKey, string state, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniProgramVersions.AsNoTracking().FirstOrDefaultAsync(v => v.AppKey == appKey && v.State == state, cancellationToken))?.ToDomain();
    }

    public async Task<AppVersion?> NewestDevelopAsync(Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniProgramVersions.AsNoTracking().Where(v => v.AppKey == appKey && v.State == States.Develop)
            .OrderByDescending(v => v.UploadedAt).FirstOrDefaultAsync(cancellationToken))?.ToDomain();
    }

    public async Task<bool> MoveAsync(
        Guid versionId, IReadOnlyCollection<string> from, string to, string? reviewNote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = from.ToList();
        var version = db.MiniProgramVersions.Where(v => v.Id == versionId && states.Contains(v.State));
        try
        {
            return to switch
            {
                States.Review => await version.ExecuteUpdateAsync(
                    set => set.SetProperty(v => v.State, to).SetProperty(v => v.SubmittedAt, at).SetProperty(v => v.ReviewNote, (string?)null), cancellationToken),
                States.Approved or States.Rejected => await version.ExecuteUpdateAsync(
                    set => set.SetProperty(v => v.State, to).SetProperty(v => v.ReviewedAt, at).SetProperty(v => v.ReviewNote, reviewNote), cancellationToken),
                _ => await version.ExecuteUpdateAsync(set => set.SetProperty(v => v.State, to), cancellationToken),
            } == 1;
        }
        catch (DbException)
        {
            // The one-at-a-time index: another version of the app holds that state.
            return false;
        }
    }

    public async Task<bool> MakeTrialAsync(Guid appKey, Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.MiniProgramVersions.Where(v => v.AppKey == appKey && v.State == States.Trial)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Develop), cancellationToken);
            if (await db.MiniProgramVersions.Where(v => v.Id == versionId && v.AppKey == appKey && v.State == States.Develop)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Trial), cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async Task<bool> ReleaseAsync(Guid appKey, Guid versionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.MiniProgramVersions.Where(v => v.AppKey == appKey && v.State == States.Released)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Retired).SetProperty(v => v.RetiredAt, at), cancellationToken);
            if (!await PromoteAsync(db, appKey, versionId, States.Approved, at, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async Task<Guid?> RollBackAsync(Guid appKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var previous = await db.MiniProgramVersions.Where(v => v.AppKey == appKey && v.State == States.Retired)
                .OrderByDescending(v => v.RetiredAt).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
            if (previous is not { } id
                || await db.MiniProgramVersions.Where(v => v.AppKey == appKey && v.State == States.Released)
                    .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Approved), cancellationToken) != 1
                || !await PromoteAsync(db, appKey, id, States.Retired, at, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            return id;
        }
        catch (DbException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<AppVersion>> InReviewAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramVersions.AsNoTracking().Where(v => v.State == States.Review)
            .OrderBy(v => v.SubmittedAt).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<bool> TakeDownAsync(Guid appKey, Guid versionId, string note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.MiniProgramVersions.Where(v => v.Id == versionId && v.AppKey == appKey && v.State == States.Released)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Rejected).SetProperty(v => v.ReviewNote, note).SetProperty(v => v.ReviewedAt, (DateTimeOffset?)at), cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await db.MiniPrograms.Where(a => a.Id == appKey).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.ReleasedVersionId, (Guid?)null).SetProperty(a => a.ReleasedVersion, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Releases the version (from <paramref name="from"/>) and points the app at it, inside the caller's transaction.</summary>
    private static async Task<bool> PromoteAsync(HutongDbContext db, Guid appKey, Guid versionId, string from, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await db.MiniProgramVersions.Where(v => v.Id == versionId && v.AppKey == appKey && v.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.State, States.Released).SetProperty(v => v.ReleasedAt, at).SetProperty(v => v.RetiredAt, (DateTimeOffset?)null), cancellationToken) != 1)
        {
            return false;
        }

        var number = await db.MiniProgramVersions.Where(v => v.Id == versionId).Select(v => v.Version).FirstAsync(cancellationToken);
        await db.MiniPrograms.Where(a => a.Id == appKey).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.ReleasedVersionId, versionId).SetProperty(a => a.ReleasedVersion, number), cancellationToken);
        return true;
    }
}
