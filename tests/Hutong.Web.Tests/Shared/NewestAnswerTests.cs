using Hutong.Web.Shared;

namespace Hutong.Web.Tests.Shared;

public sealed class NewestAnswerTests
{
    private readonly NewestAnswer<string> _loads = new();
    private readonly Dictionary<string, string> _shown = [];

    [Fact]
    public async Task AnOlderAnswerArrivingLast_IsNotApplied()
    {
        var older = new TaskCompletionSource<string>();
        var first = Load("chat", older.Task);
        Assert.True(await Load("chat", Task.FromResult("new")));

        older.SetResult("old");

        Assert.False(await first);
        Assert.Equal("new", _shown["chat"]);
    }

    [Fact]
    public async Task AnswersInOrder_AreEachApplied()
    {
        Assert.True(await Load("chat", Task.FromResult("one")));
        Assert.True(await Load("chat", Task.FromResult("two")));

        Assert.Equal("two", _shown["chat"]);
    }

    [Fact]
    public async Task Keys_DoNotOvertakeEachOther()
    {
        var slow = new TaskCompletionSource<string>();
        var a = Load("a", slow.Task);
        Assert.True(await Load("b", Task.FromResult("b's")));

        slow.SetResult("a's");

        Assert.True(await a);
        Assert.Equal(("a's", "b's"), (_shown["a"], _shown["b"]));
    }

    [Fact]
    public async Task AStaleAnswer_StaysStale_AfterItsKeyWasForgotten()
    {
        // The newest answer forgets the key; a load asked for before it must still lose when it finally answers.
        var oldest = new TaskCompletionSource<string>();
        var stale = Load("chat", oldest.Task);
        Assert.True(await Load("chat", Task.FromResult("second")));
        var third = new TaskCompletionSource<string>();
        var pending = Load("chat", third.Task);

        oldest.SetResult("first");
        Assert.False(await stale);
        third.SetResult("third");
        Assert.True(await pending);

        Assert.Equal("third", _shown["chat"]);
    }

    private Task<bool> Load(string key, Task<string> answer) => _loads.LoadAsync(key, () => answer, value => _shown[key] = value);
}
