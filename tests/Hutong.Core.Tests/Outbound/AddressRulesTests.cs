using System.Net;
using Hutong.Core.Outbound;

namespace Hutong.Core.Tests.Outbound;

/// <summary>Every range that is not public, with the addresses on both sides of each boundary.</summary>
public sealed class AddressRulesTests
{
    [Theory]
    // 0.0.0.0/8: this network, 0.0.0.0 unspecified.
    [InlineData("0.0.0.0", false)]
    [InlineData("0.255.255.255", false)]
    [InlineData("1.0.0.0", true)]
    // 10.0.0.0/8 private.
    [InlineData("9.255.255.255", true)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("10.255.255.255", false)]
    [InlineData("11.0.0.0", true)]
    // 100.64.0.0/10 carrier-grade NAT.
    [InlineData("100.63.255.255", true)]
    [InlineData("100.64.0.0", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.0", true)]
    // 127.0.0.0/8 loopback.
    [InlineData("126.255.255.255", true)]
    [InlineData("127.0.0.0", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.2", false)]
    [InlineData("127.255.255.255", false)]
    [InlineData("128.0.0.0", true)]
    // 169.254.0.0/16 link-local, with the cloud metadata address.
    [InlineData("169.253.255.255", true)]
    [InlineData("169.254.0.0", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("169.254.255.255", false)]
    [InlineData("169.255.0.0", true)]
    // 172.16.0.0/12 private.
    [InlineData("172.15.255.255", true)]
    [InlineData("172.16.0.0", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.0", true)]
    // 192.0.0.0/24 IETF protocol assignments, 192.0.2.0/24 documentation.
    [InlineData("191.255.255.255", true)]
    [InlineData("192.0.0.0", false)]
    [InlineData("192.0.0.255", false)]
    [InlineData("192.0.1.0", true)]
    [InlineData("192.0.1.255", true)]
    [InlineData("192.0.2.0", false)]
    [InlineData("192.0.2.255", false)]
    [InlineData("192.0.3.0", true)]
    // 192.168.0.0/16 private.
    [InlineData("192.167.255.255", true)]
    [InlineData("192.168.0.0", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("192.168.255.255", false)]
    [InlineData("192.169.0.0", true)]
    // 198.18.0.0/15 benchmarking, 198.51.100.0/24 and 203.0.113.0/24 documentation.
    [InlineData("198.17.255.255", true)]
    [InlineData("198.18.0.0", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.20.0.0", true)]
    [InlineData("198.51.99.255", true)]
    [InlineData("198.51.100.0", false)]
    [InlineData("198.51.100.255", false)]
    [InlineData("198.51.101.0", true)]
    [InlineData("203.0.112.255", true)]
    [InlineData("203.0.113.0", false)]
    [InlineData("203.0.113.255", false)]
    [InlineData("203.0.114.0", true)]
    // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, 255.255.255.255 broadcast.
    [InlineData("223.255.255.255", true)]
    [InlineData("224.0.0.0", false)]
    [InlineData("239.255.255.255", false)]
    [InlineData("240.0.0.0", false)]
    [InlineData("255.255.255.254", false)]
    [InlineData("255.255.255.255", false)]
    // Public.
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.215.14", true)]
    public void IsPublic_IPv4(string address, bool expected) => Assert.Equal(expected, AddressRules.IsPublic(IPAddress.Parse(address)));

    [Theory]
    // Unspecified and loopback.
    [InlineData("::", false)]
    [InlineData("::1", false)]
    // Only 2000::/3 is global unicast.
    [InlineData("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2000::", true)]
    [InlineData("3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("4000::", false)]
    [InlineData("100::1", false)]
    // fc00::/7 unique local.
    [InlineData("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fc00::", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    // fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
    [InlineData("fe80::", false)]
    [InlineData("fe80::1%2", false)]
    [InlineData("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fec0::", false)]
    [InlineData("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("ff00::", false)]
    [InlineData("ff02::1", false)]
    // Documentation: 2001:db8::/32 and 3fff::/20.
    [InlineData("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8::", false)]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2001:db9::", true)]
    [InlineData("3fff::", false)]
    [InlineData("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("3fff:1000::", true)]
    // Teredo 2001::/32.
    [InlineData("2001::1", false)]
    [InlineData("2001:0:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2001:1::", true)]
    // Public.
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void IsPublic_IPv6(string address, bool expected) => Assert.Equal(expected, AddressRules.IsPublic(IPAddress.Parse(address)));

    [Theory]
    // IPv4-mapped ::ffff:0:0/96.
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("::ffff:0.0.0.0", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:100.64.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::ffff:172.16.0.1", false)]
    [InlineData("::ffff:192.168.1.1", false)]
    [InlineData("::ffff:224.0.0.1", false)]
    [InlineData("::ffff:255.255.255.255", false)]
    // IPv4-compatible ::/96.
    [InlineData("::8.8.8.8", true)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::10.1.2.3", false)]
    [InlineData("::169.254.169.254", false)]
    [InlineData("::0.0.0.2", false)]
    // NAT64 64:ff9b::/96, and the local-use 64:ff9b:1::/48, which is not public.
    [InlineData("64:ff9b::8.8.8.8", true)]
    [InlineData("64:ff9b::127.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b::192.168.1.1", false)]
    [InlineData("64:ff9b::ffff:ffff", false)]
    [InlineData("64:ff9b:1::8.8.8.8", false)]
    // 6to4 2002::/16, with the IPv4 address in bits 16-47.
    [InlineData("2002:808:808::1", true)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:a00:1::1", false)]
    [InlineData("2002:a9fe:a9fe::1", false)]
    // IPv4-translated ::ffff:0:0:0/96 is outside 2000::/3.
    [InlineData("::ffff:0:808:808", false)]
    public void IsPublic_IPv6EmbeddingIPv4_FollowsTheIPv4Address(string address, bool expected) =>
        Assert.Equal(expected, AddressRules.IsPublic(IPAddress.Parse(address)));
}
