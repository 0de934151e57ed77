using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>What a session was opened by, which decides what its token may do.</summary>
public enum SessionKind
{
    /// <summary>A sign-in with a password (and an MFA code where required).</summary>
    SignIn = 0,

    /// <summary>A sign-in whose password must be changed first: the token can only change it.</summary>
    PasswordChange = 1,

    /// <summary>Temporary credentials obtained with an access key.</summary>
    SessionToken = 2,

    /// <summary>A role assumed by a signed-in caller.</summary>
    AssumedRole = 3,
}

/// <summary>
/// One issued access token's server-side state: tokens carry its id, and a token is honoured only while its
/// session exists, has not expired and has not been revoked.
/// </summary>
public sealed class Session(string id, SessionKind kind, string principalId, string principalArn)
{
    /// <summary>Session ids are 128 random bits in base64url.</summary>
    public const int IdLength = 22;

    public const int MaxRoleSessionNameLength = 64;

    public string Id { get; private set; } = id;

    public SessionKind Kind { get; private set; } = kind;

    /// <summary>The user id, the account id for root, or the role id for an assumed role.</summary>
    public string PrincipalId { get; private set; } = principalId;

    /// <summary>
    /// The principal's ARN as policies see it, e.g. <c>arn:aws:sts::123456789012:assumed-role/R/s</c>.
    /// </summary>
    public string PrincipalArn { get; private set; } = principalArn;

    /// <summary>For an assumed role or a session token, the id of the user (or account for root) behind it.</summary>
    public string? SourcePrincipalId { get; init; }

    /// <summary>The access key a session token was obtained with; deactivating the key ends the session.</summary>
    public string? SourceAccessKeyId { get; init; }

    public string? RoleSessionName { get; init; }

    /// <summary>The session policy passed to assume-role, which further limits the role's permissions.</summary>
    public string? SessionPolicy { get; init; }

    public DateTimeOffset AuthTime { get; init; }

    public DateTimeOffset? MfaAuthTime { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? SourceIp { get; init; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(Session.IdLength);
        builder.Property(s => s.PrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(s => s.PrincipalArn).HasMaxLength(CredentialColumns.ArnLength);
        builder.Property(s => s.SourcePrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(s => s.SourceAccessKeyId).HasMaxLength(AccessKey.IdLength);
        builder.Property(s => s.RoleSessionName).HasMaxLength(Session.MaxRoleSessionNameLength);
        builder.Property(s => s.SourceIp).HasMaxLength(CredentialColumns.IpLength);
        // Revocation finds every session of a principal, of a source user, or of an access key.
        builder.HasIndex(s => s.PrincipalId);
        builder.HasIndex(s => s.SourcePrincipalId);
        builder.HasIndex(s => s.SourceAccessKeyId);
    }
}
