using System.Net;
using System.Net.Sockets;

namespace IamService.Policies;

/// <summary>An IPv4 or IPv6 address as a 128-bit number; IPv4-mapped IPv6 addresses are read as IPv4.</summary>
internal readonly record struct IpValue(UInt128 Bits, bool IsV6)
{
    public static bool TryParse(ReadOnlySpan<char> text, out IpValue value)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            value = default;
            return false;
        }

        value = From(address);
        return true;
    }

    public static IpValue From(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 bits = 0;
        for (var i = 0; i < written; i++)
        {
            bits = (bits << 8) | bytes[i];
        }

        return new IpValue(bits, address.AddressFamily == AddressFamily.InterNetworkV6);
    }
}
