using System.Text.Json.Nodes;
using Hutong.Contracts.MiniPrograms;
using Hutong.Web.MiniPrograms;

namespace Hutong.Web.Tests.MiniPrograms;

/// <summary>How the page hands a launch to the runtime: the start page split from its query, and the storage as kept.</summary>
public sealed class MiniProgramPageTests
{
    private static readonly MiniProgramLaunch Launch = new(
        "wx01", "Counter", null, "v1", "1.0.0", "trial", """{"pages":["pages/index/index","pages/about/about"]}""",
        "/mp/packages/ticket/", DateTimeOffset.UnixEpoch, "/mp/runtime/host.js?v=abc");

    [Theory]
    [InlineData(null, null, "")]
    [InlineData("", null, "")]
    [InlineData("pages/about/about", "pages/about/about", "")]
    [InlineData("/pages/about/about?from=mei&n=1", "pages/about/about", "from=mei,n=1")]
    [InlineData("pages/about/about?q=tea%20house&q=last&flag", "pages/about/about", "q=last,flag=")]
    public void SplitPath_GivesTheRouteAndItsQuery(string? path, string? route, string query)
    {
        var (splitRoute, splitQuery) = MiniProgramPage.SplitPath(path);

        Assert.Equal(route, splitRoute);
        Assert.Equal(query, string.Join(',', splitQuery.Select(q => $"{q.Key}={q.Value}")));
    }

    [Fact]
    public void MountJson_HasWhatTheRuntimeNeeds()
    {
        var json = JsonNode.Parse(MiniProgramPage.MountJson(
            Launch, "pages/about/about?from=mei", new MiniProgramStorage(new Dictionary<string, string> { ["count"] = "3" }, 6, 10)))!;

        Assert.Equal("/mp/runtime/host.js?v=abc", (string)json["runtimeUrl"]!);
        Assert.Equal("/mp/packages/ticket/", (string)json["codeUrl"]!);
        Assert.Equal(("trial", "1.0.0"), ((string)json["envVersion"]!, (string)json["version"]!));
        Assert.Equal("pages/about/about", (string)json["path"]!);
        Assert.Equal("mei", (string)json["query"]!["from"]!);
        Assert.Equal("3", (string)json["storage"]!["count"]!);
        Assert.Equal(Launch.Config, (string)json["config"]!);
    }

    [Fact]
    public void MountJson_ForAGame_SaysItIsOne_AndWhereItWasOpenedFrom()
    {
        var game = Launch with { Config = """{"deviceOrientation":"portrait"}""", RuntimeUrl = "/mp/runtime/game-host.js?v=abc", Kind = MiniProgramKinds.Game };
        var json = JsonNode.Parse(MiniProgramPage.MountJson(game, "?round=5", null, new(true, "ticket-1", new JsonObject { ["restart"] = "Restart" })))!;

        Assert.True(MiniProgramPage.IsGame(game));
        Assert.False(MiniProgramPage.IsGame(Launch));
        Assert.Equal("game", (string)json["kind"]!);
        Assert.Null(json["path"]);
        Assert.Equal("5", (string)json["query"]!["round"]!);
        Assert.True((bool)json["fromCard"]!);
        Assert.Equal("ticket-1", (string)json["shareTicket"]!);
        Assert.Equal("Restart", (string)json["texts"]!["restart"]!);
    }

    [Fact]
    public void FirstPage_IsTheEntryPage_ElseTheFirstOfThePages()
    {
        Assert.Equal("pages/index/index", MiniProgramPage.FirstPage(Launch));
        Assert.Equal("pages/about/about", MiniProgramPage.FirstPage(Launch with { Config = """{"entryPagePath":"pages/about/about","pages":["pages/index/index"]}""" }));
        Assert.Null(MiniProgramPage.FirstPage(Launch with { Config = "not json" }));
    }

    [Theory]
    [InlineData("wx01", null, "mp/wx01")]
    [InlineData("wx01", "pages/a/a?x=1", "mp/wx01?path=pages%2Fa%2Fa%3Fx%3D1")]
    public void Route_OpensTheAppAtThePage(string appId, string? path, string route) =>
        Assert.Equal(route, MiniProgramPage.Route(appId, path));

    [Theory]
    [InlineData("", "mp/wx01?card=c0nv.12")]
    [InlineData("?level=2", "mp/wx01?path=%3Flevel%3D2&card=c0nv.12")]
    public void Route_FromACardInAChat_CarriesTheCardsPlace(string path, string route) =>
        Assert.Equal(route, MiniProgramPage.Route("wx01", path, "c0nv", 12));
}
