using Hutong.Core.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Hutong.Core.Tests.Outbound.OutboundTesting;

namespace Hutong.Core.Tests.Outbound;

/// <summary><c>AddOutboundHttp</c> and the <c>Hutong:Outbound</c> settings it binds and checks at start.</summary>
public sealed class OutboundRegistrationTests
{
    [Fact]
    public void AddOutboundHttp_CalledByTwoFeatures_RegistersOnceAndBindsTheSection()
    {
        var builder = Builder(new() { ["Hutong:Outbound:MaxRedirects"] = "5", ["Hutong:Outbound:AllowPrivateAddresses"] = "true" });

        builder.AddOutboundHttp();
        builder.AddOutboundHttp();

        Assert.Single(builder.Services, service => service.ServiceType == typeof(OutboundClient));
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<OutboundOptions>>().Value;
        Assert.Equal(5, options.MaxRedirects);
        Assert.True(options.AllowPrivateAddresses);
        Assert.Same(host.Services.GetRequiredService<OutboundClient>(), host.Services.GetRequiredService<OutboundClient>());
    }

    [Fact]
    public void OutboundOptions_Defaults_RefusePrivateAddresses()
    {
        var options = new OutboundOptions();

        Assert.False(options.AllowPrivateAddresses);
        Assert.Equal(3, options.MaxRedirects);
        Assert.Empty(options.AlsoAllowed);
    }

    [Theory]
    [InlineData("MaxRedirects", "11")]
    [InlineData("ConnectTimeout", "00:00:00")]
    [InlineData("PooledConnectionLifetime", "00:00:01")]
    public async Task AddOutboundHttp_SettingOutOfRange_StopsTheStartNamingIt(string setting, string value)
    {
        var builder = Builder(new() { [$"Hutong:Outbound:{setting}"] = value });
        builder.AddOutboundHttp();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
