namespace IamService.Policies;

/// <summary>
/// The Resource test of a statement that needs no compiled pattern: no principal, no condition, and one or two
/// Resource values that are each <c>*</c> or an ARN whose only wildcards are whole parts among its first five
/// (<c>arn:aws:ec2:*:...</c>) and one <c>*</c> at its very end. Such a value keeps its text, and the fast path
/// decides the statement by comparing that text with the resource, without reading the statement. Any other
/// statement gets none.
/// </summary>
internal readonly struct ResourceShortcut
{
    private const int PrefixParts = 5;

    private readonly string? _first;
    private readonly string? _second;
    private readonly Shape _firstShape;
    private readonly Shape _secondShape;

    private ResourceShortcut(Shape firstShape, string? first, Shape secondShape, string? second)
    {
        (_firstShape, _first) = (firstShape, first);
        (_secondShape, _second) = (secondShape, second);
    }

    /// <summary>How a Resource value is compared; the Parts shapes walk the first five parts one by one.</summary>
    private enum Shape : byte
    {
        None,
        MatchesAll,
        Exact,
        Prefix,
        PartsThenExact,
        PartsThenPrefix,
    }

    /// <summary>False when the statement must be matched in full.</summary>
    public bool IsAvailable => _firstShape != Shape.None;

    public static ResourceShortcut Create(IReadOnlyList<string> resources, bool isNotResource)
    {
        if (isNotResource || resources.Count is 0 or > 2)
        {
            return default;
        }

        if (resources.Any(r => r == "*"))
        {
            return new ResourceShortcut(Shape.MatchesAll, null, Shape.None, null);
        }

        var shapes = resources.Select(r => (Shape: ShapeOf(r), Text: r)).ToArray();
        if (shapes.Any(s => s.Shape == Shape.None))
        {
            return default;
        }

        var (secondShape, second) = shapes.Length > 1 ? shapes[1] : (Shape.None, null);
        return new ResourceShortcut(shapes[0].Shape, shapes[0].Text, secondShape, second);
    }

    public bool Matches(string resource) =>
        _firstShape == Shape.MatchesAll
        || Matches(resource, _first!, _firstShape)
        || (_second is not null && Matches(resource, _second, _secondShape));

    /// <summary>
    /// Compares as <see cref="ArnPattern"/> does for these shapes: case-sensitive, a <c>*</c> part matching any
    /// one part, a trailing <c>*</c> matching anything, <c>/</c> and <c>:</c> included.
    /// </summary>
    private static bool Matches(string resource, string text, Shape shape)
    {
        switch (shape)
        {
            case Shape.Exact:
                return string.Equals(resource, text, StringComparison.Ordinal);
            case Shape.Prefix:
                return resource.AsSpan().StartsWith(text.AsSpan(0, text.Length - 1), StringComparison.Ordinal);
        }

        var subject = resource.AsSpan();
        var pattern = text.AsSpan();
        for (var part = 0; part < PrefixParts; part++)
        {
            var end = subject.IndexOf(':');
            var patternEnd = pattern.IndexOf(':');
            if (end < 0 || !(pattern[..patternEnd] is "*" || subject[..end].SequenceEqual(pattern[..patternEnd])))
            {
                return false;
            }

            subject = subject[(end + 1)..];
            pattern = pattern[(patternEnd + 1)..];
        }

        return shape == Shape.PartsThenPrefix
            ? subject.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : subject.SequenceEqual(pattern);
    }

    /// <summary>
    /// None when the value holds a <c>?</c>, a <c>$</c> (a variable in one language version, kept out of both
    /// for simplicity), or a <c>*</c> that is neither its last character nor a whole part among the first five.
    /// </summary>
    private static Shape ShapeOf(string resource)
    {
        var wildcard = resource.AsSpan().IndexOfAny('*', '?', '$');
        if (wildcard < 0)
        {
            return Shape.Exact;
        }

        if (wildcard == resource.Length - 1 && resource[wildcard] == '*')
        {
            return Shape.Prefix;
        }

        var parts = resource.Split(':', PrefixParts + 1);
        if (parts.Length <= PrefixParts
            || parts[0] != "arn"
            || parts.Take(PrefixParts).Any(p => p != "*" && p.AsSpan().IndexOfAny('*', '?', '$') >= 0))
        {
            return Shape.None;
        }

        var rest = parts[PrefixParts];
        var restWildcard = rest.AsSpan().IndexOfAny('*', '?', '$');
        return restWildcard < 0 ? Shape.PartsThenExact
            : restWildcard == rest.Length - 1 && rest[restWildcard] == '*' ? Shape.PartsThenPrefix
            : Shape.None;
    }
}
