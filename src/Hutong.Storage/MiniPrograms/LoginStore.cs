using Hutong.MiniPrograms.Login;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

internal sealed class LoginStore(IDbContextFactory<HutongDbContext> contexts) : ILoginStore
{
    public async Task AddCodeAsync(string codeHash, Guid appKey, Guid userId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MiniProgramLoginCodes.Add(new LoginCodeRow { CodeHash = codeHash, AppKey = appKey, UserId = userId, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(CodeUse Use, Guid UserId)> UseCodeAsync(string codeHash, Guid appKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = await db.MiniProgramLoginCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == codeHash && c.AppKey == appKey, cancellationToken);
        if (code is null || code.ExpiresAt <= now)
        {
            return (CodeUse.Invalid, default);
        }

        var taken = await db.MiniProgramLoginCodes.Where(c => c.CodeHash == codeHash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now), cancellationToken);
        return taken == 1 ? (CodeUse.Exchanged, code.UserId) : (CodeUse.Used, default);
    }

    public async Task SaveSessionAsync(Guid appKey, Guid userId, string openId, string sessionKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniProgramSessions.Where(s => s.AppKey == appKey && s.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SessionKey, sessionKey).SetProperty(s => s.UpdatedAt, at), cancellationToken) > 0)
        {
            return;
        }

        db.MiniProgramSessions.Add(new SessionRow { AppKey = appKey, UserId = userId, OpenId = openId, SessionKey = sessionKey, UpdatedAt = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another exchange for the same person at the same moment: the later key wins, as with one after the other.
            db.ChangeTracker.Clear();
            await db.MiniProgramSessions.Where(s => s.AppKey == appKey && s.UserId == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.SessionKey, sessionKey).SetProperty(s => s.UpdatedAt, at), cancellationToken);
        }
    }

    public async Task<Guid?> UserOfAsync(Guid appKey, string openId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramSessions.Where(s => s.AppKey == appKey && s.OpenId == openId).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<string?> SessionKeyAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramSessions.Where(s => s.AppKey == appKey && s.UserId == userId).Select(s => s.SessionKey).FirstOrDefaultAsync(cancellationToken);
    }
}
