using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace IamService.Api.Auth;

/// <summary>Encrypts stored Data Protection keys to the certificate in <see cref="KeyProtectionOptions"/>.</summary>
internal static class KeyProtection
{
    /// <summary>
    /// Reads the certificates at start-up, so that a missing file, a wrong password or a certificate without an
    /// RSA private key stops the service with a message naming the setting, before any key is written.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWith(
        this IDataProtectionBuilder builder,
        IConfigurationSection section)
    {
        var options = section.Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (options.Certificate is null)
        {
            if (options.PreviousCertificates.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{section.Path}:PreviousCertificates is set without {section.Path}:Certificate: name the "
                    + "certificate that encrypts new keys too.");
            }

            return builder;
        }

        builder.ProtectKeysWithCertificate(Load(options.Certificate, $"{section.Path}:Certificate"));
        if (options.PreviousCertificates.Count > 0)
        {
            builder.UnprotectKeysWithAnyCertificate([.. options.PreviousCertificates
                .Select((file, i) => Load(file, $"{section.Path}:PreviousCertificates:{i}"))]);
        }

        return builder;
    }

    private static X509Certificate2 Load(CertificateFile file, string setting)
    {
        if (string.IsNullOrWhiteSpace(file.Path) || !File.Exists(file.Path))
        {
            throw new InvalidOperationException(
                $"{setting}:Path must name a readable certificate file (.pfx, .p12 or PEM); it is '{file.Path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(file.Path);
            certificate = extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)
                    ? X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password)
                    : string.IsNullOrEmpty(file.Password)
                        ? X509Certificate2.CreateFromPemFile(file.Path, file.KeyPath)
                        : X509Certificate2.CreateFromEncryptedPemFile(file.Path, file.Password, file.KeyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
        {
            // The exception's message never holds the password.
            throw new InvalidOperationException(
                $"{setting} could not be read: {e.Message} Check the file, its key file and its password.", e);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            throw new InvalidOperationException(
                $"{setting} must hold an RSA certificate with its private key: keys are encrypted to RSA.");
        }

        return certificate;
    }
}
