using System.Collections.Frozen;

namespace IamService.Policies;

/// <summary>
/// The statements of one or more policies grouped by the service prefix their actions can match, so a request
/// for <c>s3:GetObject</c> visits only statements that name s3, a wildcard service, or NotAction.
/// </summary>
internal sealed class StatementIndex
{
    // Policies name few services, and comparing a handful of short prefixes beats hashing; many use a table.
    private const int LinearLookupLimit = 8;

    private readonly string[] _services;
    private readonly StatementCandidate[][] _candidates;
    private readonly FrozenDictionary<string, StatementCandidate[]>.AlternateLookup<ReadOnlySpan<char>>? _lookup;

    private StatementIndex(Dictionary<string, StatementCandidate[]> byService, StatementCandidate[] otherServices)
    {
        _services = [.. byService.Keys];
        _candidates = [.. byService.Values];
        OtherServices = otherServices;
        if (_services.Length > LinearLookupLimit)
        {
            _lookup = byService.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
                .GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Candidates for a service no statement names literally.</summary>
    public StatementCandidate[] OtherServices { get; }

    public IEnumerable<string> Services => _services;

    /// <summary>Indexes one policy's statements, in document order.</summary>
    public static StatementIndex Create(CompiledStatement[] statements)
    {
        var services = statements
            .SelectMany(s => s.Actions)
            .Where(a => !a.ServiceHasWildcards)
            .Select(a => a.Service)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var byService = services.ToDictionary(
            service => service,
            service => CandidatesFor(statements, service),
            StringComparer.OrdinalIgnoreCase);
        return new StatementIndex(byService, CandidatesFor(statements, service: null));
    }

    /// <summary>Merges the indexes of several policies, keeping policy order, so one lookup serves them all.</summary>
    public static StatementIndex Merge(IReadOnlyList<StatementIndex> indexes)
    {
        if (indexes.Count == 1)
        {
            return indexes[0];
        }

        var services = indexes.SelectMany(i => i.Services).Distinct(StringComparer.OrdinalIgnoreCase);
        var byService = services.ToDictionary(
            service => service,
            service => indexes.SelectMany(i => i.Find(service)).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        return new StatementIndex(byService, [.. indexes.SelectMany(i => i.OtherServices)]);
    }

    /// <summary>The statements that may match the request's action.</summary>
    public StatementCandidate[] Find(ReadOnlySpan<char> service)
    {
        if (_lookup is { } lookup)
        {
            return lookup.TryGetValue(service, out var candidates) ? candidates : OtherServices;
        }

        for (var i = 0; i < _services.Length; i++)
        {
            if (service.Equals(_services[i], StringComparison.OrdinalIgnoreCase))
            {
                return _candidates[i];
            }
        }

        return OtherServices;
    }

    private static StatementCandidate[] CandidatesFor(CompiledStatement[] statements, string? service)
    {
        var candidates = new List<StatementCandidate>();
        foreach (var statement in statements)
        {
            var same = statement.Actions
                .Where(a => !a.ServiceHasWildcards
                    && string.Equals(a.Service, service, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            var any = statement.Actions.Where(a => a.ServiceHasWildcards).ToArray();

            // A NotAction statement covers services it does not name, so it is a candidate everywhere.
            if (same.Length > 0 || any.Length > 0 || statement.IsNotAction)
            {
                candidates.Add(new StatementCandidate(statement, same, any));
            }
        }

        return [.. candidates];
    }
}
