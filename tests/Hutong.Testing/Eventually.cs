using System.Collections;
using System.Globalization;
using System.Threading.Channels;
using Xunit.Sdk;

namespace Hutong.Testing;

/// <summary>
/// Waiting for what a grain, a background service or another connection does after the call that caused it returned.
/// Every wait is bounded by one deadline for the whole wait (<see cref="Patience"/> unless the caller says otherwise)
/// and by the test's cancellation, and fails naming what it waited for. Where the outcome arrives as an event (a frame,
/// a task), wait for the event; poll only what can only be looked at.
/// </summary>
public static class Eventually
{
    /// <summary>Far longer than anything takes on a loaded machine, far shorter than a hung run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds. <paramref name="awaited"/> is what the wait is for, as a failure
    /// names it: "the notice in the chat".
    /// </summary>
    public static Task ThatAsync(Func<bool> condition, string awaited, TimeSpan? patience = null) =>
        ValueAsync(_ => Task.FromResult(condition()), held => held, awaited, patience);

    /// <summary>Waits until <paramref name="condition"/> holds; it is given a token that ends with the wait.</summary>
    public static Task ThatAsync(Func<CancellationToken, Task<bool>> condition, string awaited, TimeSpan? patience = null) =>
        ValueAsync(condition, held => held, awaited, patience);

    /// <summary>Reads until what <paramref name="read"/> returns <paramref name="holds"/>, and returns that.</summary>
    public static async Task<T> ValueAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> holds, string awaited, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var test = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(test);
        deadline.CancelAfter(limit);
        var pause = FirstPause;
        var looks = 0;
        T? last = default;
        try
        {
            while (true)
            {
                // WaitAsync as well as the token: a read that ignores its token still cannot outlast the deadline.
                last = await read(deadline.Token).WaitAsync(deadline.Token);
                looks++;
                if (holds(last))
                {
                    return last;
                }

                await Task.Delay(pause, deadline.Token);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !test.IsCancellationRequested)
        {
            var seen = looks == 0 ? "no look finished" : $"{looks} looks, the last found {Describe(last)}";
            throw FailException.ForFailure($"Waited {limit.TotalSeconds:0.#} s for {awaited}: {seen}.");
        }
    }

    /// <summary>
    /// Reads <paramref name="reader"/> until an item <paramref name="matches"/> and returns it; the items before it are
    /// passed over. The deadline is for the whole wait, however many items come first.
    /// </summary>
    public static async Task<T> ReadAsync<T>(ChannelReader<T> reader, Func<T, bool> matches, string awaited, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var test = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(test);
        deadline.CancelAfter(limit);
        var passed = 0;
        try
        {
            while (true)
            {
                var item = await reader.ReadAsync(deadline.Token);
                if (matches(item))
                {
                    return item;
                }

                passed++;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !test.IsCancellationRequested)
        {
            throw FailException.ForFailure($"Waited {limit.TotalSeconds:0.#} s for {awaited}: {passed} other items came.");
        }
        catch (ChannelClosedException)
        {
            throw FailException.ForFailure($"The channel closed before {awaited}: {passed} other items came.");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => $"\"{text}\"",
        ICollection items => string.Create(CultureInfo.InvariantCulture, $"{items.Count} items"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };
}
