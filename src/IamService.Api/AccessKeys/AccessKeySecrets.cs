using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using IamService.Api.Common;

namespace IamService.Api.AccessKeys;

/// <summary>
/// Makes access key ids and secrets and checks secrets. A secret is 240 random bits, so a plain SHA-256 of it
/// is as hard to reverse as the secret is to guess: no slow password hash is needed, and checking a key on
/// every session-token request stays cheap.
/// </summary>
public static class AccessKeySecrets
{
    /// <summary>AWS's secret alphabet: base64's 64 characters, so 40 of them carry 240 bits.</summary>
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string IdPrefix = "AKIA";
    private const string HashPrefix = "sha256:";
    private const int IdRandomLength = 16;

    public const int SecretLength = 40;

    private static readonly SearchValues<char> Base32 = SearchValues.Create(IamIds.Base32Alphabet);

    /// <summary>A hash that no secret produces, checked against when the key id is unknown.</summary>
    private static readonly string DecoyHash = HashPrefix + Convert.ToBase64String(new byte[SHA256.HashSizeInBytes]);

    /// <summary><c>AKIA</c> and 16 upper-case base32 characters (80 random bits), as IAM's key ids look.</summary>
    public static string NewId() => IdPrefix + RandomNumberGenerator.GetString(IamIds.Base32Alphabet, IdRandomLength);

    public static string NewSecret() => RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);

    public static bool IsWellFormedId(string? accessKeyId) =>
        accessKeyId is { Length: Data.Credentials.AccessKey.IdLength }
        && accessKeyId.StartsWith(IdPrefix, StringComparison.Ordinal)
        && accessKeyId.AsSpan(IdPrefix.Length).IndexOfAnyExcept(Base32) < 0;

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return HashPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>
    /// Whether the secret hashes to the stored hash, compared in constant time. With a null hash (unknown key)
    /// the same work is done against a decoy and the answer is false, so timing does not tell which ids exist.
    /// </summary>
    public static bool Verify(string? storedHash, string secret)
    {
        var expected = Encoding.ASCII.GetBytes(storedHash ?? DecoyHash);
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && storedHash is not null;
    }
}
