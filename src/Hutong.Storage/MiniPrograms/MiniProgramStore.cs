using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Apps;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

internal sealed class MiniProgramStore(IDbContextFactory<HutongDbContext> contexts) : IMiniProgramStore
{
    public async Task<Developer?> FindDeveloperAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniProgramDevelopers.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId, cancellationToken))?.ToDomain();
    }

    public async Task<Developer> SaveDeveloperAsync(Developer developer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniProgramDevelopers.Where(d => d.UserId == developer.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Name, developer.Name), cancellationToken) == 0)
        {
            db.MiniProgramDevelopers.Add(new DeveloperRow { UserId = developer.UserId, Name = developer.Name, RegisteredAt = developer.RegisteredAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Registered from another device at the same moment: theirs stands, with this name.
                db.ChangeTracker.Clear();
                await db.MiniProgramDevelopers.Where(d => d.UserId == developer.UserId)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.Name, developer.Name), cancellationToken);
            }
        }

        return (await FindDeveloperAsync(developer.UserId, cancellationToken))!;
    }

    public async Task<bool> TryAddAsync(MiniProgram app, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniPrograms.AnyAsync(a => a.AppId == app.AppId, cancellationToken))
        {
            return false;
        }

        db.MiniPrograms.Add(MiniProgramRow.From(app));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.MiniPrograms.AnyAsync(a => a.AppId == app.AppId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<MiniProgram?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniPrograms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<MiniProgram?> FindByAppIdAsync(string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MiniPrograms.AsNoTracking().FirstOrDefaultAsync(a => a.AppId == appId, cancellationToken))?.ToDomain();
    }

    public async Task<int> CountByDeveloperAsync(Guid developerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniPrograms.CountAsync(a => a.DeveloperId == developerId, cancellationToken);
    }

    public async Task<IReadOnlyList<(MiniProgram App, string Role)>> TeamOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = await db.MiniPrograms.AsNoTracking().Where(a => a.DeveloperId == userId).ToListAsync(cancellationToken);
        var member = await db.MiniProgramMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.MiniPrograms, m => m.AppKey, a => a.Id, (m, a) => new { a, m.Role })
            .ToListAsync(cancellationToken);
        return [.. own.Select(a => (a.ToDomain(), MiniProgramRoles.Developer))
            .Concat(member.Select(x => (x.a.ToDomain(), x.Role)))
            .OrderByDescending(x => x.Item1.CreatedAt)];
    }

    public async Task<IReadOnlyList<MiniProgram>> SearchReleasedAsync(string text, bool? games, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await OfKind(db.MiniPrograms.AsNoTracking(), games)
            .Where(a => a.ReleasedVersionId != null && a.SearchName.Contains(text))
            .OrderBy(a => a.SearchName.Length).ThenBy(a => a.SearchName)
            .Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task UpdateAsync(MiniProgram app, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = MiniProgramRow.From(app);
        await db.MiniPrograms.Where(a => a.Id == app.Id).ExecuteUpdateAsync(
            set => set
                .SetProperty(a => a.Name, row.Name)
                .SetProperty(a => a.SearchName, row.SearchName)
                .SetProperty(a => a.Description, row.Description)
                .SetProperty(a => a.Category, row.Category)
                .SetProperty(a => a.IconId, row.IconId)
                .SetProperty(a => a.RequestDomains, row.RequestDomains)
                .SetProperty(a => a.SecretHash, row.SecretHash),
            cancellationToken);
    }

    public async Task<IReadOnlyList<Member>> MembersAsync(Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramMembers.AsNoTracking().Where(m => m.AppKey == appKey)
            .OrderBy(m => m.Role).ThenBy(m => m.UserId)
            .Select(m => new Member(m.UserId, m.Role)).ToListAsync(cancellationToken);
    }

    public async Task<Member?> FindMemberAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramMembers.AsNoTracking().Where(m => m.AppKey == appKey && m.UserId == userId)
            .Select(m => new Member(m.UserId, m.Role)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> SetMemberAsync(Guid appKey, Member member, int maxMembers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniProgramMembers.Where(m => m.AppKey == appKey && m.UserId == member.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, member.Role), cancellationToken) > 0)
        {
            return true;
        }

        // The count is checked before the insert; two additions racing past the last place may both land, which a
        // team limit of this kind tolerates (it bounds the work per app, not money).
        if (await db.MiniProgramMembers.CountAsync(m => m.AppKey == appKey, cancellationToken) >= maxMembers)
        {
            return false;
        }

        db.MiniProgramMembers.Add(new MiniProgramMemberRow { AppKey = appKey, UserId = member.UserId, Role = member.Role });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await db.MiniProgramMembers.Where(m => m.AppKey == appKey && m.UserId == member.UserId)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, member.Role), cancellationToken);
        }

        return true;
    }

    public async Task<bool> RemoveMemberAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramMembers.Where(m => m.AppKey == appKey && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task TouchRecentAsync(Guid userId, Guid appKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniProgramRecents.Where(r => r.UserId == userId && r.AppKey == appKey)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.OpenedAt, at), cancellationToken) > 0)
        {
            return;
        }

        db.MiniProgramRecents.Add(new RecentRow { UserId = userId, AppKey = appKey, OpenedAt = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened on two devices at once: the other device's row stands, a moment apart.
        }
    }

    public async Task<IReadOnlyList<MiniProgram>> RecentAsync(Guid userId, bool? games, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramRecents.AsNoTracking().Where(r => r.UserId == userId)
            .Join(OfKind(db.MiniPrograms, games), r => r.AppKey, a => a.Id, (r, a) => new { a, r.OpenedAt })
            .OrderByDescending(x => x.OpenedAt).Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.OpenedAt).Select(x => x.a.ToDomain())];
    }

    /// <summary>Games and stories (true), mini-programs (false), or all (null).</summary>
    private static IQueryable<MiniProgramRow> OfKind(IQueryable<MiniProgramRow> apps, bool? games) => games switch
    {
        true => apps.Where(a => a.Kind != MiniProgramKinds.MiniProgram),
        false => apps.Where(a => a.Kind == MiniProgramKinds.MiniProgram),
        null => apps,
    };

    public async Task<bool> HasLimitedCodeAsync(Guid appKey, string path, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramLimitedCodes.AnyAsync(c => c.AppKey == appKey && c.Path == path, cancellationToken);
    }

    public async Task<int> CountLimitedCodesAsync(Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramLimitedCodes.CountAsync(c => c.AppKey == appKey, cancellationToken);
    }

    public async Task AddLimitedCodeAsync(Guid appKey, string path, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, [new LimitedCodeRow { AppKey = appKey, Path = path, CreatedAt = at }], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SharedWithAsync(Guid userId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cards = await db.Members.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Messages.Where(m => m.Kind == MessageKinds.MiniProgram && m.RecalledAt == null), m => m.ConversationId, c => c.ConversationId, (m, c) => new { c.Content, c.SentAt, c.Seq, m.VisibleAfterSeq })
            .Where(x => x.Seq > x.VisibleAfterSeq)
            .OrderByDescending(x => x.SentAt).Take(take * 4)
            .Select(x => x.Content).ToListAsync(cancellationToken);
        return [.. cards
            .Select(c => c is null ? null : MessageContentJson.Decode(c) as MiniProgramContent)
            .OfType<MiniProgramContent>().Select(c => c.AppId).Distinct(StringComparer.Ordinal).Take(take)];
    }

    public async Task<bool> IsReleasedIconAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniPrograms.AnyAsync(a => a.IconId == mediaId && a.ReleasedVersionId != null, cancellationToken);
    }
}
