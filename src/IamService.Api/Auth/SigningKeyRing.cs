using System.Security.Cryptography;
using System.Text.Json;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Auth;

/// <summary>
/// The ES256 keys that sign access tokens. Keys live in the database (private halves encrypted with Data
/// Protection) so that every instance signs and verifies with the same ring; each instance keeps a copy in
/// memory and rereads it every <see cref="TokenOptions.KeyRingRefresh"/>.
/// </summary>
public sealed partial class SigningKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<TokenOptions> options,
    TimeProvider time,
    ILogger<SigningKeyRing> logger) : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private static readonly TimeSpan UnknownKeyRereadInterval = TimeSpan.FromSeconds(1);

    private readonly IDataProtector protector = protection.CreateProtector("IamService.SigningKeys.v1");
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private volatile Snapshot current = Snapshot.Empty;

    /// <summary>The key that signs new tokens, creating or rotating it when due.</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (snapshot.Signing is null || snapshot.Signing.RetireAt <= time.GetUtcNow())
        {
            snapshot = await RefreshAsync(createIfDue: true, cancellationToken);
        }

        var signing = snapshot.Signing ?? throw new InvalidOperationException("No signing key could be created.");
        return new SigningCredentials(signing.PrivateKey, Algorithm);
    }

    /// <summary>The keys tokens may be verified with: every key not yet expired, as of the last refresh.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys => current.ValidationKeys;

    /// <summary>The public keys as JSON Web Keys, for <c>/.well-known/jwks.json</c>.</summary>
    public async Task<IReadOnlyList<string>> GetPublicJwksAsync(CancellationToken cancellationToken)
    {
        // Publishing before the first sign-in makes the key that will sign it.
        await GetSigningCredentialsAsync(cancellationToken);
        return current.PublicJwks;
    }

    /// <summary>
    /// Makes sure a token's key id is known, rereading the ring when it is not: another instance may have
    /// rotated since the last refresh. Unknown ids trigger at most one reread per second, so made-up ids
    /// cannot make every request hit the database.
    /// </summary>
    public async Task EnsureKnownAsync(string? keyId, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (keyId is null || snapshot.ValidationKeys.Any(k => k.KeyId == keyId)
            || snapshot.LoadedAt + UnknownKeyRereadInterval > time.GetUtcNow())
        {
            return;
        }

        await RefreshAsync(createIfDue: false, cancellationToken);
    }

    /// <summary>Loads the ring if this instance's copy is stale; a request never waits longer than one read.</summary>
    internal async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        return snapshot.LoadedAt + options.Value.KeyRingRefresh > time.GetUtcNow()
            ? snapshot
            : await RefreshAsync(createIfDue: false, cancellationToken);
    }

    private async Task<Snapshot> RefreshAsync(bool createIfDue, CancellationToken cancellationToken)
    {
        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
            var now = time.GetUtcNow();
            var rows = await db.SigningKeys.AsNoTracking()
                .Where(k => k.ExpireAt > now).ToListAsync(cancellationToken);
            if (createIfDue && !rows.Any(k => k.RetireAt > now))
            {
                // Two instances may both get here at once; each then adds a key, and both keys are valid.
                var created = CreateKey(now);
                db.SigningKeys.Add(created);
                await db.SaveChangesAsync(cancellationToken);
                rows.Add(created);
                Log.KeyCreated(logger, created.Id, created.RetireAt);
            }

            current = Build(rows, now);
            return current;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    private SigningKey CreateKey(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        // The public half only, in RFC 7517's member names.
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            ["crv"] = JsonWebKeyECTypes.P256,
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
            ["kid"] = id,
            ["use"] = JsonWebKeyUseNames.Sig,
            ["alg"] = Algorithm,
        });
        var privateKey = protector.Protect(ecdsa.ExportPkcs8PrivateKey());
        var retireAt = now + options.Value.SigningKeyRotation;
        return new SigningKey(id, Algorithm, Convert.ToBase64String(privateKey), jwk)
        {
            CreatedAt = now,
            RetireAt = retireAt,
            // A token signed just before retirement must stay verifiable for as long as it lives.
            ExpireAt = retireAt + TokenOptions.MaxTokenLifetime,
        };
    }

    private Snapshot Build(List<SigningKey> rows, DateTimeOffset now)
    {
        var signing = rows.Where(k => k.RetireAt > now).OrderByDescending(k => k.CreatedAt).FirstOrDefault();
        var validation = rows.Select(k => (SecurityKey)new JsonWebKey(k.PublicJwk)).ToList();
        ActiveKey? active = null;
        if (signing is not null)
        {
            var ecdsa = ECDsa.Create();
            var privateKey = protector.Unprotect(Convert.FromBase64String(signing.ProtectedPrivateKey));
            ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
            active = new ActiveKey(new ECDsaSecurityKey(ecdsa) { KeyId = signing.Id }, signing.RetireAt);
        }

        return new Snapshot(now, active, validation, [.. rows.Select(k => k.PublicJwk)]);
    }

    public void Dispose() => refreshLock.Dispose();

    internal sealed record ActiveKey(ECDsaSecurityKey PrivateKey, DateTimeOffset RetireAt);

    internal sealed record Snapshot(
        DateTimeOffset LoadedAt,
        ActiveKey? Signing,
        IReadOnlyList<SecurityKey> ValidationKeys,
        IReadOnlyList<string> PublicJwks)
    {
        public static Snapshot Empty { get; } = new(DateTimeOffset.MinValue, null, [], []);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Created token signing key {KeyId}, retiring at {RetireAt}")]
        public static partial void KeyCreated(ILogger logger, string keyId, DateTimeOffset retireAt);
    }
}
