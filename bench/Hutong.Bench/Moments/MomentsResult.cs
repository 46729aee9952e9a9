using System.Globalization;
using System.Text;

namespace Hutong.Bench.Moments;

/// <summary>The moments scenario's figures: seeding, each post's fan-out, the timeline reads, and the checks.</summary>
internal sealed record MomentsResult(
    int Friends,
    int Readers,
    int FanOutBatch,
    double SeedSeconds,
    double FriendsPostSeconds,
    double TimelineSettleSeconds,
    IReadOnlyList<FanOutResult> FanOuts,
    double CpuSecondsPerPoll,
    int FriendsMissingAPost,
    int TimelineExpected,
    int TimelineHeld,
    IReadOnlyList<ReadResult> Reads,
    string LoadBefore,
    string LoadAfter)
{
    public string Markdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"### moments: one person with {Friends:N0} friends (fan-out batches of {FanOutBatch:N0}); load average {LoadBefore} before, {LoadAfter} after");
        text.AppendLine();
        text.AppendLine(c, $"Seeding: {Friends:N0} friends (sign-up, login, request, accept each) in {SeedSeconds:0.0} s; each friend posting once took {FriendsPostSeconds:0.0} s, and the person's timeline held {TimelineHeld:N0} of {TimelineExpected:N0} posts {TimelineSettleSeconds:0.0} s after.");
        text.AppendLine();
        var measured = FanOuts.Skip(1).ToList();
        text.AppendLine(Report.Table(
            "post | 201 ms | first batch in ms | all friends in ms | polls | server CPU s | CPU s net of polling",
            FanOuts.Select(f => string.Create(c,
                $"{f.Label} | {f.CreatedMs:0.0} | {f.FirstBatchMs:0.0} | {f.AllFriendsMs:0.0} | {f.Polls:N0} | {f.ServerCpuSeconds:0.000} | {(f.NetCpuSeconds is { } net ? net.ToString("0.000", c) : "-")}"))));
        if (measured.Count > 0)
        {
            var times = measured.Select(f => f.AllFriendsMs).Order().ToList();
            text.AppendLine(c, $"Fan-out to all {Friends:N0}: median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms over {measured.Count} posts (from the 201; a poll every 5 ms, so up to ~5 ms late); a poll alone costs the server {CpuSecondsPerPoll * 1000:0.00} ms of CPU (measured apart), subtracted per poll for the net figure; /proc counts CPU in 10 ms ticks. Friends missing a post when every timeline was read after: {FriendsMissingAPost}.");
            text.AppendLine();
        }

        text.AppendLine(ReadResult.Table(Reads, "posts"));
        return text.ToString();
    }
}

/// <summary>One post's fan-out, times from its 201 in milliseconds.</summary>
internal sealed record FanOutResult(
    string Label, string PostId, double CreatedMs, double FirstBatchMs, double AllFriendsMs, int Polls, double ServerCpuSeconds, double? NetCpuSeconds);
