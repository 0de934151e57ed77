using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Api.Simulator;
using IamService.Policies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace IamService.Api.Decisions;

/// <summary>
/// Answers "may this principal do this action on this resource?" for other services, with the principal's
/// cached effective policies, after checking that the asking service may ask (<c>iam:Authorize</c>).
/// </summary>
public sealed class DecisionService(
    PrincipalDirectory principals,
    SessionDirectory sessions,
    IOptionsMonitor<JwtBearerOptions> bearer,
    VerifiedTokenCache tokens,
    TimeProvider time)
{
    /// <summary>IamService's own action: permission to ask for decisions about a principal (the resource).</summary>
    public const string AuthorizeAction = "iam:Authorize";

    private static readonly Dictionary<string, JsonElement> NoContext = [];

    /// <summary>The subject of a caller's own token, for checking what the caller itself may do.</summary>
    public async Task<DecisionSubject?> FindCallerAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var session = await sessions.FindAsync(caller.SessionId, cancellationToken);
        return session is null || !session.IsLive(time.GetUtcNow())
            ? null
            : await principals.FindBySessionAsync(session, cancellationToken);
    }

    public async ValueTask<Result<AuthorizeResponse>> DecideAsync(
        AuthorizeRequest request,
        DecisionSubject caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (CheckShape(request) is { } invalid)
        {
            return invalid;
        }

        var given = ReadContext(request.Context);
        if (!given.IsSuccess)
        {
            return given.Error;
        }

        var subject = await FindSubjectAsync(request, cancellationToken);
        if (!subject.IsSuccess)
        {
            return subject.Error;
        }

        var permitted = Check(caller, AuthorizeAction, subject.Value.Principal.Arn, NoContext);
        if (permitted is not null)
        {
            return permitted;
        }

        var resourcePolicy = ReadResourcePolicy(request, subject.Value.Principal.AccountId);
        if (!resourcePolicy.IsSuccess)
        {
            return resourcePolicy.Error;
        }

        var context = AddKnownKeys(given.Value, subject.Value);

        if (subject.Value.IsRoot)
        {
            // Limitation: root is allowed everything, so a resource policy's explicit deny is not applied to root.
            return new AuthorizeResponse("allowed", [], []);
        }

        var set = subject.Value.Policies!.With(subject.Value.SessionPolicies, resourcePolicy.Value);
        // Limitation: explaining visits every candidate statement; on a loaded host batches fall below 200,000/s.
        var result = PolicyEvaluator.Evaluate(
            new AccessRequest(subject.Value.Principal, request.Action, request.Resource, context), set);
        var matched = new MatchedStatementResponse[result.MatchedStatements.Count];
        for (var i = 0; i < matched.Length; i++)
        {
            matched[i] = StatementAnswers.Describe(result.MatchedStatements[i]);
        }

        return new AuthorizeResponse(PolicySimulator.DecisionName(result.Decision), matched, result.MissingContextKeys);
    }

    /// <summary>
    /// Whether a caller may perform an action on a resource; null when it may, else a 403 problem that names
    /// the action, the resource and the kind of reason, as IAM's messages do, never a policy's text.
    /// </summary>
    public IamError? Check(
        DecisionSubject caller,
        string action,
        string resource,
        IReadOnlyDictionary<string, JsonElement> extraContext) =>
        Check(caller, action, resource, extraContext, out _);

    /// <summary>As <see cref="Check(DecisionSubject, string, string, IReadOnlyDictionary{string, JsonElement})"/>,
    /// also giving the kind of reason of a denial (<see cref="DenialReason.None"/> when allowed).</summary>
    public IamError? Check(
        DecisionSubject caller,
        string action,
        string resource,
        IReadOnlyDictionary<string, JsonElement> extraContext,
        out DenialReason reason)
    {
        ArgumentNullException.ThrowIfNull(caller);
        reason = DenialReason.None;
        if (caller.IsRoot)
        {
            return null;
        }

        var given = ReadContext(extraContext);
        if (!given.IsSuccess)
        {
            reason = DenialReason.EvaluationError;
            return given.Error;
        }

        var set = caller.Policies!.With(caller.SessionPolicies, resourcePolicy: null);
        var context = AddKnownKeys(given.Value, caller);
        var request = new AccessRequest(caller.Principal, action, resource, context);
        if (PolicyEvaluator.Decide(in request, set) == PolicyDecision.Allowed)
        {
            return null;
        }

        // Only a refusal needs the explaining evaluation, for the kind of reason it names.
        reason = PolicyEvaluator.Evaluate(in request, set).Reason;
        return AccessDenied(caller.Principal.Arn, action, resource, reason);
    }

    public static IamError AccessDenied(string principalArn, string action, string resource, DenialReason reason)
    {
        var why = reason switch
        {
            DenialReason.ExplicitDenyInIdentityPolicy => "with an explicit deny in an identity-based policy",
            DenialReason.ExplicitDenyInPermissionsBoundary => "with an explicit deny in a permissions boundary",
            DenialReason.ExplicitDenyInSessionPolicy => "with an explicit deny in a session policy",
            DenialReason.ExplicitDenyInResourcePolicy => "with an explicit deny in a resource-based policy",
            DenialReason.PermissionsBoundaryDoesNotAllow =>
                $"because no permissions boundary allows the {action} action",
            DenialReason.SessionPolicyDoesNotAllow => $"because no session policy allows the {action} action",
            DenialReason.NoResourcePolicyAllows => $"because no resource-based policy allows the {action} action",
            DenialReason.EvaluationError => "because a condition could not be evaluated with the request's values",
            _ => $"because no identity-based policy allows the {action} action",
        };
        return new IamError(
            IamErrorCode.AccessDenied,
            StatusCodes.Status403Forbidden,
            $"User: {principalArn} is not authorized to perform: {action} on resource: {resource} {why}.");
    }

    private async ValueTask<Result<DecisionSubject>> FindSubjectAsync(
        AuthorizeRequest request,
        CancellationToken cancellationToken)
    {
        if ((request.PrincipalArn is null) == (request.SubjectToken is null))
        {
            return IamError.InvalidInput("Pass exactly one of principalArn and subjectToken.");
        }

        if (request.PrincipalArn is { } arn)
        {
            return await principals.FindByArnAsync(arn, cancellationToken) is { } found
                ? found
                : IamError.NoSuchEntity(
                    $"The principal {arn} cannot be found: name a user, a role or root of this account.");
        }

        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        // The same remembered verification as a bearer token: a service asking about one end user's token many
        // times pays its signature check once.
        var validated = await tokens.ValidateTokenAsync(request.SubjectToken!, parameters);
        var identity = validated.IsValid ? CallerIdentity.From(new ClaimsPrincipal(validated.ClaimsIdentity)) : null;
        var session = identity is null ? null : await sessions.FindAsync(identity.SessionId, cancellationToken);
        if (session is null || !session.IsLive(time.GetUtcNow()))
        {
            return IamError.InvalidInput(
                "subjectToken is not a valid, live access token of this service: it may have expired or been revoked.");
        }

        return await principals.FindBySessionAsync(session, cancellationToken) is { } subject
            ? subject
            : IamError.NoSuchEntity("The principal of subjectToken no longer exists.");
    }

    /// <summary>The lengths <see cref="AuthorizeRequest"/> documents, checked for single and batch alike.</summary>
    private static IamError? CheckShape(AuthorizeRequest request) =>
        request.Action is not { Length: >= 3 and <= 128 }
            ? IamError.InvalidInput("action must be an action name of 3 to 128 characters, such as s3:GetObject.")
            : request.Resource is not { Length: >= 1 and <= 2048 }
                ? IamError.InvalidInput("resource must be an ARN or * of 1 to 2048 characters.")
                : null;

    /// <summary>The request's own context keys, each read as a typed value.</summary>
    private static Result<RequestContextBuilder> ReadContext(IReadOnlyDictionary<string, JsonElement>? given)
    {
        var builder = new RequestContextBuilder();
        foreach (var (key, value) in given ?? NoContext)
        {
            var read = ContextValues.Read(key, value);
            if (!read.IsSuccess)
            {
                return read.Error;
            }

            if (!builder.TryAdd(key, read.Value.Type, read.Value.Values, out var error))
            {
                return IamError.InvalidInput(error);
            }
        }

        return builder;
    }

    /// <summary>
    /// Adds what the service knows, which wins over the request's keys of the same name: principal keys, MFA
    /// and token facts of the session, and the time. A caller cannot claim MFA for someone else's token.
    /// </summary>
    private RequestContext AddKnownKeys(RequestContextBuilder builder, DecisionSubject subject)
    {
        var now = time.GetUtcNow();
        builder.AddPrincipalKeys(subject.Principal);
        builder.AddCurrentTime(now);
        if (subject.Session is { } session)
        {
            builder.AddBoolean("aws:MultiFactorAuthPresent", session.MfaAuthTime is not null);
            if (session.MfaAuthTime is { } mfaTime)
            {
                builder.AddNumber("aws:MultiFactorAuthAge", Math.Max(0, (long)(now - mfaTime).TotalSeconds));
            }

            builder.AddDate("aws:TokenIssueTime", session.CreatedAt);
        }

        return builder.Build();
    }

    private static Result<ResourceBasedPolicy?> ReadResourcePolicy(AuthorizeRequest request, string accountId)
    {
        if (request.ResourcePolicy is not { } input || input.ValueKind == JsonValueKind.Null)
        {
            return (ResourceBasedPolicy?)null;
        }

        var text = PolicyDocuments.ReadText(input);
        if (text is null)
        {
            return IamError.InvalidInput(
                "resourcePolicy must be a policy document: a JSON object or a string holding one.");
        }

        var parsed = PolicyDocuments.Parse(text, PolicyType.ResourceBased, maxCharacters: null);
        if (parsed.Document is not { } document)
        {
            return PolicyDocuments.Malformed([.. PolicyDocuments.Describe(parsed.Errors, "resourcePolicy")]);
        }

        var owner = request.ResourceOwner ?? accountId;
        if (!CallerArns.IsAccountId(owner))
        {
            return IamError.InvalidInput("resourceOwner must be a 12-digit account id.");
        }

        var source = new PolicySource("ResourcePolicy", PolicySourceKind.ResourcePolicy);
        var compiled = CompiledPolicy.Compile(document, source);
        return new ResourceBasedPolicy(compiled, owner);
    }
}

/// <summary>Reads the JSON values of a decision request's context into typed condition values.</summary>
internal static class ContextValues
{
    public static Result<(ContextKeyType Type, IReadOnlyList<string> Values)> Read(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Scalar(key, value) is { } one
                ? (one.Type, [one.Text])
                : Bad(key);
        }

        var items = value.EnumerateArray().Select(v => Scalar(key, v)).ToList();
        if (items.Count == 0)
        {
            return (ContextKeyType.StringList, []);
        }

        if (items.Any(i => i is null) || items.Select(i => i!.Value.Type).Distinct().Count() != 1)
        {
            return Bad(key);
        }

        var type = items[0]!.Value.Type switch
        {
            ContextKeyType.Numeric => ContextKeyType.NumericList,
            ContextKeyType.Boolean => ContextKeyType.BooleanList,
            _ => ContextKeyType.StringList,
        };
        return (type, [.. items.Select(i => i!.Value.Text)]);
    }

    private static (ContextKeyType Type, string Text)? Scalar(string key, JsonElement value) => value.ValueKind switch
    {
        // Text is read in every form an operator may need (IP, date, ARN); the type only says it is one value.
        JsonValueKind.String => (ContextKeyType.String, value.GetString()!),
        JsonValueKind.Number => (ContextKeyType.Numeric, value.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        JsonValueKind.True => (ContextKeyType.Boolean, "true"),
        JsonValueKind.False => (ContextKeyType.Boolean, "false"),
        _ => null,
    };

    private static IamError Bad(string key) => IamError.InvalidInput(
        $"Context key '{key}' must have a string, number or boolean value, or a list of values of one of those kinds.");
}
