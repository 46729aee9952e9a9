using Hutong.Core.RateLimits;
using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Hutong.Chat.Messages;
using Hutong.Chat.Messages.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Chat;

/// <summary>Registers conversations and messages. Their stores come from Hutong.Storage.</summary>
public static class ChatExtensions
{
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ChatWriter>();
        builder.Services.TryAddSingleton<ClusterRateLimiter>();
        builder.Services.TryAddSingleton<ChatMetrics>();
        builder.Services.TryAddSingleton<SendLimiter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChatWriter>());
        builder.Services.TryAddSingleton<ChatService>();
        // The kinds a device may send, in the order the refusal of any other names them.
        builder.Services.AddSingleton<IContentHandler, TextHandler>();
        builder.Services.AddSingleton<IContentHandler, ImageHandler>();
        builder.Services.AddSingleton<IContentHandler, VoiceHandler>();
        builder.Services.AddSingleton<IContentHandler, VideoHandler>();
        builder.Services.AddSingleton<IContentHandler, FileHandler>();
        builder.Services.AddSingleton<IContentHandler, LocationHandler>();
        builder.Services.AddSingleton<IContentHandler, CardHandler>();
        builder.Services.TryAddSingleton<ContentHandlers>();
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.IsToolTimeoutValid, $"{MediaOptions.Section}:ToolTimeout is 00:00:01 to 00:10:00.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<MediaProbe>();
        builder.Services.AddHostedService<MediaToolsCheck>();
        builder.Services.TryAddSingleton<MediaService>();
        builder.Services.AddSingleton<IContactObserver, ChatContactObserver>();
        builder.Services.AddSingleton<IAccountObserver, ChatAccountObserver>();
        return builder;
    }
}
