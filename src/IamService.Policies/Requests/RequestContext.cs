using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>
/// The request context: typed, possibly multivalued values by key, compared without case on the key
/// (IAM: "Context key names are not case-sensitive"). Immutable; build it with
/// <see cref="RequestContextBuilder"/> and reuse it across decisions.
/// </summary>
public sealed class RequestContext
{
    // A plain dictionary: a context usually serves one decision, and freezing costs more than it saves then.
    private readonly Dictionary<string, ContextEntry> _entries;

    internal RequestContext(Dictionary<string, ContextEntry> entries)
    {
        _entries = entries;
    }

    public static RequestContext Empty { get; } =
        new(new Dictionary<string, ContextEntry>(StringComparer.OrdinalIgnoreCase));

    public IEnumerable<string> Keys => _entries.Keys;

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <summary>The values of a key as text, or an empty list when the key is absent.</summary>
    public IReadOnlyList<string> GetValues(string key) =>
        _entries.TryGetValue(key, out var entry) ? [.. entry.Values.Select(v => v.Text)] : [];

    public ContextKeyType? GetKeyType(string key) => _entries.TryGetValue(key, out var entry) ? entry.Type : null;

    internal bool TryGetEntry(string key, [NotNullWhen(true)] out ContextEntry? entry) =>
        _entries.TryGetValue(key, out entry);
}
