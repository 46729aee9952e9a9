using Hutong.Core.Identity;
using Hutong.Core.Outbound;
using Hutong.MiniPrograms.AppApi;
using Hutong.MiniPrograms.Apps;
using Hutong.OfficialAccounts.AppApi;
using Hutong.MiniPrograms.AppStorage;
using Hutong.MiniPrograms.CloudStorage;
using Hutong.MiniPrograms.Login;
using Hutong.MiniPrograms.Network;
using Hutong.MiniPrograms.Subscribe;
using Hutong.MiniPrograms.Launch;
using Hutong.MiniPrograms.Packages;
using Hutong.MiniPrograms.Stories;
using Hutong.MiniPrograms.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.MiniPrograms;

public static class MiniProgramsExtensions
{
    public static IHostApplicationBuilder AddMiniPrograms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MiniProgramsOptions>().BindConfiguration(MiniProgramsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<MiniProgramService>();
        builder.Services.TryAddSingleton<PackageStore>();
        builder.Services.TryAddSingleton<VersionService>();
        builder.Services.TryAddSingleton<CodeTickets>();
        builder.Services.TryAddSingleton<LaunchService>();
        builder.Services.TryAddSingleton<OpenIds>();
        builder.Services.TryAddSingleton<LoginService>();
        builder.Services.TryAddSingleton<AppStorageService>();
        builder.Services.TryAddSingleton<CloudStorageService>();
        builder.Services.TryAddSingleton<ShareTickets>();
        builder.Services.TryAddSingleton<ShareTicketService>();
        builder.Services.TryAddSingleton<LeaderboardService>();
        builder.Services.TryAddSingleton<StoryService>();
        builder.Services.TryAddSingleton<Reports.ReportService>();
        builder.Services.AddSingleton<Accounts.Identity.IAccountObserver, CloudStorageAccountObserver>();
        builder.Services.AddSingleton<Accounts.Identity.IAccountObserver, StoryAccountObserver>();
        builder.AddOutboundHttp();
        builder.Services.TryAddSingleton<RequestProxy>();
        builder.Services.TryAddSingleton<MiniProgramTokens>();
        builder.Services.TryAddSingleton<SubscribeService>();
        builder.Services.AddSingleton<IAppTokenSource>(sp => sp.GetRequiredService<MiniProgramTokens>());
        builder.Services.AddSingleton<Chat.Media.IMediaAudience, IconAudience>();
        builder.Services.AddSingleton<Chat.Messages.Content.IContentHandler, Sharing.MiniProgramContentHandler>();
        return builder;
    }
}
