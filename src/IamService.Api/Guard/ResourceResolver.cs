using IamService.Api.Common;
using IamService.Api.Simulator;
using IamService.Data;
using IamService.Data.Common;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Guard;

/// <summary>
/// Turns an endpoint's route, query and body into the ARN of the resource it acts on, as IAM names it (IAM:
/// "Resource types defined by AWS Identity and Access Management"). An entity named in the route is looked up
/// for its path, so that path-scoped policies such as <c>user/division/*</c> match it; an entity that does
/// not exist gets the path <c>/</c>, so a denied caller learns nothing about what exists.
/// </summary>
public sealed class ResourceResolver(IamDbContext db)
{
    public const string AnyResource = "*";

    public async Task<string> ResolveAsync(
        IamActionAttribute mapping,
        EntityKind? holderKind,
        ActionExecutingContext context,
        string callerArn,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(context);
        string? Route(string key) => context.RouteData.Values[key]?.ToString();

        return mapping.Resource switch
        {
            IamResource.Any or IamResource.DecidedByEndpoint => AnyResource,
            IamResource.Caller => callerArn,
            IamResource.User =>
                await NamedAsync(db.Users, EntityKind.User, Route("userName"), accountId, cancellationToken),
            IamResource.Group =>
                await NamedAsync(db.Groups, EntityKind.Group, Route("groupName"), accountId, cancellationToken),
            IamResource.Role =>
                await NamedAsync(db.Roles, EntityKind.Role, Route("roleName"), accountId, cancellationToken),
            IamResource.Policy => await PolicyAsync(Route("policyName"), accountId, cancellationToken),
            IamResource.Holder => await HolderAsync(holderKind, Route("name"), accountId, cancellationToken),
            IamResource.NewUser => New(EntityKind.User, context, accountId),
            IamResource.NewGroup => New(EntityKind.Group, context, accountId),
            IamResource.NewRole => New(EntityKind.Role, context, accountId),
            IamResource.NewPolicy => New(EntityKind.Policy, context, accountId),
            IamResource.Users => List(EntityKind.User, context, accountId),
            IamResource.Groups => List(EntityKind.Group, context, accountId),
            IamResource.Roles => List(EntityKind.Role, context, accountId),
            IamResource.Policies => List(EntityKind.Policy, context, accountId),
            // Limitation: as in IAM, a create is checked on the device's ARN only, not on the user it is for.
            IamResource.NewMfaDevice => $"arn:aws:iam::{accountId}:mfa/{NewEntity(context)?.NewEntityName}",
            IamResource.PolicySource =>
                Argument<SimulatePrincipalPolicyRequest>(context)?.PolicySourceArn ?? AnyResource,
            IamResource.AccessKeyOwner => await KeyOwnerAsync(Route("accessKeyId"), accountId, cancellationToken),
            _ => throw new InvalidOperationException($"Resource kind {mapping.Resource} has no resolver."),
        };
    }

    /// <summary>Whether the user named in the route has a password already (update) or not (create).</summary>
    public async Task<bool> HasLoginProfileAsync(ActionExecutingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var normalized = IamEntity.NormalizeName(context.RouteData.Values["userName"]?.ToString() ?? "");
        return await db.Users.AsNoTracking().Where(u => u.NormalizedName == normalized)
            .Join(db.LoginProfiles, u => u.Id, p => p.UserId, (u, _) => u.Id)
            .AnyAsync(cancellationToken);
    }

    private Task<string> HolderAsync(
        EntityKind? kind,
        string? name,
        string accountId,
        CancellationToken cancellationToken)
    {
        if (kind == EntityKind.User)
        {
            return NamedAsync(db.Users, kind, name, accountId, cancellationToken);
        }

        return kind == EntityKind.Group
            ? NamedAsync(db.Groups, kind, name, accountId, cancellationToken)
            : kind == EntityKind.Role
                ? NamedAsync(db.Roles, kind, name, accountId, cancellationToken)
                : throw new InvalidOperationException("A policies controller names no holder kind.");
    }

    private static async Task<string> NamedAsync<T>(
        IQueryable<T> entities,
        EntityKind kind,
        string? name,
        string accountId,
        CancellationToken cancellationToken)
        where T : IamEntity
    {
        if (string.IsNullOrEmpty(name))
        {
            return IamArn.Format(accountId, kind, "/", "");
        }

        var normalized = IamEntity.NormalizeName(name);
        var stored = await entities.AsNoTracking().Where(e => e.NormalizedName == normalized)
            .Select(e => new { e.Name, e.Path }).FirstOrDefaultAsync(cancellationToken);
        return IamArn.Format(accountId, kind, stored?.Path ?? "/", stored?.Name ?? name);
    }

    /// <summary>A managed policy is named in the route by its name or by its ARN, which is taken as it is.</summary>
    private Task<string> PolicyAsync(string? nameOrArn, string accountId, CancellationToken cancellationToken) =>
        IamArn.TryParse(nameOrArn, out var arn) && arn.Kind == EntityKind.Policy
            ? Task.FromResult(arn.ToString())
            : NamedAsync(db.ManagedPolicies, EntityKind.Policy, nameOrArn, accountId, cancellationToken);

    /// <summary>
    /// The entity a create would make. A body that could not be read names none: the resource is then the
    /// kind's root, which only policies granting the whole kind match, and the model's 400 follows.
    /// </summary>
    private static string New(EntityKind kind, ActionExecutingContext context, string accountId) =>
        NewEntity(context) is { } request
            ? IamArn.Format(accountId, kind, request.NewEntityPath ?? "/", request.NewEntityName)
            : IamArn.Format(accountId, kind, "/", "");

    /// <summary>
    /// IAM's list actions take the kind's ARN with the path prefix, e.g. <c>arn:aws:iam::ACCOUNT:user/division/</c>,
    /// so <c>user/division/*</c> lets a caller list that division only.
    /// </summary>
    private static string List(EntityKind kind, ActionExecutingContext context, string accountId)
    {
        var prefix = context.HttpContext.Request.Query["pathPrefix"].ToString();
        return IamArn.Format(accountId, kind, prefix.StartsWith('/') ? prefix : "/", "");
    }

    private async Task<string> KeyOwnerAsync(string? accessKeyId, string accountId, CancellationToken cancellationToken)
    {
        var owner = accessKeyId is null
            ? null
            : await db.AccessKeys.AsNoTracking().Where(k => k.AccessKeyId == accessKeyId)
                .Join(db.Users, k => k.UserId, u => u.Id, (_, u) => new { u.Name, u.Path })
                .FirstOrDefaultAsync(cancellationToken);
        return IamArn.Format(accountId, EntityKind.User, owner?.Path ?? "/", owner?.Name ?? "");
    }

    private static INewEntityRequest? NewEntity(ActionExecutingContext context) => Argument<INewEntityRequest>(context);

    private static T? Argument<T>(ActionExecutingContext context) where T : class =>
        context.ActionArguments.Values.OfType<T>().FirstOrDefault();
}
