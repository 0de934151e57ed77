using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Auth;

/// <summary>A principal whose password was just verified.</summary>
public sealed record VerifiedPrincipal(string PrincipalId, string PrincipalArn, string UserName, bool IsRoot);

/// <summary>
/// Checks a user name and password: root signs in as <c>root</c>, users with their login profile. Unknown
/// names cost one hash verification too and get the same answer as a wrong password, so neither the answer
/// nor its timing tells which names exist.
/// </summary>
public sealed class PasswordSignIn(
    IamDbContext db,
    IPasswordHasher<RootUser> rootHasher,
    IPasswordHasher<LoginProfile> profileHasher,
    AccountIdProvider accounts)
{
    public const string RootUserName = "root";

    /// <summary>A hash of a random password, verified against when the name is unknown.</summary>
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<LoginProfile>().HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static IamError Failed { get; } = new(
        IamErrorCode.NotAuthenticated, StatusCodes.Status401Unauthorized,
        "The user name or password is incorrect.");

    public async Task<Result<VerifiedPrincipal>> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        if (string.Equals(userName, RootUserName, StringComparison.Ordinal))
        {
            var root = await db.RootUsers.AsNoTracking().SingleAsync(cancellationToken);
            return Verify(rootHasher, root, root.PasswordHash, password)
                ? new VerifiedPrincipal(accountId, $"arn:aws:iam::{accountId}:root", RootUserName, IsRoot: true)
                : Failed;
        }

        var normalized = User.NormalizeName(userName);
        var found = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedName == normalized)
            .Join(db.LoginProfiles, u => u.Id, p => p.UserId, (u, p) => new { User = u, Profile = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            Verify(profileHasher, null!, DecoyHash.Value, password);
            return Failed;
        }

        return Verify(profileHasher, found.Profile, found.Profile.PasswordHash, password)
            ? new VerifiedPrincipal(
                found.User.Id,
                IamArn.Format(accountId, EntityKind.User, found.User.Path, found.User.Name),
                found.User.Name,
                IsRoot: false)
            : Failed;
    }

    private static bool Verify<T>(IPasswordHasher<T> hasher, T owner, string hash, string password)
        where T : class =>
        hasher.VerifyHashedPassword(owner, hash, password) != PasswordVerificationResult.Failed;
}
