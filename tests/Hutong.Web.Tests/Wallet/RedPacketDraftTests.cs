using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Wallet;

namespace Hutong.Web.Tests.Wallet;

public sealed class RedPacketDraftTests
{
    private static readonly Strings S = Strings.English;

    [Theory]
    [InlineData(5, "4", 5)]
    [InlineData(2, "1", 2)]
    [InlineData(1, "1", 1)]
    [InlineData(101, "100", 100)]
    [InlineData(500, "100", 100)]
    public void New_InAGroup_OnePacketForEveryoneElseWithinTheLimits(int members, string count, int max)
    {
        var draft = new RedPacketDraft(group: true, members, WalletLimits.Defaults);

        Assert.Equal(count, draft.CountText);
        Assert.Equal(max, draft.MaxCount);
        Assert.Equal(RedPacketKinds.Lucky, draft.Kind);
    }

    [Fact]
    public void New_InADirectChat_IsOneEqualPacket()
    {
        var draft = new RedPacketDraft(group: false, 2, WalletLimits.Defaults);

        Assert.Equal("1", draft.CountText);
        Assert.Equal(1, draft.MaxCount);
        Assert.Equal(RedPacketKinds.Equal, draft.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void CountError_NotAPositiveWholeNumber_AsksForOne(string count)
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { CountText = count, AmountText = "10" };

        Assert.Equal(S.PacketCountAtLeastOne, draft.CountError(S));
        Assert.False(draft.Ready);
    }

    [Fact]
    public void CountError_MoreThanTheGroupHasMembers_SaysHowMany()
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { CountText = "6", AmountText = "10" };

        Assert.Equal("At most 5 packets here.", draft.CountError(S));
        Assert.Null(draft.AmountError(S, "CNY"));
        Assert.False(draft.Ready);
    }

    [Fact]
    public void AmountError_Blank_IsNotAnErrorYetButNotReady()
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults);

        Assert.Null(draft.AmountError(S, "CNY"));
        Assert.False(draft.Ready);
    }

    [Theory]
    [InlineData(RedPacketKinds.Lucky, "4", "0.03", "Each packet holds at least ¥0.01.")]
    [InlineData(RedPacketKinds.Lucky, "4", "800.01", "Each packet holds at most ¥200.00.")]
    [InlineData(RedPacketKinds.Equal, "4", "200.01", "Each packet holds at most ¥200.00.")]
    [InlineData(RedPacketKinds.Lucky, "4", "12.345", "Enter an amount such as 12.50.")]
    [InlineData(RedPacketKinds.Lucky, "4", "0", "Enter an amount such as 12.50.")]
    public void AmountError_OutsideTheShareLimits_SaysWhichLimit(string kind, string count, string amount, string expected)
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { Kind = kind, CountText = count, AmountText = amount };

        Assert.Equal(expected, draft.AmountError(S, "CNY"));
        Assert.False(draft.Ready);
    }

    [Theory]
    [InlineData(RedPacketKinds.Lucky, "4", "0.04", 4L)]
    [InlineData(RedPacketKinds.Lucky, "4", "800", 80_000L)]
    [InlineData(RedPacketKinds.Equal, "4", "0.01", 4L)]
    [InlineData(RedPacketKinds.Equal, "4", "200", 80_000L)]
    [InlineData(RedPacketKinds.Equal, "3", "8.88", 2_664L)]
    public void Total_WithinTheLimits_IsReady(string kind, string count, string amount, long total)
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { Kind = kind, CountText = count, AmountText = amount };

        Assert.Null(draft.CountError(S));
        Assert.Null(draft.AmountError(S, "CNY"));
        Assert.True(draft.Ready);
        Assert.Equal(total, draft.Total);
    }

    [Fact]
    public void TheNodesOwnLimits_ReplaceTheDefaults_EvenAfterTheFormIsOpen()
    {
        var draft = new RedPacketDraft(group: true, 300, WalletLimits.Defaults) { CountText = "150", AmountText = "600" };
        Assert.Equal("At most 100 packets here.", draft.CountError(S));

        draft.Limits = WalletLimits.Defaults with { MaxRedPacketShare = 50_000, MaxRedPacketShares = 200 };

        Assert.Equal(200, draft.MaxCount);
        Assert.Null(draft.CountError(S));
        Assert.True(draft.Ready);
        draft.CountText = "1";
        Assert.Equal("Each packet holds at most ¥500.00.", draft.AmountError(S, "CNY"));
    }

    [Theory]
    [InlineData(RedPacketKinds.Lucky, "30.01", "More than your wallet has: ¥30.00 available.")]
    [InlineData(RedPacketKinds.Equal, "10.01", "More than your wallet has: ¥30.00 available.")]
    [InlineData(RedPacketKinds.Equal, "10", null)]
    public void AmountError_MoreThanTheWalletHas_SaysWhatIsAvailable(string kind, string amount, string? expected)
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { Kind = kind, CountText = "3", AmountText = amount, Available = 3_000 };

        Assert.Equal(expected, draft.AmountError(S, "CNY"));
        Assert.Equal(expected is null, draft.Ready);
    }

    [Fact]
    public void Request_BlankGreeting_IsLeftOutAndTheRestIsAsTyped()
    {
        var draft = new RedPacketDraft(group: true, 5, WalletLimits.Defaults) { Kind = RedPacketKinds.Equal, CountText = "3", AmountText = "2", Greeting = "  " };

        var request = draft.Request("p-1", "c-1", "123456");

        Assert.Equal(new SendRedPacketRequest("p-1", "c-1", RedPacketKinds.Equal, 600, 3, null, "123456"), request);
    }

    [Fact]
    public void Ready_GreetingOverThirtyCharacters_IsNot()
    {
        var draft = new RedPacketDraft(group: false, 2, WalletLimits.Defaults) { AmountText = "1", Greeting = new string('福', 31) };

        Assert.False(draft.Ready);
    }
}
