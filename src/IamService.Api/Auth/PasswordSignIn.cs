using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Auth;

/// <summary>A principal whose password was just verified; <see cref="Profile"/> is null for root.</summary>
public sealed record VerifiedPrincipal(
    string PrincipalId,
    string PrincipalArn,
    string UserName,
    bool IsRoot,
    LoginProfile? Profile = null);

/// <summary>
/// What a password check found: the principal the name belongs to (null for a name that signs in to nobody),
/// and the verified principal when the password was right.
/// </summary>
public sealed record PasswordCheck(string? PrincipalId, VerifiedPrincipal? Verified);

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

    public async Task<PasswordCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var accountId = await accounts.GetAsync(cancellationToken);
        if (string.Equals(userName, RootUserName, StringComparison.Ordinal))
        {
            var root = await db.RootUsers.AsNoTracking().SingleAsync(cancellationToken);
            var rootArn = $"arn:aws:iam::{accountId}:root";
            return new PasswordCheck(accountId, Verify(rootHasher, root, root.PasswordHash, password)
                ? new VerifiedPrincipal(accountId, rootArn, RootUserName, IsRoot: true)
                : null);
        }

        var normalized = User.NormalizeName(userName);
        var found = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedName == normalized)
            .Join(db.LoginProfiles, u => u.Id, p => p.UserId, (u, p) => new { User = u, Profile = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            Verify(profileHasher, null!, DecoyHash.Value, password);
            return new PasswordCheck(null, null);
        }

        var verified = Verify(profileHasher, found.Profile, found.Profile.PasswordHash, password)
            ? new VerifiedPrincipal(
                found.User.Id,
                IamArn.Format(accountId, EntityKind.User, found.User.Path, found.User.Name),
                found.User.Name,
                IsRoot: false,
                found.Profile)
            : null;
        return new PasswordCheck(found.User.Id, verified);
    }

    /// <summary>Checks the current password of a signed-in principal (root, or a user with a login profile).</summary>
    public async Task<bool> VerifyCurrentAsync(
        string principalId,
        bool isRoot,
        string password,
        CancellationToken cancellationToken)
    {
        if (isRoot)
        {
            var root = await db.RootUsers.AsNoTracking().SingleAsync(cancellationToken);
            return Verify(rootHasher, root, root.PasswordHash, password);
        }

        var profile = await db.LoginProfiles.AsNoTracking()
            .SingleOrDefaultAsync(p => p.UserId == principalId, cancellationToken);
        var right = Verify(profileHasher, profile!, profile?.PasswordHash ?? DecoyHash.Value, password);
        return right && profile is not null;
    }

    private static bool Verify<T>(IPasswordHasher<T> hasher, T owner, string hash, string password)
        where T : class =>
        hasher.VerifyHashedPassword(owner, hash, password) != PasswordVerificationResult.Failed;
}
