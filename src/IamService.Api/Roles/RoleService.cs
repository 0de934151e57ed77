using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Policies;
using IamService.Data;
using IamService.Data.Roles;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Roles;

/// <summary>Roles: their lifecycle and their trust policy. Every write is one transaction.</summary>
public sealed partial class RoleService(
    IamDbContext db,
    AccountIdProvider accounts,
    SessionRevoker sessions,
    TimeProvider time,
    ILogger<RoleService> logger)
{
    private const string DescriptionPattern = @"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*";

    public async Task<Result<RoleListResponse>> ListAsync(
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker, pathPrefix);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking().WithPathPrefix(pathPrefix).ToPageAsync(page.Value, cancellationToken);

        return new RoleListResponse
        {
            Roles = [.. roles.Items.Select(r => RoleResponse.Summary(r, accountId))],
            IsTruncated = roles.IsTruncated,
            Marker = roles.Marker,
        };
    }

    /// <summary>Creates a role (IAM CreateRole); its trust policy must name a Principal.</summary>
    public async Task<Result<RoleResponse>> CreateAsync(CreateRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path ?? "/";
        var invalid = InputRules.CheckName(EntityKind.Role, request.RoleName)
            ?? InputRules.CheckPath(path)
            ?? CheckDescription(request.Description)
            ?? CheckMaxSessionDuration(request.MaxSessionDuration)
            ?? InputRules.CheckTags(request.Tags);
        if (invalid is not null)
        {
            return invalid;
        }

        var trust = ValidateTrustPolicy(request.AssumeRolePolicyDocument, "assumeRolePolicyDocument");
        if (!trust.IsSuccess)
        {
            return trust.Error;
        }

        var role = new Role(IamIds.New(EntityKind.Role), request.RoleName, path, time.GetStoreTime(), trust.Value.Text)
        {
            Description = request.Description,
            MaxSessionDuration = request.MaxSessionDuration ?? Role.MinSessionDurationSeconds,
        };
        // Limitation: a role's tags are set at creation only; roles have no tag endpoints yet.
        role.Tags.AddRange(request.Tags?.Select(t => new RoleTag(role.Id, t.Key, t.Value)) ?? []);

        var accountId = await accounts.GetAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.PermissionsBoundary is { } boundaryArn)
        {
            var boundary = await db.ManagedPolicies.FindByArnAsync(accountId, boundaryArn, cancellationToken);
            // The policy's row lock keeps it from being deleted before this role refers to it.
            if (!boundary.IsSuccess || !await db.ManagedPolicies.LockRowAsync(boundary.Value.Id, cancellationToken))
            {
                return boundary.Error ?? IamError.NoSuchPolicy(boundaryArn);
            }

            role.PermissionsBoundary = boundary.Value;
        }

        if (await db.Roles.NameExistsAsync(role.Name, cancellationToken))
        {
            return IamError.EntityAlreadyExists(EntityKind.Role, role.Name);
        }

        db.Roles.Add(role);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent request created the same name between the check and the insert.
            return IamError.EntityAlreadyExists(EntityKind.Role, role.Name);
        }

        Log.RoleCreated(logger, role.Name, role.Id);
        return RoleResponse.Full(role, accountId) with { Warnings = trust.Value.Warnings };
    }

    public async Task<Result<RoleResponse>> GetAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking()
            .Include(r => r.Tags)
            .Include(r => r.PermissionsBoundary)
            .FindByNameAsync(EntityKind.Role, roleName, cancellationToken);
        if (!role.IsSuccess)
        {
            return role.Error;
        }

        return RoleResponse.Full(role.Value, await accounts.GetAsync(cancellationToken));
    }

    /// <summary>Changes a role's description or longest session (IAM UpdateRole).</summary>
    public async Task<Result<RoleResponse>> UpdateAsync(
        string roleName,
        UpdateRoleRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((CheckDescription(request.Description)
            ?? CheckMaxSessionDuration(request.MaxSessionDuration)) is { } invalid)
        {
            return invalid;
        }

        var found = await LoadForUpdateAsync(roleName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var role = found.Value;
        if (request.Description is { } description)
        {
            role.Description = description.Length == 0 ? null : description;
        }

        role.MaxSessionDuration = request.MaxSessionDuration ?? role.MaxSessionDuration;
        await db.SaveChangesAsync(cancellationToken);

        Log.RoleUpdated(logger, role.Name, role.MaxSessionDuration);
        return RoleResponse.Full(role, await accounts.GetAsync(cancellationToken));
    }

    /// <summary>Replaces a role's trust policy (IAM UpdateAssumeRolePolicy).</summary>
    public async Task<Result<RoleResponse>> UpdateTrustPolicyAsync(
        string roleName,
        UpdateTrustPolicyRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trust = ValidateTrustPolicy(request.PolicyDocument, "policyDocument");
        if (!trust.IsSuccess)
        {
            return trust.Error;
        }

        var found = await LoadForUpdateAsync(roleName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var role = found.Value;
        role.AssumeRolePolicyDocument = trust.Value.Text;
        await db.SaveChangesAsync(cancellationToken);

        Log.TrustPolicyUpdated(logger, role.Name);
        return RoleResponse.Full(role, await accounts.GetAsync(cancellationToken)) with
        {
            Warnings = trust.Value.Warnings,
        };
    }

    /// <summary>
    /// Deletes a role (IAM DeleteRole). Without <paramref name="force"/> it refuses (DeleteConflict) while the
    /// role has attached or inline policies, listing them; with it they go in the same transaction (the schema
    /// cascades them with the role row). The managed policies themselves stay, and a permissions boundary
    /// blocks nothing, as in IAM. The row lock keeps a concurrent attach from slipping in between. Every
    /// session of the role is revoked in the same transaction.
    /// </summary>
    public async Task<Result> DeleteAsync(string roleName, bool force, CancellationToken cancellationToken)
    {
        var found = await db.Roles.AsNoTracking().FindByNameAsync(EntityKind.Role, roleName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var role = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Roles.LockRowAsync(role.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Role, roleName);
        }

        var attached = await db.RolePolicyAttachments.Where(a => a.RoleId == role.Id)
            .Select(a => a.Policy!).OrderBy(p => p.NormalizedName).Select(p => p.Name).ToListAsync(cancellationToken);
        var inline = await db.RoleInlinePolicies.Where(p => p.RoleId == role.Id)
            .OrderBy(p => p.NormalizedName).Select(p => p.Name).ToListAsync(cancellationToken);
        // Limitation: instance profiles do not exist yet, so they block nothing.
        var blockers = new DeleteBlockers()
            .Add("attachedPolicies", "attached policies", attached)
            .Add("inlinePolicies", "inline policies", inline);
        if (!force && !blockers.IsEmpty)
        {
            return blockers.ToConflict(EntityKind.Role, role.Name);
        }

        await db.Roles.Where(r => r.Id == role.Id).ExecuteDeleteAsync(cancellationToken);
        // A session of a deleted role has nothing left to act as, so it ends with the role.
        var revoked = await sessions.RevokePrincipalAsync(role.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.RoleDeleted(logger, role.Name, role.Id, !blockers.IsEmpty, revoked);
        return Result.Success;
    }

    private Task<Result<Role>> LoadForUpdateAsync(string roleName, CancellationToken cancellationToken) =>
        db.Roles
            .Include(r => r.Tags)
            .Include(r => r.PermissionsBoundary)
            .FindByNameAsync(EntityKind.Role, roleName, cancellationToken);

    /// <summary>A trust policy is a resource-based policy on the role: it must name who may assume it.</summary>
    private static Result<SubmittedDocument> ValidateTrustPolicy(JsonElement document, string field) =>
        SubmittedDocument.Validate(document, field, PolicyType.Trust, SubmittedDocument.TrustPolicyMaxCharacters);

    /// <summary>IAM's role Description: at most 1,000 characters from tab, line breaks, Latin-1 printables.</summary>
    private static IamError? CheckDescription(string? description)
    {
        if (description is null)
        {
            return null;
        }

        if (description.Length > Role.MaxDescriptionLength)
        {
            return IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at 'description' failed to satisfy constraint: " +
                $"Member must have length less than or equal to {Role.MaxDescriptionLength}"));
        }

        return DescriptionRegex().IsMatch(description)
            ? null
            : IamError.Validation(
                "Value at 'description' failed to satisfy constraint: " +
                $"Member must satisfy regular expression pattern: {DescriptionPattern}");
    }

    private static IamError? CheckMaxSessionDuration(int? seconds) => seconds switch
    {
        < Role.MinSessionDurationSeconds =>
            SessionDurationError(seconds.Value, "greater", Role.MinSessionDurationSeconds),
        > Role.MaxSessionDurationSeconds => SessionDurationError(seconds.Value, "less", Role.MaxSessionDurationSeconds),
        _ => null,
    };

    private static IamError SessionDurationError(int seconds, string comparison, int bound) =>
        IamError.Validation(string.Create(CultureInfo.InvariantCulture,
            $"Value '{seconds}' at 'maxSessionDuration' failed to satisfy constraint: " +
            $"Member must have value {comparison} than or equal to {bound}"));

    [GeneratedRegex(@"\A[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionRegex();

    private static partial class Log
    {
        [LoggerMessage(2200, LogLevel.Information, "Created role {RoleName} ({RoleId})")]
        public static partial void RoleCreated(ILogger logger, string roleName, string roleId);

        [LoggerMessage(2201, LogLevel.Information,
            "Updated role {RoleName}; its longest session is {MaxSessionDuration} s")]
        public static partial void RoleUpdated(ILogger logger, string roleName, int maxSessionDuration);

        [LoggerMessage(2202, LogLevel.Information, "Replaced the trust policy of role {RoleName}")]
        public static partial void TrustPolicyUpdated(ILogger logger, string roleName);

        [LoggerMessage(2203, LogLevel.Information,
            "Deleted role {RoleName} ({RoleId}); forced removal of its policies: {Forced}; "
            + "sessions revoked: {RevokedSessions}")]
        public static partial void RoleDeleted(
            ILogger logger,
            string roleName,
            string roleId,
            bool forced,
            int revokedSessions);
    }
}
