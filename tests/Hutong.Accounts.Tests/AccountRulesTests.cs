using Hutong.Accounts.Identity;
using Hutong.Core.Errors;

namespace Hutong.Accounts.Tests;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("  Mei.Li-99_ ", "mei.li-99_")]
    [InlineData("ABC", "abc")]
    [InlineData(null, "")]
    public void NormalizeHandle_TrimsAndLowers(string? input, string expected)
    {
        Assert.Equal(expected, AccountRules.NormalizeHandle(input));
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a.b-c_9", true)]
    [InlineData("ab", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("mei li", false)]
    [InlineData("梅梅梅", false)]
    [InlineData("mei@home", false)]
    public void CheckHandle_FollowsTheProductRules(string handle, bool valid)
    {
        var errors = new FieldErrors();

        AccountRules.CheckHandle(handle, errors);

        Assert.Equal(!valid, errors.Any);
    }

    [Theory]
    [InlineData("M", true)]
    [InlineData("梅", true)]
    [InlineData("", false)]
    [InlineData("tab\there", false)]
    public void CheckDisplayName_AllowsAnyScriptButNoControlCharacters(string name, bool valid)
    {
        var errors = new FieldErrors();

        AccountRules.CheckDisplayName(name, errors);

        Assert.Equal(!valid, errors.Any);
    }
}
