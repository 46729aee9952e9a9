using Hutong.Contracts.Chat;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Chats;

public sealed class MentionCandidateTests
{
    private const string Me = "u-me";

    private static readonly Hutong.Web.Contacts.People People = Sample.People(
        (Me, "Andrea"), ("u-alan", "Alan"), ("u-brian", "Brian"), ("u-chen", "Chen"), ("u-andy", "Andy"), ("u-zed", "Zed"), ("u-mei", "Mei"));

    private static readonly MemberInfo[] Members =
    [
        Sample.Member(Me, "andrea", MemberRoles.Owner),
        Sample.Member("u-alan", "al"),
        Sample.Member("u-brian", "brian"),
        Sample.Member("u-chen", "danny"),
        Sample.Member("u-andy", "andy"),
        Sample.Member("u-zed", "anzed"),
        Sample.Member("u-mei", "mei"),
    ];

    [Fact]
    public void Match_EmptyQuery_ListsEveryMemberButMeByName()
    {
        var group = Sample.Group(MemberRoles.Member, Members);

        var candidates = MentionCandidate.Match(group, Me, "", People, Strings.English);

        Assert.Equal(["Alan", "Andy", "Brian", "Chen", "Mei", "Zed"], candidates.Select(c => c.Name));
        Assert.DoesNotContain(candidates, c => c.UserId == Me);
    }

    [Fact]
    public void Match_Query_KeepsNameOrHandleMatchesWithPrefixMatchesFirst()
    {
        var group = Sample.Group(MemberRoles.Member, Members);

        var candidates = MentionCandidate.Match(group, Me, "AN", People, Strings.English);

        // Andy by name and Zed by handle start with "an"; Alan, Brian and Chen (handle "danny") only contain it.
        Assert.Equal(["u-andy", "u-zed", "u-alan", "u-brian", "u-chen"], candidates.Select(c => c.UserId));
    }

    [Fact]
    public void Match_QueryMatchingMyOwnName_NeverOffersMe()
    {
        var group = Sample.Group(MemberRoles.Member, Members);

        var candidates = MentionCandidate.Match(group, Me, "andrea", People, Strings.English);

        Assert.Empty(candidates);
    }

    [Fact]
    public void Match_ManyMembers_ShowsAtMostEight()
    {
        var ids = Enumerable.Range(0, 12).Select(i => $"u-{i:D2}").ToArray();
        var people = Sample.People([.. ids.Select(id => (id, "Name " + id))]);
        var group = Sample.Group(MemberRoles.Member, [.. ids.Select(id => Sample.Member(id, id))]);

        var candidates = MentionCandidate.Match(group, Me, "", people, Strings.English);

        Assert.Equal(ids.Take(8), candidates.Select(c => c.UserId));
    }

    [Theory]
    [InlineData(MemberRoles.Owner)]
    [InlineData(MemberRoles.Admin)]
    public void Match_OwnerOrAdminWithEmptyQuery_OffersEveryoneFirst(string role)
    {
        var group = Sample.Group(role, Members);

        var candidates = MentionCandidate.Match(group, Me, "", People, Strings.English);

        Assert.Equal(new MentionCandidate(null, Strings.English.Everyone), candidates[0]);
        Assert.Single(candidates, c => c.UserId is null);
    }

    [Theory]
    [InlineData("al")]
    [InlineData("ALL")]
    [InlineData("every")]
    public void Match_AdminTypingAllOrEveryone_OffersEveryone(string query)
    {
        var group = Sample.Group(MemberRoles.Admin, Members);

        var candidates = MentionCandidate.Match(group, Me, query, People, Strings.English);

        Assert.Contains(candidates, c => c.UserId is null);
    }

    [Fact]
    public void Match_AdminTypingChineseForEveryone_OffersEveryone()
    {
        var group = Sample.Group(MemberRoles.Admin, Members);

        var candidates = MentionCandidate.Match(group, Me, "所有", People, Strings.Chinese);

        Assert.Equal([new MentionCandidate(null, Strings.Chinese.Everyone)], candidates);
    }

    [Fact]
    public void Match_AdminTypingSomeoneElse_DoesNotOfferEveryone()
    {
        var group = Sample.Group(MemberRoles.Admin, Members);

        var candidates = MentionCandidate.Match(group, Me, "mei", People, Strings.English);

        Assert.Equal(["u-mei"], candidates.Select(c => c.UserId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("Everyone")]
    public void Match_PlainMember_NeverOffersEveryone(string query)
    {
        var group = Sample.Group(MemberRoles.Member, Members);

        var candidates = MentionCandidate.Match(group, Me, query, People, Strings.English);

        Assert.DoesNotContain(candidates, c => c.UserId is null);
    }
}
