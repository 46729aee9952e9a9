using Hutong.Web.Accounts;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Accounts;

public sealed class AccountInputTests
{
    private static readonly Strings S = Strings.English;

    [Theory]
    [InlineData("mei")]
    [InlineData("Mei_Lin.2026-x")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void CheckHandle_ThreeToThirtyTwoAllowedCharacters_Passes(string handle)
    {
        var error = AccountInput.CheckHandle(handle, S);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("me")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void CheckHandle_OutsideThreeToThirtyTwo_NamesTheLength(string handle)
    {
        var error = AccountInput.CheckHandle(handle, S);

        Assert.Equal(S.HandleLength, error);
    }

    [Theory]
    [InlineData("mei lin")]
    [InlineData("mei@lin")]
    [InlineData("梅梅梅")]
    [InlineData("mei+1")]
    [InlineData("mei/lin")]
    public void CheckHandle_OtherCharacters_NamesTheCharacters(string handle)
    {
        var error = AccountInput.CheckHandle(handle, S);

        Assert.Equal(S.HandleCharacters, error);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("梅 Mei")]
    [InlineData("  Lin  ")]
    public void CheckDisplayName_OneToSixtyFourCharacters_Passes(string name)
    {
        var error = AccountInput.CheckDisplayName(name, S);

        Assert.Null(error);
    }

    [Fact]
    public void CheckDisplayName_SixtyFourCharacters_Passes()
    {
        var error = AccountInput.CheckDisplayName(new string('a', 64), S);

        Assert.Null(error);
    }

    [Fact]
    public void CheckDisplayName_SixtyFiveCharacters_NamesTheLength()
    {
        var error = AccountInput.CheckDisplayName(new string('a', 65), S);

        Assert.Equal(S.DisplayNameLength, error);
    }

    [Fact]
    public void CheckDisplayName_SixtyFourEmoji_PassesAsTheServerCountsThem()
    {
        // Each is two UTF-16 units, or more with a skin tone; a person and the server see one character.
        var name = string.Concat(Enumerable.Repeat("🍵", 32)) + string.Concat(Enumerable.Repeat("👍🏽", 32));

        var error = AccountInput.CheckDisplayName(name, S);

        Assert.Null(error);
    }

    [Fact]
    public void CheckDisplayName_SixtyFiveEmoji_NamesTheLength()
    {
        var name = string.Concat(Enumerable.Repeat("🍵", 65));

        var error = AccountInput.CheckDisplayName(name, S);

        Assert.Equal(S.DisplayNameLength, error);
    }

    [Fact]
    public void CheckDisplayName_SixtyFourCharactersWithSpacesAround_PassesAsTheyAreTrimmed()
    {
        var error = AccountInput.CheckDisplayName("  " + new string('a', 64) + " ", S);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void CheckDisplayName_Blank_AsksForAName(string name)
    {
        var error = AccountInput.CheckDisplayName(name, S);

        Assert.Equal(S.DisplayNameRequired, error);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("1234567", false)]
    [InlineData("12345678", true)]
    [InlineData("tea-house-42", true)]
    public void CheckPassword_AtLeastEightCharacters_Passes(string password, bool passes)
    {
        var error = AccountInput.CheckPassword(password, S);

        Assert.Equal(passes ? null : S.PasswordLength, error);
    }
}
