using Hutong.Core.Identity;
using Hutong.MiniPrograms.Launch;

namespace Hutong.MiniPrograms.Tests;

/// <summary>Addresses of a version's code: signed, bound to one version, and over when they expire.</summary>
public sealed class CodeTicketsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATicket_OpensItsVersionUntilItExpires()
    {
        var tickets = new CodeTickets(new FixedKeys(1));
        var version = Guid.NewGuid();
        var ticket = await tickets.IssueAsync(version, Now.AddHours(2), Ct);

        Assert.Equal(version, await tickets.ReadAsync(ticket, Now, Ct));
        Assert.Equal(version, await tickets.ReadAsync(ticket, Now.AddHours(2).AddSeconds(-1), Ct));
        Assert.Null(await tickets.ReadAsync(ticket, Now.AddHours(2), Ct));
    }

    [Fact]
    public async Task AChangedTicket_OrOneSignedUnderAnotherKey_OpensNothing()
    {
        var ticket = await new CodeTickets(new FixedKeys(1)).IssueAsync(Guid.NewGuid(), Now.AddHours(2), Ct);
        var tickets = new CodeTickets(new FixedKeys(1));

        Assert.Null(await new CodeTickets(new FixedKeys(2)).ReadAsync(ticket, Now, Ct));
        for (var i = 0; i < ticket.Length; i += 7)
        {
            var changed = ticket[..i] + (ticket[i] == 'A' ? 'B' : 'A') + ticket[(i + 1)..];
            Assert.Null(await tickets.ReadAsync(changed, Now, Ct));
        }

        Assert.Null(await tickets.ReadAsync(ticket + "A", Now, Ct));
        Assert.Null(await tickets.ReadAsync(null, Now, Ct));
        Assert.Null(await tickets.ReadAsync(new string('!', ticket.Length), Now, Ct));
    }

    private sealed class FixedKeys(byte fill) : IPlatformKeys
    {
        public Task<byte[]> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Repeat(fill, 32).ToArray());
    }
}
