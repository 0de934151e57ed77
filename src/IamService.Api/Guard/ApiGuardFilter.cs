using System.Text.Json;
using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IamService.Api.Guard;

/// <summary>
/// The API guarded by its own engine: before an endpoint runs, its <see cref="IamActionAttribute"/> is decided
/// with the caller's effective policies (identity, group, boundary and session policies) by
/// <see cref="DecisionService.Check(DecisionSubject, string, string, IReadOnlyDictionary{string, JsonElement})"/>.
/// It runs before the model-state check, so a caller who may not call an endpoint learns nothing from its 400s.
/// </summary>
public sealed class ApiGuardFilter(
    CallerGate gate,
    DecisionService decisions,
    ResourceResolver resources,
    AccountIdProvider accounts) : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>Before <c>[ApiController]</c>'s model-state filter (order -2000).</summary>
    public const int FilterOrder = -3000;

    public int Order => FilterOrder;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var metadata = context.ActionDescriptor.EndpointMetadata;
        var mapping = metadata.OfType<IamActionAttribute>().LastOrDefault();
        var open = metadata.OfType<IAllowAnonymous>().Any() || metadata.OfType<AnyCallerAttribute>().Any();
        if (mapping is null && open)
        {
            await next();
            return;
        }

        var denied = await DecideAsync(context, mapping, context.HttpContext.RequestAborted);
        if (denied is not null)
        {
            context.Result = Problem(context, denied);
            return;
        }

        await next();
    }

    private async Task<IamError?> DecideAsync(
        ActionExecutingContext context,
        IamActionAttribute? mapping,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(context.HttpContext, mapping, cancellationToken);
        if (!admitted.IsSuccess)
        {
            return admitted.Error;
        }

        var caller = admitted.Value;
        if (caller.IsRoot || mapping!.Resource == IamResource.DecidedByEndpoint)
        {
            return null;
        }

        var holderKind = HolderKind(context);
        var accountId = await accounts.GetAsync(cancellationToken);
        var resource = await resources.ResolveAsync(
            mapping, holderKind, context, caller.Principal.Arn, accountId, cancellationToken);
        var action = mapping.Action.Replace(
            IamActionAttribute.KindPlaceholder, holderKind?.Title, StringComparison.Ordinal);
        if (mapping.CreateLoginProfileAction is { } create
            && !await resources.HasLoginProfileAsync(context, cancellationToken))
        {
            action = create;
        }

        var denied = decisions.Check(caller, action, resource, RequestFacts.Read(context), out var reason);
        // IAM: the password policy's allowUsersToChangePassword lets users change their own password without a
        // policy (and a password-change token exists to do just that); an explicit deny or a boundary still wins.
        var passwordSelfService = mapping.SetupStep == CredentialSetupStep.ChangePassword
            && reason == DenialReason.NoIdentityPolicyAllows
            && caller.Principal.Type == PrincipalType.User;
        return passwordSelfService ? null : denied;
    }

    private static EntityKind? HolderKind(ActionExecutingContext context)
    {
        var type = (context.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo;
        var title = type?.GetCustomAttributes(typeof(IamHolderKindAttribute), inherit: false)
            .OfType<IamHolderKindAttribute>().FirstOrDefault()?.Kind;
        return title is null ? null : EntityKind.All.First(k => k.Title == title);
    }

    private static ObjectResult Problem(ActionExecutingContext context, IamError error)
    {
        if (context.Controller is IamControllerBase controller)
        {
            return controller.Problem(error);
        }

        throw new InvalidOperationException(
            $"{context.Controller.GetType().Name} is guarded but is not an {nameof(IamControllerBase)}.");
    }
}

/// <summary>
/// The request facts the guard adds to the policy engine's context, which only the HTTP request knows:
/// aws:SourceIp, aws:SecureTransport, and the tags a request sends (aws:RequestTag/KEY, aws:TagKeys).
/// </summary>
internal static class RequestFacts
{
    public static Dictionary<string, JsonElement> Read(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var facts = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:SecureTransport"] = JsonSerializer.SerializeToElement(request.IsHttps),
        };
        if (context.HttpContext.Connection.RemoteIpAddress is { } ip)
        {
            var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
            facts["aws:SourceIp"] = JsonSerializer.SerializeToElement(address.ToString());
        }

        var tags = context.ActionArguments.Values.OfType<ITaggingRequest>().FirstOrDefault()?.Tags;
        if (tags is not null)
        {
            foreach (var tag in tags.Where(t => t is not null))
            {
                facts["aws:RequestTag/" + tag.Key] = JsonSerializer.SerializeToElement(tag.Value);
            }

            facts["aws:TagKeys"] = JsonSerializer.SerializeToElement(tags.Where(t => t is not null).Select(t => t.Key));
        }
        else if (context.ActionArguments.TryGetValue("tagKeys", out var keys) && keys is string[] untagged)
        {
            facts["aws:TagKeys"] = JsonSerializer.SerializeToElement(untagged);
        }

        return facts;
    }
}
