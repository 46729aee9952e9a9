using System.Threading.Channels;
using Hutong.Client;

namespace Hutong.Web.Shared;

/// <summary>How a store follows its gateway subscriptions until the session ends.</summary>
public static class Subscriptions
{
    /// <summary>
    /// Applies each item as it arrives. One the node could not serve a follow-up read for (the API answered a problem,
    /// or the network failed) is passed over: the store's next read catches up, and the items after it still apply.
    /// </summary>
    public static async Task FollowAsync<T>(ChannelReader<T> delivered, Func<T, Task> apply, CancellationToken stop)
    {
        try
        {
            await foreach (var item in delivered.ReadAllAsync(stop))
            {
                try
                {
                    await apply(item);
                }
                catch (Exception e) when (e is HutongApiException or HttpRequestException)
                {
                    // Caught up by the next read.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Signed out.
        }
    }
}
