using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>
/// A key pair that signs access tokens. The private half is encrypted with Data Protection; the public half
/// is published at <c>/.well-known/jwks.json</c> until every token it signed has expired.
/// </summary>
public sealed class SigningKey(string id, string algorithm, string protectedPrivateKey, string publicJwk)
{
    public const int IdLength = 32;

    /// <summary>The JWT <c>kid</c>.</summary>
    public string Id { get; private set; } = id;

    /// <summary>The JWS algorithm, e.g. <c>ES256</c>.</summary>
    public string Algorithm { get; private set; } = algorithm;

    public string ProtectedPrivateKey { get; private set; } = protectedPrivateKey;

    /// <summary>The public key as a JSON Web Key.</summary>
    public string PublicJwk { get; private set; } = publicJwk;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant the key signs nothing new.</summary>
    public DateTimeOffset RetireAt { get; init; }

    /// <summary>After this instant the key is no longer published nor trusted.</summary>
    public DateTimeOffset ExpireAt { get; init; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(SigningKey.IdLength);
        builder.Property(k => k.Algorithm).HasMaxLength(16);
    }
}
