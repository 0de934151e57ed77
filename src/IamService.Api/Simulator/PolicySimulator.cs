using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using IamService.Api.Common;
using IamService.Api.PolicyCache;
using IamService.Policies;

namespace IamService.Api.Simulator;

/// <summary>
/// Runs policy simulations (IAM's SimulateCustomPolicy): validates the documents, compiles them and evaluates
/// every action on every resource. Nothing is stored and nothing is read from the store but the account id.
/// </summary>
public sealed class PolicySimulator(AccountIdProvider accountIds)
{
    // Named once: decisions describe every statement that matched, and the batch endpoint does so 100 times.
    private static readonly FrozenDictionary<PolicySlot, string> SlotNames = Enum.GetValues<PolicySlot>()
        .ToFrozenDictionary(slot => slot, slot => JsonNamingPolicy.CamelCase.ConvertName(slot.ToString()));

    /// <summary>The most action × resource pairs one simulation evaluates.</summary>
    public const int MaxEvaluations = 1000;

    public async Task<Result<SimulationResponse>> SimulateCustomAsync(
        SimulateCustomPolicyRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PolicyInputList.Count == 0)
        {
            return IamError.InvalidInput("policyInputList must hold at least one policy document.");
        }

        return await SimulateAsync(request, request.PolicyInputList, stored: null, cancellationToken);
    }

    /// <summary>
    /// Simulates a principal's stored policies (IAM's SimulatePrincipalPolicy): its identity policies and
    /// boundary, plus the request's extra documents; a boundary in the request replaces the stored one. The
    /// principal is also the caller a resource policy is matched against, unless the request names another.
    /// </summary>
    public async Task<Result<SimulationResponse>> SimulatePrincipalAsync(
        SimulatePrincipalPolicyRequest request,
        EffectivePrincipal stored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stored);
        return await SimulateAsync(request, request.PolicyInputList ?? [], stored, cancellationToken);
    }

    private async Task<Result<SimulationResponse>> SimulateAsync(
        SimulationRequest request,
        IReadOnlyList<JsonElement> policyInputs,
        EffectivePrincipal? stored,
        CancellationToken cancellationToken)
    {
        var accountId = await accountIds.GetAsync(cancellationToken);
        var shape = CheckShape(request, callerKnown: stored is not null);
        if (shape is not null)
        {
            return shape;
        }

        var problems = new List<PolicyProblemResponse>();
        var identity = CompileList(policyInputs, "policyInputList", PolicyType.Identity, problems);
        var boundary = CompileList(
            request.PermissionsBoundaryPolicyInputList ?? [],
            "permissionsBoundaryPolicyInputList",
            PolicyType.PermissionsBoundary,
            problems);
        var resourcePolicy = request.ResourcePolicy is { } resource
            ? Compile(resource, "resourcePolicy", "ResourcePolicy", PolicyType.ResourceBased, problems)
            : null;
        if (problems.Count > 0)
        {
            return PolicyDocuments.Malformed(problems);
        }

        var context = BuildContext(request.ContextEntries ?? []);
        if (!context.IsSuccess)
        {
            return context.Error;
        }

        var caller = stored is not null && string.IsNullOrEmpty(request.CallerArn)
            ? stored.Principal
            : ReadCaller(request.CallerArn, accountId);
        if (!caller.IsSuccess)
        {
            return caller.Error;
        }

        var owner = ReadOwner(request.ResourceOwner, caller.Value.AccountId);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var set = new PolicySet(
            [.. stored?.IdentityPolicies ?? [], .. identity],
            boundary.FirstOrDefault() ?? stored?.PermissionsBoundary,
            resourcePolicy: resourcePolicy is null ? null : new ResourceBasedPolicy(resourcePolicy, owner.Value));
        return Evaluate(caller.Value, request.ActionNames, request.ResourceArns ?? ["*"], context.Value, set);
    }

    /// <summary>Evaluates every action on every resource, in that order, and describes each decision.</summary>
    public static SimulationResponse Evaluate(
        RequestPrincipal caller,
        IReadOnlyList<string> actions,
        IReadOnlyList<string> resources,
        RequestContext context,
        PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        var results = new List<EvaluationResultResponse>(actions.Count * resources.Count);
        foreach (var action in actions)
        {
            foreach (var resource in resources)
            {
                var result = PolicyEvaluator.Evaluate(new AccessRequest(caller, action, resource, context), set);
                results.Add(Describe(action, resource, result, set.PermissionsBoundary is not null));
            }
        }

        return new SimulationResponse(results);
    }

    public static string DecisionName(PolicyDecision decision) => decision switch
    {
        PolicyDecision.Allowed => "allowed",
        PolicyDecision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };

    private static EvaluationResultResponse Describe(
        string action,
        string resource,
        EvaluationResult result,
        bool hasBoundary) => new(
        action,
        resource,
        DecisionName(result.Decision),
        [.. result.MatchedStatements.Select(Describe)],
        result.MissingContextKeys,
        hasBoundary ? new PermissionsBoundaryDecisionDetail(result.AllowedByPermissionsBoundary == true) : null);

    public static MatchedStatementResponse Describe(MatchedStatement statement) => new(
        statement.Source.Id,
        SlotNames[statement.Slot],
        statement.StatementIndex,
        statement.Sid,
        statement.Effect.ToString())
    {
        PolicyArn = statement.Source.PolicyArn,
        VersionId = statement.Source.VersionId,
        PolicyName = statement.Source.PolicyName,
        OwnerName = statement.Source.OwnerName,
        GroupName = statement.Source.GroupName,
    };

    private static IamError? CheckShape(SimulationRequest request, bool callerKnown)
    {
        if (request.PermissionsBoundaryPolicyInputList is { Count: > 1 })
        {
            return IamError.InvalidInput("permissionsBoundaryPolicyInputList takes at most one policy document.");
        }

        if (request.ActionNames.Count == 0)
        {
            return IamError.InvalidInput("actionNames must name at least one action, such as s3:GetObject.");
        }

        if (request.ActionNames.FirstOrDefault(a => !IsActionName(a)) is { } badAction)
        {
            return IamError.InvalidInput(
                $"Action '{badAction}' is not of the form service:Action, such as s3:GetObject.");
        }

        if (request.ResourceArns is { } resources
            && resources.FirstOrDefault(r => string.IsNullOrWhiteSpace(r)) is not null)
        {
            return IamError.InvalidInput("resourceArns must not contain empty strings; use \"*\" for any resource.");
        }

        var pairs = (long)request.ActionNames.Count * (request.ResourceArns?.Count ?? 1);
        if (pairs > MaxEvaluations)
        {
            return IamError.InvalidInput(string.Create(
                CultureInfo.InvariantCulture,
                $"The simulation asks for {pairs} action and resource pairs; at most {MaxEvaluations} are evaluated."));
        }

        return request.ResourcePolicy is not null && !callerKnown && string.IsNullOrEmpty(request.CallerArn)
            ? IamError.InvalidInput(
                "callerArn is required with a resourcePolicy: it is what the Principal is matched against.")
            : null;
    }

    private static bool IsActionName(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < action.Length - 1 && !action.AsSpan().ContainsAny('*', '?');
    }

    private static List<CompiledPolicy> CompileList(
        IReadOnlyList<JsonElement> inputs,
        string field,
        PolicyType type,
        List<PolicyProblemResponse> problems)
    {
        // Ids follow IAM's simulator: the first input of PolicyInputList is "PolicyInputList.1".
        var sourcePrefix = char.ToUpperInvariant(field[0]) + field[1..];
        var compiled = new List<CompiledPolicy>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            var id = string.Create(CultureInfo.InvariantCulture, $"{sourcePrefix}.{i + 1}");
            if (Compile(inputs[i], label, id, type, problems) is { } policy)
            {
                compiled.Add(policy);
            }
        }

        return compiled;
    }

    private static CompiledPolicy? Compile(
        JsonElement input,
        string label,
        string id,
        PolicyType type,
        List<PolicyProblemResponse> problems)
    {
        var text = PolicyDocuments.ReadText(input);
        if (text is null)
        {
            problems.Add(new PolicyProblemResponse(label, "$", "InvalidInput",
                "A policy document must be a JSON object or a string holding one."));
            return null;
        }

        var parsed = PolicyDocuments.Parse(text, type);
        if (!parsed.Succeeded)
        {
            problems.AddRange(PolicyDocuments.Describe(parsed.Errors, label));
            return null;
        }

        var kind = type == PolicyType.ResourceBased ? PolicySourceKind.ResourcePolicy : PolicySourceKind.ManagedPolicy;
        return CompiledPolicy.Compile(parsed.Document, new PolicySource(id, kind));
    }

    private static Result<RequestContext> BuildContext(IReadOnlyList<ContextEntryInput> entries)
    {
        var builder = new RequestContextBuilder();
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.ContextKeyName))
            {
                return IamError.InvalidInput("Every context entry needs a contextKeyName, such as aws:SourceIp.");
            }

            var values = new List<string>(entry.ContextKeyValues.Count);
            foreach (var value in entry.ContextKeyValues)
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                };
                if (text is null)
                {
                    return IamError.InvalidInput(
                        $"Context key '{entry.ContextKeyName}' has a value that is not a string, number or boolean.");
                }

                values.Add(text);
            }

            if (!builder.TryAdd(entry.ContextKeyName, entry.ContextKeyType, values, out var error))
            {
                return IamError.InvalidInput(error);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The simulated caller. Only a resource policy's Principal looks at it; context keys such as aws:username
    /// come from contextEntries alone, as in IAM's simulator.
    /// </summary>
    private static Result<RequestPrincipal> ReadCaller(string? callerArn, string accountId)
    {
        if (string.IsNullOrEmpty(callerArn))
        {
            return new RequestPrincipal($"arn:aws:iam::{accountId}:root", accountId, PrincipalType.Root, accountId);
        }

        return CallerArns.TryRead(callerArn) is { } caller
            ? caller
            : IamError.InvalidInput(
                $"callerArn '{callerArn}' is not the ARN of a user (arn:aws:iam::ACCOUNT:user/NAME), a role " +
                "(arn:aws:iam::ACCOUNT:role/NAME), a role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) " +
                "or an account root (arn:aws:iam::ACCOUNT:root).");
    }

    private static Result<string> ReadOwner(string? owner, string fallback)
    {
        if (string.IsNullOrEmpty(owner))
        {
            return fallback;
        }

        if (CallerArns.IsAccountId(owner))
        {
            return owner;
        }

        const string prefix = "arn:aws:iam::";
        const string suffix = ":root";
        return owner.StartsWith(prefix, StringComparison.Ordinal)
            && owner.EndsWith(suffix, StringComparison.Ordinal)
            && CallerArns.IsAccountId(owner.AsSpan()[prefix.Length..^suffix.Length])
            ? owner[prefix.Length..^suffix.Length]
            : IamError.InvalidInput(
                $"resourceOwner '{owner}' is neither a 12-digit account id nor arn:aws:iam::ACCOUNT:root.");
    }
}
