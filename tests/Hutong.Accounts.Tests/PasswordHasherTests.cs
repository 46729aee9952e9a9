using Hutong.Accounts.Identity;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Tests;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int iterations) => new(Options.Create(new SecurityOptions { PasswordIterations = iterations }));

    [Fact]
    public void Hash_IsSaltedAndVerifies_OnlyTheRightPassword()
    {
        var hasher = Hasher(10_000);

        var first = hasher.Hash("correct horse");
        var second = hasher.Hash("correct horse");

        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$10000$", first, StringComparison.Ordinal);
        Assert.True(hasher.Verify("correct horse", first, out var needsRehash));
        Assert.False(needsRehash);
        Assert.False(hasher.Verify("correct horse!", first, out _));
        Assert.False(hasher.Verify("Correct horse", second, out _));
    }

    [Fact]
    public void Verify_HashFromAWeakerSetting_AsksForARehash()
    {
        var old = Hasher(10_000).Hash("correct horse");

        Assert.True(Hasher(20_000).Verify("correct horse", old, out var needsRehash));
        Assert.True(needsRehash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("bcrypt$10$abc$def")]
    [InlineData("pbkdf2-sha256$many$c2FsdA==$aGFzaA==")]
    public void Verify_UnknownFormat_IsFalse(string stored)
    {
        Assert.False(Hasher(10_000).Verify("anything", stored, out _));
    }
}
