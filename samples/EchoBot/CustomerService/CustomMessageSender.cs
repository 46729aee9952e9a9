namespace EchoBot.CustomerService;

/// <summary>
/// Sends the queued customer-service messages one at a time, in order, for as long as the bot runs. A failed call is
/// logged and the next message goes on.
/// </summary>
internal sealed class CustomMessageSender(CustomMessageQueue queue, CgiBinClient api, ILogger<CustomMessageSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await api.SendTextAsync(message.OpenId, message.Content, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong with one message (the API unreachable, a timeout, an answer that is not JSON),
                // the next one still goes: an exception leaving this loop would stop the whole bot.
                logger.CustomFailed(message.OpenId, e);
            }
        }
    }
}
