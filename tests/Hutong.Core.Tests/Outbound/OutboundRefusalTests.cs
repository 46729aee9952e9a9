using Hutong.Core.Outbound;
using static Hutong.Core.Tests.Outbound.OutboundTesting;

namespace Hutong.Core.Tests.Outbound;

/// <summary>
/// Addresses that are not public are refused after DNS resolution, on every connection, and nothing is sent to them;
/// each server here counts what reaches it.
/// </summary>
public sealed class OutboundRefusalTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task SendAsync_LoopbackLiteral_IsRefusedWithoutContactingIt(string address)
    {
        await using var server = await LoopbackServer.AnsweringAsync(200, "reached", address);
        using var client = Client(new OutboundOptions());

        var result = await client.GetAsync(server.At("/hook"));

        Assert.Equal(OutboundFailure.Refused, result.Failure);
        Assert.Equal(1, result.Tries);
        Assert.Null(result.Status);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task SendAsync_NameResolvingToLoopback_IsRefusedWithoutContactingIt()
    {
        await using var server = await LoopbackServer.AnsweringAsync(200, "reached");
        using var client = Client(new OutboundOptions());

        var result = await client.GetAsync(new Uri($"http://localhost:{server.Uri.Port}/hook"));

        Assert.Equal(OutboundFailure.Refused, result.Failure);
        Assert.Equal(0, server.Requests);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://192.168.1.1:8080/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://0.0.0.0/")]
    public async Task SendAsync_PrivateAddress_IsRefusedOnTheFirstTry(string url)
    {
        using var client = Client(new OutboundOptions());

        var result = await client.GetAsync(new Uri(url));

        Assert.Equal(OutboundFailure.Refused, result.Failure);
        Assert.Equal(1, result.Tries);
    }

    [Fact]
    public async Task SendAsync_RedirectFromAnAllowedServerToARefusedAddress_IsRefusedAndNeverContactsIt()
    {
        await using var inside = await LoopbackServer.AnsweringAsync(200, "inside", "127.0.0.2");
        await using var outside = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Redirect(inside.At("/admin").ToString());
            return Task.CompletedTask;
        });
        using var client = Allowing(outside);

        var result = await client.GetAsync(outside.At("/hook"));

        Assert.Equal(OutboundFailure.Refused, result.Failure);
        Assert.Equal(1, result.Tries);
        Assert.Equal(1, outside.Requests);
        Assert.Equal(0, inside.Requests);
    }

    [Fact]
    public async Task SendAsync_PrivateAddressesAllowed_ReachesLoopbackAndFollowsRedirectsThere()
    {
        await using var inside = await LoopbackServer.AnsweringAsync(200, "inside", "127.0.0.2");
        await using var outside = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Redirect(inside.At("/admin").ToString());
            return Task.CompletedTask;
        });
        await using var ipv6 = await LoopbackServer.AnsweringAsync(200, "ipv6", "::1");
        using var client = Client(new OutboundOptions { AllowPrivateAddresses = true });

        var redirected = await client.GetAsync(outside.At("/hook"));
        var byName = await client.GetAsync(new Uri($"http://localhost:{outside.Uri.Port}/hook"));
        var overIpv6 = await client.GetAsync(ipv6.At("/"));

        Assert.True(redirected.Succeeded);
        Assert.Equal("inside", redirected.ReadText());
        Assert.Equal(inside.At("/admin"), redirected.FinalUri);
        Assert.Equal("inside", byName.ReadText());
        Assert.Equal(2, outside.Requests);
        Assert.Equal(2, inside.Requests);
        Assert.Equal("ipv6", overIpv6.ReadText());
    }
}
