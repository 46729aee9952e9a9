namespace Hutong.Core.Tests;

public sealed class PagingTests
{
    [Fact]
    public void Parse_Defaults_FirstPageOfFifty()
    {
        var paging = Paging.Parse(null, null);

        Assert.Equal(new Paging(0, 50), paging.Value);
    }

    [Fact]
    public void Next_CursorParsesToTheFollowingOffset()
    {
        var first = Paging.Parse(20, null).Value;

        var cursor = first.Next(returned: 20, more: true);
        var second = Paging.Parse(20, cursor).Value;

        Assert.Equal(new Paging(20, 20), second);
        Assert.Null(second.Next(returned: 5, more: false));
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(201, null, "limit")]
    [InlineData(10, "not base64!", "cursor")]
    [InlineData(10, "bzpub3QtYS1udW1iZXI=", "cursor")]
    [InlineData(10, "bzotNQ==", "cursor")]
    public void Parse_BadInput_NamesTheField(int limit, string? cursor, string field)
    {
        var paging = Paging.Parse(limit, cursor);

        Assert.False(paging.IsSuccess);
        Assert.Equal([field], paging.Error.Fields!.Keys);
    }
}
