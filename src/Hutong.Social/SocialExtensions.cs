using Hutong.Accounts.Contacts;
using Hutong.Chat.Media;
using Hutong.Core.Telemetry;
using Hutong.Social.Moments;
using Hutong.Social.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Social;

public static class SocialExtensions
{
    public static IHostApplicationBuilder AddSocial(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SocialOptions>().BindConfiguration(SocialOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<MomentsService>();
        builder.Services.TryAddSingleton<StatusService>();
        builder.Services.TryAddSingleton<SweepMetrics>();
        builder.Services.AddSingleton<IMediaAudience, SocialMediaAudience>();
        builder.Services.AddSingleton<IContactObserver, SocialContactObserver>();
        builder.Services.TryAddSingleton<SocialSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SocialSweeper>());
        return builder;
    }
}
