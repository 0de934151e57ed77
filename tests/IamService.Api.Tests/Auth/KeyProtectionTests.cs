using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IamService.Api.Tests.Infrastructure;
using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Auth;

/// <summary>
/// With <c>DataProtection:Certificate</c> set, the stored Data Protection keys are encrypted to it; any instance
/// with the certificate, or with it among the previous ones after a change, reads them back.
/// </summary>
public sealed class KeyProtectionTests : IAsyncLifetime
{
    private const string Password = "Pfx-password-for-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("iam-key-protection-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreatePostgresAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_read_back_from_the_pem_form_and_after_a_change_of_certificate()
    {
        var (pfx, certificatePem, keyPem) = WriteRsaCertificate("first");
        var (second, _, _) = WriteRsaCertificate("second");

        // The first sign-in makes the token signing key, whose private half Data Protection encrypts.
        string firstToken;
        await using (var first = Host(("DataProtection:Certificate:Path", pfx),
            ("DataProtection:Certificate:Password", Password)))
        {
            firstToken = await first.SignInAsRootAsync();
            var stored = await StoredKeysAsync(first);
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // Signing again needs the stored private half, so it proves the keys were decrypted.
        await using (var pem = Host(("DataProtection:Certificate:Path", certificatePem),
            ("DataProtection:Certificate:KeyPath", keyPem)))
        {
            await pem.SignInAsRootAsync();
            using var client = pem.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", firstToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        }

        await using var changed = Host(
            ("DataProtection:Certificate:Path", second),
            ("DataProtection:Certificate:Password", Password),
            ("DataProtection:PreviousCertificates:0:Path", pfx),
            ("DataProtection:PreviousCertificates:0:Password", Password));
        await changed.SignInAsRootAsync();
    }

    [Fact]
    public async Task A_certificate_that_cannot_encrypt_keys_stops_the_start_with_the_setting_named()
    {
        var missing = Path.Combine(_directory, "missing.pfx");
        var missingError = StartError(("DataProtection:Certificate:Path", missing));
        Assert.Contains("DataProtection:Certificate:Path must name a readable certificate file", missingError,
            StringComparison.Ordinal);

        var (pfx, _, _) = WriteRsaCertificate("wrong-password");
        var passwordError = StartError(("DataProtection:Certificate:Path", pfx),
            ("DataProtection:Certificate:Password", "not-the-password"));
        Assert.Contains("DataProtection:Certificate could not be read", passwordError, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", passwordError, StringComparison.Ordinal);

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ecdsaCertificate = new CertificateRequest("CN=ecdsa", ecdsa, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var ecdsaPath = Path.Combine(_directory, "ecdsa.pfx");
        await File.WriteAllBytesAsync(ecdsaPath, ecdsaCertificate.Export(X509ContentType.Pfx, Password));
        var ecdsaError = StartError(("DataProtection:Certificate:Path", ecdsaPath),
            ("DataProtection:Certificate:Password", Password));
        Assert.Contains("must hold an RSA certificate with its private key", ecdsaError, StringComparison.Ordinal);

        var previousOnlyError = StartError(("DataProtection:PreviousCertificates:0:Path", pfx));
        Assert.Contains("PreviousCertificates is set without DataProtection:Certificate", previousOnlyError,
            StringComparison.Ordinal);
    }

    private IamApiFactory Host(params (string Key, string Value)[] settings) =>
        new(_database) { Settings = settings.ToDictionary(s => s.Key, s => s.Value) };

    private string StartError(params (string Key, string Value)[] settings)
    {
        using var factory = Host(settings);
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
    }

    private static async Task<List<string>> StoredKeysAsync(IamApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A self-signed RSA certificate as a PKCS#12 file with a password, and as PEM files.</summary>
    private (string Pfx, string CertificatePem, string KeyPem) WriteRsaCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_directory, $"{name}.pfx");
        var certificatePem = Path.Combine(_directory, $"{name}.crt");
        var keyPem = Path.Combine(_directory, $"{name}.key");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(certificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, rsa.ExportPkcs8PrivateKeyPem());
        return (pfx, certificatePem, keyPem);
    }
}
