namespace IamService.Api.Auth;

/// <summary>
/// The certificates that encrypt the Data Protection keys before they are stored (section
/// <c>DataProtection</c>). Without one the keys, which encrypt MFA seeds and token signing keys, are stored
/// unencrypted in the same database as what they protect.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Encrypts every new key, and decrypts the keys it encrypted.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates used before <see cref="Certificate"/>, kept to decrypt the keys they encrypted.</summary>
    public IList<CertificateFile> PreviousCertificates { get; } = [];
}

/// <summary>
/// An X.509 certificate with its RSA private key, read from a PKCS#12 file (<c>.pfx</c> or <c>.p12</c>, with
/// <see cref="Password"/>) or from PEM (the key in the same file or in <see cref="KeyPath"/>, encrypted when a
/// password is given).
/// </summary>
public sealed class CertificateFile
{
    public string? Path { get; set; }

    public string? KeyPath { get; set; }

    public string? Password { get; set; }
}
