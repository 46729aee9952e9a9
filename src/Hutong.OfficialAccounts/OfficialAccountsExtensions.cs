using Hutong.Core.Identity;
using Hutong.Chat.Media;
using Hutong.Chat.Messages.Content;
using Hutong.Core.Outbound;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Broadcasts;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Menus;
using Hutong.OfficialAccounts.QrCodes;
using Hutong.OfficialAccounts.Replies;
using Hutong.OfficialAccounts.Threads;
using Hutong.OfficialAccounts.WebAuth;
using Hutong.Social.Moments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.OfficialAccounts;

public static class OfficialAccountsExtensions
{
    public static IHostApplicationBuilder AddOfficialAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OfficialAccountsOptions>().BindConfiguration(OfficialAccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<OpenIds>();
        builder.Services.TryAddSingleton<OfficialAccountService>();
        builder.Services.TryAddSingleton<FollowService>();
        builder.Services.TryAddSingleton<FollowerTagService>();
        builder.Services.TryAddSingleton<ThreadContent>();
        builder.Services.TryAddSingleton<AccountReplies>();
        builder.Services.TryAddSingleton<ThreadService>();
        builder.Services.TryAddSingleton<BroadcastService>();
        builder.Services.AddSingleton<IFollowObserver, FollowWindowOpener>();
        builder.AddOutboundHttp();
        builder.Services.TryAddSingleton<Webhook>();
        builder.Services.TryAddSingleton<DeveloperService>();
        builder.Services.TryAddSingleton<AccessTokens>();
        builder.Services.TryAddSingleton<WebhookDispatcher>();
        builder.Services.TryAddSingleton<AutoReplyService>();
        builder.Services.TryAddSingleton<AutoResponder>();

        // Observers run in this order. Either the auto-replies or the webhook answer (developer mode decides); the quick
        // one is asked first, so a developer's reply arrives after the auto-replies have declined.
        builder.Services.AddSingleton<IFollowerMessageObserver>(sp => sp.GetRequiredService<AutoResponder>());
        builder.Services.AddSingleton<IFollowObserver>(sp => sp.GetRequiredService<AutoResponder>());
        builder.Services.AddSingleton<IFollowerMessageObserver>(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.AddSingleton<IFollowObserver>(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.TryAddSingleton<MenuService>();
        builder.Services.AddSingleton<IMediaAudience, ThreadMediaAudience>();
        builder.Services.AddSingleton<IMediaAudience, AvatarAudience>();
        builder.Services.TryAddSingleton<ArticleService>();
        builder.Services.AddSingleton<IContentHandler, ArticleContentHandler>();
        builder.Services.AddSingleton<IPostCardCheck, ArticleCardCheck>();
        builder.Services.AddSingleton<IMediaAudience, ArticleMediaAudience>();
        builder.Services.TryAddSingleton<QrCodeService>();
        builder.Services.AddSingleton<IFollowObserver, QrFollowCounter>();
        builder.Services.TryAddSingleton<WebAuthService>();
        return builder;
    }
}
