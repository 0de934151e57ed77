namespace IamService.Policies;

/// <summary>
/// The Resource test of a statement that needs no pattern: no principal, no condition, and one or two Resource
/// values that are each <c>*</c>, plain text, or plain text ending in one <c>*</c>. A Resource value of that form
/// matches exactly the resources equal to its text or starting with the text before the <c>*</c> (the ARN's parts
/// need not be split: without wildcards or variables before its end, the prefix compares them all at once), so
/// the fast path decides such a statement from this value alone. Any other statement gets none.
/// </summary>
internal readonly struct ResourceShortcut
{
    private readonly string? _first;
    private readonly string? _second;
    private readonly bool _firstIsPrefix;
    private readonly bool _secondIsPrefix;

    private ResourceShortcut(ShortcutKind kind, string? first, bool firstIsPrefix, string? second, bool secondIsPrefix)
    {
        Kind = kind;
        (_first, _firstIsPrefix) = (first, firstIsPrefix);
        (_second, _secondIsPrefix) = (second, secondIsPrefix);
    }

    private enum ShortcutKind : byte
    {
        None,
        MatchesAll,
        Texts,
    }

    /// <summary>False when the statement must be matched in full.</summary>
    public bool IsAvailable => Kind != ShortcutKind.None;

    private ShortcutKind Kind { get; }

    public static ResourceShortcut Create(IReadOnlyList<string> resources, bool isNotResource)
    {
        if (isNotResource || resources.Count is 0 or > 2)
        {
            return default;
        }

        if (resources.Any(r => r == "*"))
        {
            return new ResourceShortcut(ShortcutKind.MatchesAll, null, false, null, false);
        }

        var shapes = resources.Select(Shape).ToArray();
        if (shapes.Any(shape => shape.Text is null))
        {
            return default;
        }

        var (second, secondIsPrefix) = shapes.Length > 1 ? shapes[1] : (null, false);
        return new ResourceShortcut(ShortcutKind.Texts, shapes[0].Text, shapes[0].IsPrefix, second, secondIsPrefix);
    }

    public bool Matches(string resource) =>
        Kind == ShortcutKind.MatchesAll
        || Matches(resource, _first!, _firstIsPrefix)
        || (_second is not null && Matches(resource, _second, _secondIsPrefix));

    private static bool Matches(string resource, string text, bool isPrefix) => isPrefix
        ? resource.StartsWith(text, StringComparison.Ordinal)
        : string.Equals(resource, text, StringComparison.Ordinal);

    /// <summary>
    /// The text to compare and whether it is a prefix; a null text when the value holds a <c>?</c>, a <c>$</c>
    /// (a variable in one language version, and kept out in both for simplicity) or a <c>*</c> before its end.
    /// </summary>
    private static (string? Text, bool IsPrefix) Shape(string resource)
    {
        var special = resource.AsSpan().IndexOfAny('*', '?', '$');
        if (special < 0)
        {
            return (resource, false);
        }

        return special == resource.Length - 1 && resource[special] == '*'
            ? (resource[..special], true)
            : (null, false);
    }
}
