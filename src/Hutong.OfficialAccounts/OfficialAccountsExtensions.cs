using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
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
        return builder;
    }
}
