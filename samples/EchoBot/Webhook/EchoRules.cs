using EchoBot.CustomerService;
using EchoBot.Protocol;
using Microsoft.Extensions.Options;

namespace EchoBot.Webhook;

/// <summary>What the bot answers: the whole of its behaviour, one push at a time.</summary>
internal sealed class EchoRules(CustomMessageQueue later, IOptions<BotOptions> options, ILogger<EchoRules> logger)
{
    public const string Help =
        "EchoBot understands:\n"
        + "news: two article cards\n"
        + "later <words>: the words again in a moment, sent through the customer-service API\n"
        + "help: this list\n"
        + "Anything else comes back as \"You said: ...\", and a picture gets a compliment.";

    private const string LaterCommand = "later";
    private const string QrScenePrefix = "qrscene_";

    /// <summary>
    /// The reply to <paramref name="push"/>. <paramref name="publicBase"/> is where followers reach this bot, for the
    /// pictures of the news cards.
    /// </summary>
    public Reply Answer(Push push, Uri publicBase)
    {
        if (push.Is("text"))
        {
            return AnswerText(push, publicBase);
        }

        if (push.Is("image"))
        {
            return new TextReply("Nice picture");
        }

        if (push.IsEvent("subscribe"))
        {
            var greeting = "Thanks for following EchoBot! Send help to see what it can do.";
            return push.EventKey is { } key && key.StartsWith(QrScenePrefix, StringComparison.Ordinal)
                ? new TextReply($"{greeting} You came through the code for scene {key[QrScenePrefix.Length..]}.")
                : new TextReply(greeting);
        }

        if (push.IsEvent("SCAN"))
        {
            return new TextReply($"Welcome back (scene {push.EventKey})");
        }

        if (push.IsEvent("CLICK"))
        {
            return new TextReply($"You clicked the menu item {push.EventKey}.");
        }

        if (push.IsEvent("unsubscribe"))
        {
            // Nobody is left to read a reply.
            return Reply.Empty;
        }

        return Reply.Success;
    }

    private Reply AnswerText(Push push, Uri publicBase)
    {
        var text = (push.Content ?? "").Trim();
        if (text.Length == 0)
        {
            return Reply.Success;
        }

        if (text.Equals("news", StringComparison.OrdinalIgnoreCase))
        {
            return News(publicBase);
        }

        if (text.Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            return new TextReply(Help);
        }

        if (IsCommand(text, LaterCommand))
        {
            return Later(push.FromUserName, text[LaterCommand.Length..].Trim());
        }

        return new TextReply("You said: " + push.Content);
    }

    private Reply Later(string openId, string words)
    {
        if (words.Length == 0)
        {
            return new TextReply("Send later and some words, such as: later see you soon");
        }

        if (!options.Value.HasApiCredentials)
        {
            logger.LaterWithoutCredentials();
            return new TextReply("later needs the bot's Bot:AppId and Bot:AppSecret settings.");
        }

        if (!later.TryEnqueue(new CustomText(openId, words)))
        {
            logger.LaterQueueFull(openId);
            return new TextReply("Too much to say later; try again in a moment.");
        }

        return Reply.Success;
    }

    /// <summary>"later", "Later" or "LATER", then a space or the end: "latest news" is no command.</summary>
    private static bool IsCommand(string text, string command) =>
        text.StartsWith(command, StringComparison.OrdinalIgnoreCase)
        && (text.Length == command.Length || char.IsWhiteSpace(text[command.Length]));

    private static NewsReply News(Uri publicBase) => new(
    [
        new Article(
            "Passive replies",
            "This card came back in the HTTP response to your message, within the five seconds the platform waits.",
            new Uri(publicBase, "pictures/wide.svg"),
            new Uri("https://developers.weixin.qq.com/doc/service/en/Message_Management/Passive_user_reply_message.html")),
        new Article(
            "Customer-service messages",
            "Send \"later\" and some words: the bot answers success at once and sends them through the API.",
            new Uri(publicBase, "pictures/square.svg"),
            new Uri("https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Messages.html")),
    ]);
}
