using System.Globalization;
using IamService.Api.Common;
using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Policy = IamService.Data.Credentials.PasswordPolicy;

namespace IamService.Api.PasswordPolicy;

/// <summary>The account password policy: one row, or none when the account has not set one.</summary>
public sealed class PasswordPolicyService(IamDbContext db, AccountIdProvider accounts)
{
    // IAM UpdateAccountPasswordPolicy's ranges and the default it applies to an omitted length.
    private const int MinLength = 6;
    private const int MaxLength = 128;
    private const int MaxAgeDays = 1095;
    private const int MaxReusePrevention = 24;

    public async Task<Result<PasswordPolicyResponse>> GetAsync(CancellationToken cancellationToken)
    {
        var policy = await db.PasswordPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return policy is null ? await NoPolicyAsync(cancellationToken) : PasswordPolicyResponse.From(policy);
    }

    public async Task<Result<PasswordPolicyResponse>> PutAsync(
        PasswordPolicyRequest request,
        CancellationToken cancellationToken)
    {
        var invalid = CheckRange(request.MinimumPasswordLength, "minimumPasswordLength", MinLength, MaxLength)
            ?? CheckRange(request.MaxPasswordAge, "maxPasswordAge", 1, MaxAgeDays)
            ?? CheckRange(request.PasswordReusePrevention, "passwordReusePrevention", 1, MaxReusePrevention);
        if (invalid is not null)
        {
            return invalid;
        }

        var policy = await db.PasswordPolicies.SingleOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new Policy();
            db.PasswordPolicies.Add(policy);
        }

        policy.MinimumPasswordLength = request.MinimumPasswordLength ?? MinLength;
        policy.RequireSymbols = request.RequireSymbols;
        policy.RequireNumbers = request.RequireNumbers;
        policy.RequireUppercaseCharacters = request.RequireUppercaseCharacters;
        policy.RequireLowercaseCharacters = request.RequireLowercaseCharacters;
        policy.AllowUsersToChangePassword = request.AllowUsersToChangePassword;
        policy.MaxPasswordAge = request.MaxPasswordAge;
        policy.PasswordReusePrevention = request.PasswordReusePrevention;
        policy.HardExpiry = request.HardExpiry;
        await db.SaveChangesAsync(cancellationToken);

        return PasswordPolicyResponse.From(policy);
    }

    /// <summary>Removes the policy; IAM's default rules apply again.</summary>
    public async Task<Result> DeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await db.PasswordPolicies.ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? (await NoPolicyAsync(cancellationToken)) : Result.Success;
    }

    private async Task<IamError> NoPolicyAsync(CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        return IamError.NoSuchEntity($"The Password Policy with domain name {accountId} cannot be found.");
    }

    private static IamError? CheckRange(int? value, string field, int min, int max) => value switch
    {
        null => null,
        _ when value < min => Outside(value.Value, field, "greater than or equal to", min),
        _ when value > max => Outside(value.Value, field, "less than or equal to", max),
        _ => null,
    };

    private static IamError Outside(int value, string field, string comparison, int bound) =>
        IamError.Validation(string.Create(CultureInfo.InvariantCulture,
            $"Value '{value}' at '{field}' failed to satisfy constraint: Member must have value {comparison} {bound}"));
}
