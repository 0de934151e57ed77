using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using IamService.Policies;

namespace IamService.Benchmarks;

/// <summary>
/// Decisions over the synthetic account's request stream. Each invocation decides the whole stream, and
/// OperationsPerInvoke makes the reported time and allocation per decision. The baseline decides the same stream
/// by reading every statement in turn (<see cref="NaiveEvaluator"/>); <see cref="ActionLookup"/> only looks each
/// request's action up in a dictionary, the floor any evaluator pays to touch the request.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DecisionBenchmarks
{
    private const int Operations = SyntheticAccount.RequestCount;

    private AccessRequest[] _requests = [];
    private PolicySet[] _sets = [];
    private NaiveEvaluator[] _naive = [];
    private FrozenDictionary<string, int> _actions = FrozenDictionary<string, int>.Empty;

    [Params("small", "large")]
    public string Size { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        var account = SyntheticAccount.Generate(AccountShape.FromName(Size));
        _requests = account.Requests;
        _sets = account.Sets;
        _actions = _requests.Select(r => r.Action).Distinct()
            .Select((action, i) => KeyValuePair.Create(action, i))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        var naive = account.Principals.ToDictionary(p => p.Set, p => new NaiveEvaluator(p.Set));
        _naive = [.. _sets.Select(set => naive[set])];

        var decisions = _requests.Select((r, i) => PolicyEvaluator.Decide(in r, _sets[i])).ToArray();
        var disagreements = _requests.Where((r, i) => _naive[i].Decide(in r) != decisions[i]).Count();
        if (disagreements > 0)
        {
            throw new InvalidOperationException($"The naive baseline disagrees on {disagreements} decisions.");
        }

        Console.WriteLine(
            $"// {Size}: {account.Principals.Sum(p => p.Statements.Length)} statements; stream of {Operations}: "
            + string.Join(", ", decisions.GroupBy(d => d).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public int NaiveScan()
    {
        var allowed = 0;
        var requests = _requests;
        var naive = _naive;
        for (var i = 0; i < requests.Length; i++)
        {
            allowed += naive[i].Decide(in requests[i]) == PolicyDecision.Allowed ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int ActionLookup()
    {
        var sum = 0;
        foreach (ref readonly var request in _requests.AsSpan())
        {
            sum += _actions.TryGetValue(request.Action, out var id) ? id : -1;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int Decide()
    {
        var allowed = 0;
        var requests = _requests;
        var sets = _sets;
        for (var i = 0; i < requests.Length; i++)
        {
            allowed += PolicyEvaluator.Decide(in requests[i], sets[i]) == PolicyDecision.Allowed ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int Evaluate()
    {
        var matched = 0;
        var requests = _requests;
        var sets = _sets;
        for (var i = 0; i < requests.Length; i++)
        {
            matched += PolicyEvaluator.Evaluate(in requests[i], sets[i]).MatchedStatements.Count;
        }

        return matched;
    }
}
