using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hutong.Core.Outbound;

/// <summary>
/// Which addresses a call to a server run by an outside developer may connect to: only publicly routable unicast ones.
/// Everything else could reach the platform's own network (the node itself, its database, a cloud metadata service).
/// </summary>
public static class AddressRules
{
    // IANA's special-purpose blocks that are not globally reachable, plus multicast and the reserved 240/4.
    private static readonly Block[] NotPublicV4 =
    [
        Block.Parse("0.0.0.0/8"),       // this network, 0.0.0.0 unspecified
        Block.Parse("10.0.0.0/8"),      // private
        Block.Parse("100.64.0.0/10"),   // carrier-grade NAT
        Block.Parse("127.0.0.0/8"),     // loopback
        Block.Parse("169.254.0.0/16"),  // link-local, cloud metadata at 169.254.169.254
        Block.Parse("172.16.0.0/12"),   // private
        Block.Parse("192.0.0.0/24"),    // IETF protocol assignments
        Block.Parse("192.0.2.0/24"),    // documentation
        Block.Parse("192.168.0.0/16"),  // private
        Block.Parse("198.18.0.0/15"),   // benchmarking
        Block.Parse("198.51.100.0/24"), // documentation
        Block.Parse("203.0.113.0/24"),  // documentation
        Block.Parse("224.0.0.0/4"),     // multicast
        Block.Parse("240.0.0.0/4"),     // reserved, 255.255.255.255 broadcast
    ];

    // Only 2000::/3 is allocated as global unicast. Anything outside it (::, ::1, fc00::/7, fe80::/10, fec0::/10,
    // ff00::/8, 100::/64 ...) is refused unless it embeds an IPv4 address that is itself public.
    private static readonly Block GlobalUnicastV6 = Block.Parse("2000::/3");

    private static readonly Block[] NotPublicV6 =
    [
        Block.Parse("2001::/32"),       // Teredo: tunnels to an IPv4 address it hides
        Block.Parse("2001:db8::/32"),   // documentation
        Block.Parse("3fff::/20"),       // documentation
    ];

    // Forms that carry an IPv4 address in their last 32 bits and reach it: IPv4-mapped, NAT64 (RFC 6052) and the
    // deprecated IPv4-compatible form (which also holds :: and ::1, whose embedded 0.0.0.0 and 0.0.0.1 are refused).
    private static readonly Block[] EmbeddingV4InLast32 =
    [
        Block.Parse("::ffff:0:0/96"),
        Block.Parse("64:ff9b::/96"),
        Block.Parse("::/96"),
    ];

    // 6to4 carries its IPv4 address in bits 16-47.
    private static readonly Block SixToFour = Block.Parse("2002::/16");

    /// <summary>Whether <paramref name="address"/> is a public unicast address a developer's server may have.</summary>
    public static bool IsPublic(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => IsPublicV4((uint)Number(address)),
        AddressFamily.InterNetworkV6 => IsPublicV6(Number(address)),
        _ => false,
    };

    private static bool IsPublicV4(uint address) => !Array.Exists(NotPublicV4, block => block.Contains(address));

    private static bool IsPublicV6(UInt128 address)
    {
        if (Array.Exists(EmbeddingV4InLast32, block => block.Contains(address)))
        {
            return IsPublicV4((uint)address);
        }

        if (SixToFour.Contains(address))
        {
            return IsPublicV4((uint)(address >> 80));
        }

        return GlobalUnicastV6.Contains(address) && !Array.Exists(NotPublicV6, block => block.Contains(address));
    }

    private static UInt128 Number(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>
    /// A CIDR block compared bit by bit. Not <see cref="IPNetwork.Contains"/>: on .NET 10.0 it compares an IPv4-mapped
    /// address with an IPv6 network as if both were IPv4, so <c>2000::/3</c> "contains" <c>::ffff:10.0.0.1</c>
    /// (dotnet/runtime#131861).
    /// </summary>
    private readonly record struct Block(UInt128 Bits, int Length, int Width)
    {
        public static Block Parse(string cidr)
        {
            var slash = cidr.IndexOf('/', StringComparison.Ordinal);
            var address = IPAddress.Parse(cidr.AsSpan(0, slash));
            var width = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            return new(Number(address), int.Parse(cidr.AsSpan(slash + 1), CultureInfo.InvariantCulture), width);
        }

        // A shift by the whole width would be a shift by none (the count is masked), hence the empty prefix apart.
        public bool Contains(UInt128 address) => Length == 0 || address >> (Width - Length) == Bits >> (Width - Length);
    }
}
