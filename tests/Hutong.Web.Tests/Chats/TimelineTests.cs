using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Chats;

public sealed class TimelineTests
{
    private static readonly DateTimeOffset At = Sample.Noon;

    [Fact]
    public void Append_NewerMessages_KeepsThemInSeqOrder()
    {
        var timeline = new Timeline();

        timeline.Append(Sample.Text(1));
        timeline.Append(Sample.Text(2));
        timeline.Append(Sample.Text(5));

        Assert.Equal([1L, 2L, 5L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal(1, timeline.Oldest);
        Assert.Equal(5, timeline.Newest);
    }

    [Fact]
    public void Append_RepeatedOrOlderSeq_IsIgnored()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(1, "first"));
        timeline.Append(Sample.Text(3, "third"));

        timeline.Append(Sample.Text(3, "third again"));
        timeline.Append(Sample.Text(2, "late"));

        Assert.Equal([1L, 3L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal("third", timeline.Find(3)!.Text());
    }

    [Fact]
    public void Append_RecallNotice_BlanksItsTargetAndKeepsTheNotice()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(1, "keep"));
        timeline.Append(Sample.Text(2, "oops"));

        timeline.Append(Sample.RecallNotice(3, targetSeq: 2));

        var target = timeline.Find(2)!;
        Assert.True(target.Recalled);
        Assert.Null(target.Text());
        Assert.Equal("keep", timeline.Find(1)!.Text());
        Assert.False(timeline.Find(1)!.Recalled);
        Assert.Equal([1L, 2L, 3L], timeline.Messages.Select(m => m.Seq));
    }

    [Fact]
    public void Append_MessageWithMyClientMsgId_RemovesOnlyThatEcho()
    {
        var timeline = new Timeline();
        timeline.AddOutgoing(new OutgoingMessage("c-1", new TextContent("one"), null, At));
        timeline.AddOutgoing(new OutgoingMessage("c-2", new TextContent("two"), null, At));

        timeline.Append(Sample.Text(7, "one", senderId: "u-me", clientMsgId: "c-1"));

        Assert.Equal(["c-2"], timeline.Outgoing.Select(o => o.ClientMsgId));
        Assert.Null(timeline.FindOutgoing("c-1"));
        Assert.Equal(7, timeline.Newest);
    }

    [Fact]
    public void Append_MessageWithoutClientMsgId_LeavesEchoes()
    {
        var timeline = new Timeline();
        timeline.AddOutgoing(new OutgoingMessage("c-1", new TextContent("one"), null, At));

        timeline.Append(Sample.Text(7, "from someone else"));

        Assert.NotNull(timeline.FindOutgoing("c-1"));
    }

    [Fact]
    public void Prepend_OlderPageWithMyClientMsgId_RemovesThatEcho()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(10));
        timeline.AddOutgoing(new OutgoingMessage("c-1", new TextContent("one"), null, At));
        timeline.AddOutgoing(new OutgoingMessage("c-2", new TextContent("two"), null, At));

        timeline.Prepend([Sample.Text(8, "one", senderId: "u-me", clientMsgId: "c-1"), Sample.Text(9)], reachedStart: false);

        Assert.Equal(["c-2"], timeline.Outgoing.Select(o => o.ClientMsgId));
    }

    [Fact]
    public void Prepend_PageOverlappingWhatIsHeld_KeepsOnlyTheOlderMessages()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(10, "held ten"));
        timeline.Append(Sample.Text(11, "held eleven"));

        timeline.Prepend([Sample.Text(8), Sample.Text(9), Sample.Text(10, "page ten"), Sample.Text(11, "page eleven")], reachedStart: true);

        Assert.Equal([8L, 9L, 10L, 11L], timeline.Messages.Select(m => m.Seq));
        Assert.Equal("held ten", timeline.Find(10)!.Text());
        Assert.Equal(8, timeline.Oldest);
        Assert.True(timeline.ReachedStart);
    }

    [Fact]
    public void Prepend_IntoEmptyTimeline_TakesThePage()
    {
        var timeline = new Timeline();

        timeline.Prepend([Sample.Text(3), Sample.Text(4)], reachedStart: false);

        Assert.Equal([3L, 4L], timeline.Messages.Select(m => m.Seq));
        Assert.False(timeline.ReachedStart);
    }

    [Fact]
    public void Prepend_PageThatIsNotTheStart_LeavesReachedStartFalse()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(50));

        timeline.Prepend([Sample.Text(40), Sample.Text(45)], reachedStart: false);

        Assert.False(timeline.ReachedStart);
        Assert.Equal(40, timeline.Oldest);
    }

    [Fact]
    public void Remove_HeldSeq_DropsOnlyThatMessage()
    {
        var timeline = new Timeline();
        timeline.Append(Sample.Text(1));
        timeline.Append(Sample.Text(4));
        timeline.Append(Sample.Text(6));

        timeline.Remove(4);
        timeline.Remove(5);

        Assert.Equal([1L, 6L], timeline.Messages.Select(m => m.Seq));
        Assert.Null(timeline.Find(4));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(7, true)]
    [InlineData(10, true)]
    [InlineData(15, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    [InlineData(9, false)]
    [InlineData(14, false)]
    [InlineData(16, false)]
    public void Find_SeqsWithGaps_FindsHeldOnesOnly(long seq, bool held)
    {
        var timeline = new Timeline();
        foreach (var s in new long[] { 1, 3, 4, 7, 10, 15 })
        {
            timeline.Append(Sample.Text(s, $"message {s}"));
        }

        var found = timeline.Find(seq);

        if (held)
        {
            Assert.Equal($"message {seq}", found?.Text());
        }
        else
        {
            Assert.Null(found);
        }
    }
}
