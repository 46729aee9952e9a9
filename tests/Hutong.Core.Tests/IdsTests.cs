using Microsoft.Extensions.Time.Testing;

namespace Hutong.Core.Tests;

public sealed class IdsTests
{
    [Fact]
    public void New_IsTimeOrdered_InItsWireForm()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var earlier = Ids.Format(Ids.New(clock));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = Ids.Format(Ids.New(clock));

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    [Theory]
    [InlineData("01a20b25-704c-7612-88e2-203751d734de", true)]
    [InlineData("01a20b25704c761288e2203751d734de", false)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyTheCanonicalForm(string? text, bool valid)
    {
        Assert.Equal(valid, Ids.TryParse(text, out _));
    }
}
