namespace IamService.Policies;

/// <summary>
/// A CIDR block from an IpAddress / NotIpAddress condition (IAM: "IP address condition operators", RFC 4632
/// notation). An address without a prefix length stands for that one address.
/// </summary>
internal readonly record struct IpNetwork(UInt128 Network, UInt128 Mask, bool IsV6)
{
    public static bool TryParse(string text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        if (!IpValue.TryParse(address, out var ip))
        {
            return false;
        }

        var width = ip.IsV6 ? 128 : 32;
        var length = width;
        if (slash >= 0)
        {
            var digits = text.AsSpan(slash + 1);
            if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')
                || !int.TryParse(digits, out length) || length > width)
            {
                return false;
            }
        }

        var all = ip.IsV6 ? UInt128.MaxValue : uint.MaxValue;
        var host = length == 0 ? all : length == width ? UInt128.Zero : (UInt128.One << (width - length)) - 1;
        var mask = all ^ host;
        network = new IpNetwork(ip.Bits & mask, mask, ip.IsV6);
        return true;
    }

    public bool Contains(IpValue address) => address.IsV6 == IsV6 && (address.Bits & Mask) == Network;
}
