using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace IamService.Policies;

/// <summary>
/// The statements of one or more policies arranged so that a request visits only those that can apply to its
/// action. An action that some statement names literally, such as <c>s3:GetObject</c>, maps to the exact list of
/// statements whose Action or NotAction covers it, worked out once here, wildcards and NotAction included. Any
/// other action gets the same list worked out when it is first asked for, for up to 64 such actions; beyond that
/// it falls back to the statements grouped by service prefix, whose actions are then checked per request.
/// </summary>
internal sealed class StatementIndex
{
    // Policies name few services, and comparing a handful of short prefixes beats hashing; many use a table.
    private const int LinearLookupLimit = 8;

    private const int SeenActionsLimit = 64;

    private readonly string[] _services;
    private readonly StatementCandidate[][] _candidates;
    private readonly FrozenDictionary<string, StatementCandidate[]>.AlternateLookup<ReadOnlySpan<char>>? _lookup;
    private readonly ActionTable _table;

    // Actions no statement names literally, such as s3:GetObjectTagging under s3:Get*, filtered once when first
    // asked, up to a bound: any caller can make up action names.
    private ConcurrentDictionary<string, StatementCandidate[]>? _seen;

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

        _table = ActionTable.Create(LiteralActions.ToDictionary(
            action => action,
            action => FilterByAction(action),
            StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Candidates for a service no statement names literally.</summary>
    public StatementCandidate[] OtherServices { get; }

    public IEnumerable<string> Services => _services;

    /// <summary>The actions, <c>service:Name</c> without wildcards, that some Action or NotAction names.</summary>
    public IEnumerable<string> LiteralActions => _candidates.Append(OtherServices)
        .SelectMany(list => list)
        .SelectMany(candidate => candidate.Statement.Actions)
        .Where(action => action.IsLiteral)
        .Select(action => action.Source)
        .Distinct(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>
    /// The statements that may apply to the request's action. When <paramref name="actionMatched"/> is true,
    /// every one of them covers the action; otherwise each must still be checked with
    /// <see cref="StatementCandidate.MatchesAction(in AccessRequest)"/>.
    /// </summary>
    public StatementCandidate[] Find(in AccessRequest request, out bool actionMatched)
    {
        // Every literal action has a colon, so an action without one can only fall through to the service lists.
        if (_table.TryFind(request.Action, out StatementCandidate[]? matching))
        {
            actionMatched = true;
            return matching;
        }

        var seen = _seen;
        if (seen is not null && seen.TryGetValue(request.Action, out matching))
        {
            actionMatched = true;
            return matching;
        }

        var candidates = Find(request.ActionService);
        if (!request.Action.Contains(':', StringComparison.Ordinal) || (seen?.Count ?? 0) >= SeenActionsLimit)
        {
            actionMatched = false;
            return candidates;
        }

        // Two threads may both filter and one list is kept; they are equal.
        matching = FilterByAction(request.Action);
        (_seen ??= new ConcurrentDictionary<string, StatementCandidate[]>(StringComparer.OrdinalIgnoreCase))
            .TryAdd(request.Action, matching);
        actionMatched = true;
        return matching;
    }

    /// <summary>
    /// The fast path's entries for the request's action, when some statement names it literally: every one of
    /// them covers the action, Deny first. False for any other action.
    /// </summary>
    public bool TryFindEntries(in AccessRequest request, out ReadOnlySpan<DecisionEntry> entries) =>
        _table.TryFind(request.Action, out entries);

    /// <summary>The statements whose actions can match the service prefix, in policy order.</summary>
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

    /// <summary>
    /// The candidates that cover one action, split at its first colon as <see cref="AccessRequest"/>
    /// splits a request's action. Action matching ignores case throughout, so the answer holds for every spelling
    /// the case-insensitive lookup sends here.
    /// </summary>
    private StatementCandidate[] FilterByAction(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var service = action[..colon];
        var name = action[(colon + 1)..];
        return [.. Find(service).Where(candidate => candidate.MatchesAction(service, name))];
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
