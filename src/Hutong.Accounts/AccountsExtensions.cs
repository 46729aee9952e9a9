using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Accounts.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Accounts;

/// <summary>Registers accounts, sessions and contacts (a session that ends closes its device's connections). Their stores come from Hutong.Storage.</summary>
public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ContactsOptions>().BindConfiguration(ContactsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PasswordHasher>();
        builder.Services.TryAddSingleton<LastSeenWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LastSeenWriter>());
        builder.Services.TryAddSingleton<AccountService>();
        builder.Services.TryAddSingleton<SessionService>();
        builder.Services.TryAddSingleton<ContactService>();
        builder.Services.TryAddSingleton<FriendTagService>();
        builder.Services.TryAddSingleton<Operators>();
        builder.Services.AddSingleton<ISessionObserver, GatewaySessionObserver>();

        builder.Services
            .AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
