using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IamService.Policies;

namespace IamService.Benchmarks;

/// <summary>
/// What it costs to turn a stored policy into something the evaluator can use, per policy: parsing with
/// validation, then compiling. The baseline only parses the same text with System.Text.Json, the floor for
/// reading it at all. Building a caller's <see cref="PolicySet"/> (merging its policies' indexes) is per set.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CompileBenchmarks
{
    private const int Policies = 100;

    private string[] _json = [];
    private PolicyDocument[] _documents = [];
    private CompiledPolicy[][] _perPrincipal = [];
    private readonly PolicySource _source = new("bench", PolicySourceKind.ManagedPolicy);

    [Params("small", "large")]
    public string Size { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        var account = SyntheticAccount.Generate(AccountShape.FromName(Size));
        _json = [.. account.Principals.Select(p => p.PolicyJson[0]).Take(Policies)];
        _documents = [.. _json.Select(SyntheticAccount.Parse)];
        _perPrincipal = [.. account.Principals.Select(p => p.PolicyJson
            .Select(json => CompiledPolicy.Compile(SyntheticAccount.Parse(json), _source))
            .ToArray())];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Policies)]
    public int JsonDocumentParse()
    {
        var total = 0;
        foreach (var json in _json)
        {
            using var document = JsonDocument.Parse(json);
            total += document.RootElement.GetProperty("Statement").GetArrayLength();
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Policies)]
    public int ParseAndValidate()
    {
        var total = 0;
        foreach (var json in _json)
        {
            total += PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity)).Errors.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Policies)]
    public int Compile()
    {
        var total = 0;
        foreach (var document in _documents)
        {
            total += CompiledPolicy.Compile(document, _source).Document.Statements.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = SyntheticAccount.PrincipalCount)]
    public int BuildPolicySet()
    {
        var total = 0;
        foreach (var policies in _perPrincipal)
        {
            total += new PolicySet(policies).IdentityPolicies.Count;
        }

        return total;
    }
}
