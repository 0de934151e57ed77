using System.Net;
using System.Text;
using System.Text.Json;
using IamService.Policies;

namespace IamService.Benchmarks;

/// <summary>
/// A generated account, the same on every run (fixed seed): 100 users, each with its own identity policies of the
/// given shape, and a stream of requests against them. About 60% of Action values are exact and 40% service
/// wildcards; 10% of Resource values are "*", the rest ARN patterns; about 20% of statements carry a condition
/// (principal tag, source IP or MFA) and about 10% are Deny. Of the requests, about 45% are built to hit an Allow
/// statement, 10% a Deny statement, and 45% are random actions on random resources.
/// </summary>
public sealed class SyntheticAccount
{
    public const string AccountId = "111122223333";
    public const int Seed = 20_240_917;
    public const int PrincipalCount = 100;
    public const int RequestCount = 4_096;

    private const int ResourceNumbers = 40;
    private const int Teams = 5;
    private const int IpBlocks = 4;

    private readonly Random _random = new(Seed);

    private SyntheticAccount(AccountShape shape)
    {
        Shape = shape;
        Principals = [.. Enumerable.Range(0, PrincipalCount).Select(CreatePrincipal)];
        (Requests, Sets) = CreateStream();
    }

    public AccountShape Shape { get; }

    public IReadOnlyList<SyntheticPrincipal> Principals { get; }

    /// <summary>The request stream; <see cref="Sets"/> holds the caller's policy set at the same position.</summary>
    public AccessRequest[] Requests { get; }

    public PolicySet[] Sets { get; }

    public static SyntheticAccount Generate(AccountShape shape) => new(shape);

    public static PolicyDocument Parse(string json)
    {
        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity));
        return result.Succeeded
            ? result.Document
            : throw new InvalidOperationException($"Generated policy is invalid: {result.Errors[0]}");
    }

    private SyntheticPrincipal CreatePrincipal(int index)
    {
        var team = index % Teams;
        var principal = new RequestPrincipal(
            $"arn:aws:iam::{AccountId}:user/staff/u-{index:D3}",
            $"AIDA{index:D16}",
            PrincipalType.User,
            AccountId,
            [new("team", $"team-{team}"), new("cost-center", $"cc-{index % 7}")]);

        var statements = new List<GeneratedStatement>();
        var json = new string[Shape.PoliciesPerPrincipal];
        for (var p = 0; p < json.Length; p++)
        {
            var policy = Enumerable.Range(0, Shape.StatementsPerPolicy).Select(_ => CreateStatement(team)).ToArray();
            statements.AddRange(policy);
            json[p] = ToJson(policy);
        }

        var compiled = json
            .Select((text, p) => CompiledPolicy.Compile(
                Parse(text),
                new PolicySource($"u-{index:D3}-p{p}", PolicySourceKind.ManagedPolicy)))
            .ToArray();

        // One context per (IP block, MFA) pair, so a request can pick one that satisfies its statement.
        var contexts = new RequestContext[IpBlocks * 2];
        for (var block = 0; block < IpBlocks; block++)
        {
            foreach (var mfa in new[] { false, true })
            {
                contexts[(block * 2) + (mfa ? 1 : 0)] = new RequestContextBuilder()
                    .AddPrincipalKeys(principal)
                    .AddIpAddress("aws:SourceIp", IPAddress.Parse($"10.{block}.{index}.{(index * 7) % 250}"))
                    .AddBoolean("aws:MultiFactorAuthPresent", mfa)
                    .Add("aws:SecureTransport", "true")
                    .Build();
            }
        }

        return new SyntheticPrincipal(principal, json, [.. statements], new PolicySet(compiled), contexts);
    }

    private GeneratedStatement CreateStatement(int team)
    {
        var service = ServiceCatalog.All[_random.Next(ServiceCatalog.All.Count)];
        var actions = new string[1 + _random.Next(3)];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = _random.NextDouble() < 0.6
                ? $"{service.Prefix}:{service.Actions[_random.Next(service.Actions.Length)]}"
                : service.Wildcards[_random.Next(service.Wildcards.Length)];
        }

        var resources = new int?[1 + _random.Next(2)];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = _random.NextDouble() < 0.1 ? null : _random.Next(ResourceNumbers);
        }

        var condition = _random.NextDouble() < 0.2 ? (ConditionKind)(1 + _random.Next(3)) : ConditionKind.None;
        var parameter = condition switch
        {
            // Most team conditions name the caller's own team, as a real policy written for it would.
            ConditionKind.Team => _random.NextDouble() < 0.8 ? team : _random.Next(Teams),
            ConditionKind.Ip => _random.Next(IpBlocks),
            _ => 0,
        };
        return new GeneratedStatement(_random.NextDouble() < 0.1, service, actions, resources, condition, parameter);
    }

    private static string ToJson(GeneratedStatement[] statements)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            for (var i = 0; i < statements.Length; i++)
            {
                var s = statements[i];
                json.WriteStartObject();
                json.WriteString("Sid", $"S{i}");
                json.WriteString("Effect", s.Deny ? "Deny" : "Allow");
                WriteArray(json, "Action", s.Actions);
                WriteArray(json, "Resource", s.Resources.Select(n => n is { } r ? s.Service.ResourcePattern(r) : "*"));
                WriteCondition(json, s);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteCondition(Utf8JsonWriter json, GeneratedStatement statement)
    {
        var (op, key, value) = statement.Condition switch
        {
            ConditionKind.Team => ("StringEquals", "aws:PrincipalTag/team", $"team-{statement.Parameter}"),
            ConditionKind.Ip => ("IpAddress", "aws:SourceIp", $"10.{statement.Parameter}.0.0/16"),
            ConditionKind.Mfa => ("Bool", "aws:MultiFactorAuthPresent", "true"),
            _ => (null, null, null),
        };
        if (op is null)
        {
            return;
        }

        json.WriteStartObject("Condition");
        json.WriteStartObject(op);
        json.WriteString(key!, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private (AccessRequest[] Requests, PolicySet[] Sets) CreateStream()
    {
        var requests = new AccessRequest[RequestCount];
        var sets = new PolicySet[RequestCount];
        for (var i = 0; i < RequestCount; i++)
        {
            var caller = Principals[_random.Next(Principals.Count)];
            var roll = _random.NextDouble();
            requests[i] = roll < 0.45 ? Targeted(caller, deny: false)
                : roll < 0.55 ? Targeted(caller, deny: true)
                : RandomRequest(caller);
            sets[i] = caller.Set;
        }

        return (requests, sets);
    }

    /// <summary>A request that the given kind of statement of the caller matches, in a context that meets it.</summary>
    private AccessRequest Targeted(SyntheticPrincipal caller, bool deny)
    {
        var choices = caller.Statements.Where(s => s.Deny == deny).ToArray();
        if (choices.Length == 0)
        {
            return RandomRequest(caller);
        }

        var statement = choices[_random.Next(choices.Length)];
        var service = statement.Service;
        var covered = service.ActionsCoveredBy(statement.Actions[_random.Next(statement.Actions.Length)]);
        var action = $"{service.Prefix}:{covered[_random.Next(covered.Length)]}";
        var number = statement.Resources[_random.Next(statement.Resources.Length)] ?? _random.Next(ResourceNumbers);
        var block = statement.Condition == ConditionKind.Ip ? statement.Parameter : _random.Next(IpBlocks);
        var mfa = statement.Condition == ConditionKind.Mfa || _random.Next(2) == 0;
        var context = caller.Contexts[(block * 2) + (mfa ? 1 : 0)];
        return new AccessRequest(caller.Principal, action, service.ResourceArn(number, _random.Next(1000)), context);
    }

    private AccessRequest RandomRequest(SyntheticPrincipal caller)
    {
        var service = ServiceCatalog.All[_random.Next(ServiceCatalog.All.Count)];
        var action = $"{service.Prefix}:{service.Actions[_random.Next(service.Actions.Length)]}";
        var resource = service.ResourceArn(_random.Next(ResourceNumbers), _random.Next(1000));
        var context = caller.Contexts[_random.Next(caller.Contexts.Length)];
        return new AccessRequest(caller.Principal, action, resource, context);
    }
}
