using System.Globalization;
using System.Text;

namespace Hutong.Bench.Broadcasts;

/// <summary>The broadcast scenario's figures: seeding, each broadcast's storage and pushes, the thread reads, and the checks.</summary>
internal sealed record BroadcastResult(
    int Followers,
    int Online,
    double SeedOnlineSeconds,
    double SeedBulkSeconds,
    int FollowersCounted,
    bool BulkFollowerKnown,
    IReadOnlyList<SendResult> Sends,
    StoredRows Rows,
    int DuplicatePushes,
    IReadOnlyList<ReadResult> Reads,
    IReadOnlyList<SendResult> Relay,
    string LoadBefore,
    string LoadAfter)
{
    public string Markdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"### broadcast: an account with {Followers:N0} followers, {Online:N0} of them online; load average {LoadBefore} before, {LoadAfter} after");
        text.AppendLine();
        text.AppendLine(c, $"Seeding: {Online:N0} people signed up, logged in and followed through the API in {SeedOnlineSeconds:0.0} s; {Followers - Online:N0} more written in bulk in {SeedBulkSeconds:0.0} s. The account counts {FollowersCounted:N0} followers; `user/info` answers for a bulk-written openid: {(BulkFollowerKnown ? "yes" : "NO")}.");
        text.AppendLine();
        text.AppendLine(Report.Table(
            "broadcast | 201 ms | first push ms | last push ms | devices pushed | pushes/s (request to last push) | pushes/s (first to last push) | server CPU s",
            Sends.Select(s => string.Create(c,
                $"{s.Label} | {s.AnsweredMs:0.0} | {s.FirstPushMs:0.0} | {s.LastPushMs:0.0} | {s.Reached:N0} | {PushRate(s):N0} | {SpreadRate(s):N0} | {s.ServerCpuSeconds:0.00}"))));
        var measured = Sends.Skip(1).ToList();
        if (measured.Count > 0)
        {
            var last = measured.Select(s => s.LastPushMs).Order().ToList();
            var rates = measured.Select(PushRate).Order().ToList();
            text.AppendLine(c, $"Times from the request. Over {measured.Count} broadcasts after the warm-up: all {Online:N0} online devices pushed within median {last[last.Count / 2]:0} ms, max {last[^1]:0} ms; median {rates[rates.Count / 2]:N0} pushes/s. Rows written by these {Sends.Count} broadcasts: {Rows.Messages:N0} thread rows and {Rows.Recipients:N0} recipient rows (stored once, read by followers). Devices pushed the same broadcast twice: {DuplicatePushes}.");
            text.AppendLine();
        }

        text.AppendLine(c, $"The raw relay (no storage, no cluster; the ceiling here), one frame to the same {Online:N0} devices, timed from the send:");
        text.AppendLine();
        text.AppendLine(Report.Table(
            "send | ack ms | first push ms | last push ms | devices pushed | pushes/s (send to last push) | pushes/s (first to last push) | relay CPU s",
            Relay.Select(s => string.Create(c,
                $"{s.Label} | {s.AnsweredMs:0.0} | {s.FirstPushMs:0.0} | {s.LastPushMs:0.0} | {s.Reached:N0} | {PushRate(s):N0} | {SpreadRate(s):N0} | {s.ServerCpuSeconds:0.00}"))));
        text.AppendLine(ReadResult.Table(Reads, "items"));
        return text.ToString();
    }

    /// <summary>Devices pushed a second, counting from the request: storing the broadcast is part of the time.</summary>
    private static double PushRate(SendResult send) => send.LastPushMs > 0 ? send.Reached / (send.LastPushMs / 1000) : double.NaN;

    /// <summary>Devices pushed a second once pushing began: how fast the frame goes out to the sockets and is read.</summary>
    private static double SpreadRate(SendResult send) =>
        send.LastPushMs > send.FirstPushMs ? (send.Reached - 1) / ((send.LastPushMs - send.FirstPushMs) / 1000) : double.NaN;
}
