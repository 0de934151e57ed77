using System.Runtime.InteropServices;

namespace IamService.Policies;

/// <summary>
/// A cheap test that rules a statement out before its Resource patterns are read. Every resource a Resource
/// value matches starts with the value's text up to its first wildcard or variable, so the last four characters
/// of that text must stand at the same place in the resource. When that text stops inside the first five parts
/// of an ARN (<c>arn:aws:ec2:*:...</c>), the literal text that starts its resource part is used instead, placed
/// after the resource's fifth colon. Failing proves the statement does not apply; passing proves nothing, and the
/// patterns decide.
/// </summary>
internal readonly struct ResourceGate
{
    private const int Width = 4;

    private const int PrefixParts = 5;

    // End is where a literal head ends, Key its last four characters read as one number; End 0 checks nothing. A
    // negative End counts from the start of the resource part instead: the head is that part's.
    private readonly int _firstEnd;
    private readonly int _secondEnd;
    private readonly ulong _firstKey;
    private readonly ulong _secondKey;

    private ResourceGate(Head first, Head? second)
    {
        (_firstEnd, _firstKey) = (first.End, Read(first.Text, first.Text.Length));
        (_secondEnd, _secondKey) = second is { } head ? (head.End, Read(head.Text, head.Text.Length)) : (0, 0UL);
    }

    /// <summary>
    /// The gate for a statement's Resource values: one or two values whose literal heads are at least four
    /// characters long. NotResource, "*", short heads and longer lists get an open gate.
    /// </summary>
    public static ResourceGate Create(IReadOnlyList<string> resources, bool isNotResource)
    {
        if (isNotResource || resources.Count is 0 or > 2)
        {
            return default;
        }

        var heads = resources.Select(HeadOf).ToArray();
        if (heads.Any(head => head.Text.Length < Width))
        {
            return default;
        }

        return new ResourceGate(heads[0], heads.Length > 1 ? heads[1] : null);
    }

    /// <summary>Where the resource part of an ARN starts: after its fifth colon; -1 when it has fewer.</summary>
    public static int ResourcePartStart(string resource)
    {
        var start = 0;
        for (var part = 0; part < PrefixParts; part++)
        {
            var colon = resource.AsSpan(start).IndexOf(':');
            if (colon < 0)
            {
                return -1;
            }

            start += colon + 1;
        }

        return start;
    }

    public bool Admits(string resource) => Admits(resource, _firstEnd < 0 || _secondEnd < 0
        ? ResourcePartStart(resource)
        : -1);

    /// <param name="resourcePartStart">What <see cref="ResourcePartStart"/> says of <paramref name="resource"/>.
    /// </param>
    public bool Admits(string resource, int resourcePartStart) =>
        _firstEnd == 0
        || Admits(resource, resourcePartStart, _firstEnd, _firstKey)
        || (_secondEnd != 0 && Admits(resource, resourcePartStart, _secondEnd, _secondKey));

    private static bool Admits(string resource, int resourcePartStart, int end, ulong key)
    {
        if (end < 0)
        {
            // A pattern split into parts only matches a resource that has all five.
            if (resourcePartStart < 0)
            {
                return false;
            }

            end = resourcePartStart - end;
        }

        return resource.Length >= end && Read(resource, end) == key;
    }

    private static ulong Read(string text, int end) =>
        MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(end - Width, Width)));

    /// <summary>
    /// The literal head of the whole value, or, when that stops inside the first five parts of an ARN pattern and
    /// the resource part starts with at least four literal characters, the literal head of the resource part. Only
    /// without <c>$</c> among the first five parts: there a colon could belong to a variable, and both language
    /// versions must split the value alike.
    /// </summary>
    private static Head HeadOf(string resource)
    {
        var head = LiteralHead(resource);
        if (head.AsSpan().Count(':') >= PrefixParts)
        {
            return new Head(head, head.Length);
        }

        var parts = resource.Split(':', PrefixParts + 1);
        if (parts.Length <= PrefixParts || parts[0] != "arn" || parts.Take(PrefixParts).Any(p => p.Contains('$')))
        {
            return new Head(head, head.Length);
        }

        var partHead = LiteralHead(parts[PrefixParts]);
        return partHead.Length >= Width ? new Head(partHead, -partHead.Length) : new Head(head, head.Length);
    }

    /// <summary>
    /// The text before the first <c>*</c>, <c>?</c> or <c>$</c>. Stopping at every <c>$</c>, variable or not,
    /// keeps the head literal in both policy language versions.
    /// </summary>
    private static string LiteralHead(string resource)
    {
        var end = resource.AsSpan().IndexOfAny('*', '?', '$');
        return end < 0 ? resource : resource[..end];
    }

    private readonly record struct Head(string Text, int End);
}
