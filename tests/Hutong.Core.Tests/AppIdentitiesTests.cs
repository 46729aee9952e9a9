using Hutong.Core.Identity;

namespace Hutong.Core.Tests;

public sealed class AppIdentitiesTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid Person = Guid.Parse("01a23fdf-eec6-7003-b920-d89ef1a1a6cd");

    [Fact]
    public void AnOpenId_IsStable_QuerySafe_AndOfWeChatsLength()
    {
        var id = AppIdentities.OpenId(Key, "wx0123456789abcdef", Person);

        Assert.Equal(id, AppIdentities.OpenId(Key, "wx0123456789abcdef", Person));
        Assert.Equal(AppIdentities.OpenIdLength, id.Length);
        Assert.StartsWith("o", id, StringComparison.Ordinal);
        Assert.True(AppIdentities.IsQuerySafe(id));
        Assert.DoesNotContain(Ids.Format(Person), id, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheSamePerson_HasUnrelatedOpenIds_AtTwoApps_AndUnderAnotherKey()
    {
        var first = AppIdentities.OpenId(Key, "wx0123456789abcdef", Person);

        Assert.NotEqual(first, AppIdentities.OpenId(Key, "wx0123456789abcdee", Person));
        Assert.NotEqual(first, AppIdentities.OpenId(Key, "wx0123456789abcdef", Guid.CreateVersion7()));
        Assert.NotEqual(first, AppIdentities.OpenId([.. Key.Reverse()], "wx0123456789abcdef", Person));
    }

    [Fact]
    public void AUnionId_IsNotTheOpenIdOfAnAppNamedLikeTheDeveloper()
    {
        var developer = Guid.CreateVersion7();
        var union = AppIdentities.UnionId(Key, developer, Person);

        Assert.StartsWith("u", union, StringComparison.Ordinal);
        Assert.NotEqual(union[1..], AppIdentities.OpenId(Key, Ids.Format(developer), Person)[1..]);
    }

    [Theory]
    [InlineData("wx0123456789abcdef", true)]
    [InlineData("a_b-C9", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a+b", false)]
    [InlineData("a/b", false)]
    [InlineData("a=b", false)]
    [InlineData("a b", false)]
    [InlineData("é", false)]
    public void QuerySafe_MeansLettersDigitsUnderscoreAndDash(string? value, bool safe) =>
        Assert.Equal(safe, AppIdentities.IsQuerySafe(value));

    [Fact]
    public void RandomParts_AreOfTheirLength_AndQuerySafe()
    {
        Assert.Matches("^[0-9a-f]{16}$", AppIdentities.RandomHex(16));
        Assert.Matches("^[0-9a-f]{12}$", AppIdentities.RandomHex(12));
        Assert.True(AppIdentities.IsQuerySafe(AppIdentities.RandomToken(24)));
        Assert.NotEqual(AppIdentities.RandomToken(24), AppIdentities.RandomToken(24));
    }
}
