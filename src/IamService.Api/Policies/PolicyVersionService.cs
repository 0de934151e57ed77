using System.Globalization;
using System.Text.RegularExpressions;
using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Policies;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Policies;

/// <summary>
/// The versions of a managed policy (IAM: "Versioning IAM policies"): at most five, one of them the default,
/// numbered v1, v2, ... without ever reusing a number. Writes hold the policy's row lock, so that two of them
/// cannot both pass the quota check or hand out the same number.
/// </summary>
public sealed partial class PolicyVersionService(
    IamDbContext db,
    AccountIdProvider accounts,
    TimeProvider time,
    IOptions<LimitsOptions> limits,
    ILogger<PolicyVersionService> logger)
{
    private const string VersionIdPattern = "v[1-9][0-9]*";

    public async Task<Result<PolicyVersionListResponse>> ListAsync(

        string policyName,

        CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking().Include(p => p.Versions)
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        var defaultNumber = policy.Value.DefaultVersionNumber;
        return new PolicyVersionListResponse([.. policy.Value.Versions
            .OrderByDescending(v => v.VersionNumber)
            .Select(v => PolicyVersionResponse.Summary(v, defaultNumber))]);
    }

    /// <summary>Adds the next version (IAM CreatePolicyVersion); a sixth version is 409 LimitExceeded.</summary>
    public async Task<Result<PolicyVersionResponse>> CreateAsync(
        string policyName,
        CreatePolicyVersionRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = SubmittedDocument.Validate(
            request.PolicyDocument, "policyDocument", PolicyType.Identity, PolicySizeLimits.Managed);
        if (!document.IsSuccess)
        {
            return document.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await LoadLockedAsync(policyName, cancellationToken);
        if (!locked.IsSuccess)
        {
            return locked.Error;
        }

        var policy = locked.Value;
        var quota = limits.Value.VersionsPerPolicy;
        if (policy.Versions.Count >= quota)
        {
            return IamError.LimitExceeded("VersionsPerPolicy", quota) with
            {
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Cannot exceed quota for VersionsPerPolicy: {quota}. Delete a version of policy " +
                    $"{policy.Name} first."),
            };
        }

        var now = time.GetStoreTime();
        var version = new ManagedPolicyVersion(policy.Id, policy.LatestVersionNumber + 1, document.Value.Text, now);
        policy.Versions.Add(version);
        policy.LatestVersionNumber = version.VersionNumber;
        policy.UpdateDate = now;
        if (request.SetAsDefault)
        {
            policy.DefaultVersionNumber = version.VersionNumber;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.VersionCreated(logger, policy.Name, version.VersionId, request.SetAsDefault);
        return PolicyVersionResponse.Summary(version, policy.DefaultVersionNumber) with
        {
            Warnings = document.Value.Warnings,
        };
    }

    public async Task<Result<PolicyVersionResponse>> GetAsync(
        string policyName,
        string versionId,
        CancellationToken cancellationToken)
    {
        var number = ParseVersionId(versionId, "versionId");
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking()
            .Include(p => p.Versions.Where(v => v.VersionNumber == number.Value))
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        return policy.Value.Versions is [var version]
            ? PolicyVersionResponse.Full(version, policy.Value.DefaultVersionNumber)
            : NoSuchVersion(policy.Value, versionId);
    }

    /// <summary>Deletes a version (IAM DeletePolicyVersion); the default version cannot be deleted.</summary>
    public async Task<Result> DeleteAsync(string policyName, string versionId, CancellationToken cancellationToken)
    {
        var number = ParseVersionId(versionId, "versionId");
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await LoadLockedAsync(policyName, cancellationToken);
        if (!locked.IsSuccess)
        {
            return locked.Error;
        }

        var policy = locked.Value;
        if (policy.Versions.Find(v => v.VersionNumber == number.Value) is not { } version)
        {
            return NoSuchVersion(policy, versionId);
        }

        if (version.VersionNumber == policy.DefaultVersionNumber)
        {
            return new IamError(IamErrorCode.DeleteConflict, StatusCodes.Status409Conflict,
                $"Cannot delete {versionId}, the default version of policy {policy.Name}. Make another version the " +
                "default first, or delete the policy.");
        }

        policy.Versions.Remove(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.VersionDeleted(logger, policy.Name, version.VersionId);
        return Result.Success;
    }

    /// <summary>Puts a version in force (IAM SetDefaultPolicyVersion); the policy's users get it at once.</summary>
    public async Task<Result> SetDefaultAsync(
        string policyName,
        SetDefaultVersionRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = ParseVersionId(request.VersionId, "versionId");
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await LoadLockedAsync(policyName, cancellationToken);
        if (!locked.IsSuccess)
        {
            return locked.Error;
        }

        var policy = locked.Value;
        if (!policy.Versions.Exists(v => v.VersionNumber == number.Value))
        {
            return NoSuchVersion(policy, request.VersionId);
        }

        policy.DefaultVersionNumber = number.Value;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.DefaultVersionSet(logger, policy.Name, request.VersionId);
        return Result.Success;
    }

    /// <summary>The policy with its versions, read after taking its row lock in the current transaction.</summary>
    private async Task<Result<ManagedPolicy>> LoadLockedAsync(string policyName, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        var found = await db.ManagedPolicies.AsNoTracking()
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        if (!await db.ManagedPolicies.LockRowAsync(found.Value.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Policy, policyName);
        }

        return await db.ManagedPolicies.Include(p => p.Versions)
            .SingleAsync(p => p.Id == found.Value.Id, cancellationToken);
    }

    /// <summary>A version id as IAM writes it, <c>v</c> and a number without leading zeros.</summary>
    private static Result<int> ParseVersionId(string versionId, string field)
    {
        var match = VersionIdRegex().Match(versionId);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return IamError.Validation(
            $"Value '{versionId}' at '{field}' failed to satisfy constraint: Member must satisfy regular expression " +
            $"pattern: {VersionIdPattern}");
    }

    private static IamError NoSuchVersion(ManagedPolicy policy, string versionId) =>
        IamError.NoSuchEntity($"Policy {policy.Name} has no version {versionId}.");

    [GeneratedRegex(@"\Av([1-9][0-9]{0,8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionIdRegex();

    private static partial class Log
    {
        [LoggerMessage(2310, LogLevel.Information,
            "Created version {VersionId} of managed policy {PolicyName}; made it the default: {IsDefault}")]
        public static partial void VersionCreated(ILogger logger, string policyName, string versionId, bool isDefault);

        [LoggerMessage(2311, LogLevel.Information, "Deleted version {VersionId} of managed policy {PolicyName}")]
        public static partial void VersionDeleted(ILogger logger, string policyName, string versionId);

        [LoggerMessage(2312, LogLevel.Information,
            "Made {VersionId} the default version of managed policy {PolicyName}")]
        public static partial void DefaultVersionSet(ILogger logger, string policyName, string versionId);
    }
}
