using System.Runtime.InteropServices;

namespace IamService.Policies;

/// <summary>
/// A cheap test that rules a statement out before its Resource patterns are read. Every resource a Resource
/// value matches starts with the value's text up to its first wildcard or variable, so the last four characters
/// of that text must stand at the same place in the resource. Failing proves the statement does not apply;
/// passing proves nothing, and the patterns decide.
/// </summary>
internal readonly struct ResourceGate
{
    private const int Width = 4;

    // End is where a literal head ends, Key its last four characters read as one number; End 0 checks nothing.
    private readonly int _firstEnd;
    private readonly int _secondEnd;
    private readonly ulong _firstKey;
    private readonly ulong _secondKey;

    private ResourceGate(string first, string? second)
    {
        (_firstEnd, _firstKey) = (first.Length, Read(first, first.Length));
        (_secondEnd, _secondKey) = second is null ? (0, 0UL) : (second.Length, Read(second, second.Length));
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

        var heads = resources.Select(LiteralHead).ToArray();
        if (heads.Any(head => head.Length < Width))
        {
            return default;
        }

        return new ResourceGate(heads[0], heads.Length > 1 ? heads[1] : null);
    }

    public bool Admits(string resource) =>
        _firstEnd == 0
        || Admits(resource, _firstEnd, _firstKey)
        || (_secondEnd != 0 && Admits(resource, _secondEnd, _secondKey));

    private static bool Admits(string resource, int end, ulong key) =>
        resource.Length >= end && Read(resource, end) == key;

    private static ulong Read(string text, int end) =>
        MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(end - Width, Width)));

    /// <summary>
    /// The text before the first <c>*</c>, <c>?</c> or <c>$</c>. Stopping at every <c>$</c>, variable or not,
    /// keeps the head literal in both policy language versions.
    /// </summary>
    private static string LiteralHead(string resource)
    {
        var end = resource.AsSpan().IndexOfAny('*', '?', '$');
        return end < 0 ? resource : resource[..end];
    }
}
