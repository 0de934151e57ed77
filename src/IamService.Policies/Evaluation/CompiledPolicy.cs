using System.Collections.Frozen;

namespace IamService.Policies;

/// <summary>
/// A validated policy compiled for evaluation: patterns split, values parsed, statements indexed by the
/// service prefix of their actions, so a request for <c>s3:GetObject</c> only visits statements that can match
/// s3. Immutable and thread-safe; compile once and cache.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly FrozenDictionary<string, StatementCandidate[]> _byService;
    private readonly FrozenDictionary<string, StatementCandidate[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly StatementCandidate[] _otherServices;

    private CompiledPolicy(
        PolicyDocument document,
        PolicySource source,
        FrozenDictionary<string, StatementCandidate[]> byService,
        StatementCandidate[] otherServices)
    {
        Document = document;
        Source = source;
        _byService = byService;
        _lookup = byService.GetAlternateLookup<ReadOnlySpan<char>>();
        _otherServices = otherServices;
    }

    public PolicyDocument Document { get; }

    public PolicySource Source { get; }

    public static CompiledPolicy Compile(PolicyDocument document, PolicySource source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);

        var variables = document.LanguageVersion == PolicyLanguageVersion.Version2012;
        var statements = document.Statements.Select(s => new CompiledStatement(s, source, variables)).ToArray();
        var services = statements
            .SelectMany(s => s.Actions)
            .Where(a => !a.ServiceHasWildcards)
            .Select(a => a.Service)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        var byService = services.ToFrozenDictionary(
            service => service,
            service => CandidatesFor(statements, service),
            StringComparer.OrdinalIgnoreCase);
        return new CompiledPolicy(document, source, byService, CandidatesFor(statements, service: null));
    }

    /// <summary>The statements that may match the request's action, in document order.</summary>
    internal StatementCandidate[] CandidatesFor(in AccessRequest request) =>
        _lookup.TryGetValue(request.ActionService, out var candidates) ? candidates : _otherServices;

    internal int IndexedServiceCount => _byService.Count;

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
